import SendIcon from '@mui/icons-material/Send';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { CaseRequest, Referral } from '@outcomes/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNotify, useTranslate } from 'react-admin';
import { fetchOutgoing } from './api';
import { ReferralCard } from './ReferralCards';

/**
 * On the request's page: its referrals under free choice (state and, once accepted, the course's
 * progress) and the way to make one. Anonymous treatment (§ 101 a) has no free choice.
 */
export const RequestReferrals = ({ request }: { request: CaseRequest }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const load = useCallback(() => {
    fetchOutgoing({ caseRequestId: request.id }).then(setReferrals, () => setReferrals([]));
  }, [request.id]);
  useEffect(load, [load]);
  const source = encodeURIComponent(JSON.stringify({ citizenId: request.citizenId, caseRequestId: request.id }));
  return (
    <Box component="section" aria-labelledby="request-referrals-title" data-testid="request-referrals" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" id="request-referrals-title" gutterBottom>
        {translate('app.referrals.request_referrals')}
      </Typography>
      {request.courseKind === 'sel-101a' ? (
        <Typography variant="body2">{translate('app.referrals.anonymous')}</Typography>
      ) : (
        <Stack spacing={1}>
          {referrals?.length === 0 && <Typography variant="body2">{translate('app.referrals.none_request')}</Typography>}
          {referrals?.map((r) => (
            <ReferralCard
              key={r.id}
              referral={r}
              onChanged={(message) => {
                notify(message, { type: 'success' });
                load();
              }}
            />
          ))}
          {request.status === 'open' && (
            <Box>
              <Button component={Link} to={`/referrals/create?source=${source}`} variant="outlined" startIcon={<SendIcon />} data-testid="request-refer">
                {translate('app.referrals.new')}
              </Button>
            </Box>
          )}
        </Stack>
      )}
    </Box>
  );
};
