import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import type { Referral } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { fetchIncoming, fetchOutgoing } from './api';
import { ReferralCard } from './ReferralCards';

const Panel = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card variant="outlined" data-testid={testId} component="section" aria-labelledby={`${testId}-title`}>
    <CardContent>
      <Typography variant="h6" component="h2" id={`${testId}-title`} gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/**
 * "Henvisninger" / "Referrals": the referrals addressed to the municipality's treatment places (to
 * accept or decline) and its own referrals to other municipalities (state, and the course's progress
 * once accepted). A new referral is made from the citizen's request.
 */
export const ReferralsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [incoming, setIncoming] = useState<Referral[] | null>(null);
  const [outgoing, setOutgoing] = useState<Referral[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    Promise.all([fetchIncoming(), fetchOutgoing()]).then(
      ([i, o]) => {
        setIncoming(i);
        setOutgoing(o);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(load, [load]);
  const changed = (message: string) => {
    notify(message, { type: 'success' });
    load();
  };
  return (
    <Stack spacing={2} sx={{ p: { xs: 1.5, sm: 2 }, maxWidth: 1000 }}>
      <Title title={translate('app.referrals.title')} />
      <Typography variant="h5" component="h1">
        {translate('app.referrals.title')}
      </Typography>
      <Typography variant="body2">{translate('app.referrals.intro')}</Typography>
      {failed && <Alert severity="error">{translate('ra.notification.http_error')}</Alert>}
      {!failed && (incoming === null || outgoing === null) && <Loading />}
      {incoming && (
        <Panel title={translate('app.referrals.incoming')} testId="referrals-incoming">
          {incoming.length === 0 ? (
            <Typography variant="body2">{translate('app.referrals.none_incoming')}</Typography>
          ) : (
            <Stack spacing={1}>
              {incoming.map((r) => (
                <ReferralCard key={r.id} referral={r} onChanged={changed} />
              ))}
            </Stack>
          )}
        </Panel>
      )}
      {outgoing && (
        <Panel title={translate('app.referrals.outgoing')} testId="referrals-outgoing">
          {outgoing.length === 0 ? (
            <Typography variant="body2">{translate('app.referrals.none_outgoing')}</Typography>
          ) : (
            <Stack spacing={1}>
              {outgoing.map((r) => (
                <ReferralCard key={r.id} referral={r} onChanged={changed} />
              ))}
            </Stack>
          )}
        </Panel>
      )}
    </Stack>
  );
};
