import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import type { Handover } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { fetchIncoming, fetchOutgoing } from './api';
import { HandoverCard } from './HandoverCards';

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

const Cards = ({ rows, none, onChanged }: { rows: Handover[]; none: string; onChanged: (message: string) => void }) =>
  rows.length === 0 ? (
    <Typography variant="body2">{none}</Typography>
  ) : (
    <Stack spacing={1}>
      {rows.map((h) => (
        <HandoverCard key={h.id} handover={h} onChanged={onChanged} />
      ))}
    </Stack>
  );

/**
 * "Overdragelser" / "Hand-overs": the hand-overs addressed to the municipality (to accept or decline,
 * then the old record to read) and its own hand-overs to other municipalities. A new one is made from
 * the citizen's page, or when a course ends transferred.
 */
export const HandoversPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [incoming, setIncoming] = useState<Handover[] | null>(null);
  const [outgoing, setOutgoing] = useState<Handover[] | null>(null);
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
      <Title title={translate('app.handovers.title')} />
      <Typography variant="h5" component="h1">
        {translate('app.handovers.title')}
      </Typography>
      <Typography variant="body2">{translate('app.handovers.intro')}</Typography>
      {failed && <Alert severity="error">{translate('ra.notification.http_error')}</Alert>}
      {!failed && (incoming === null || outgoing === null) && <Loading />}
      {incoming && (
        <Panel title={translate('app.handovers.incoming')} testId="handovers-incoming">
          <Cards rows={incoming} none={translate('app.handovers.none_incoming')} onChanged={changed} />
        </Panel>
      )}
      {outgoing && (
        <Panel title={translate('app.handovers.outgoing')} testId="handovers-outgoing">
          <Cards rows={outgoing} none={translate('app.handovers.none_outgoing')} onChanged={changed} />
        </Panel>
      )}
    </Stack>
  );
};
