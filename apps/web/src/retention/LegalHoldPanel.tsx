import GavelIcon from '@mui/icons-material/Gavel';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import type { LegalHold } from '@outcomes/contracts';
import { useState } from 'react';
import { useCreate, useGetList, useNotify, usePermissions, useTranslate, useUpdate } from 'react-admin';
import type { Role } from '@outcomes/contracts';
import { formatDateTime } from '../common/dates';

const REASON_MIN = 5;

/** A reason field and its button: placing a hold and lifting one each need a reason. */
const ReasonForm = ({ label, button, testId, onSubmit, busy }: { label: string; button: string; testId: string; onSubmit: (reason: string) => void; busy: boolean }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= REASON_MIN;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' }, mt: 1 }}>
      <TextField
        size="small"
        label={translate(label)}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 500, 'data-testid': `${testId}-reason` } }}
        helperText={translate('app.retention.hold_reason_hint')}
        sx={{ flex: 1, maxWidth: 520 }}
      />
      <Button variant="outlined" disabled={!valid || busy} onClick={() => onSubmit(reason.trim())} data-testid={`${testId}-submit`} startIcon={<GavelIcon />}>
        {translate(button)}
      </Button>
    </Stack>
  );
};

/**
 * The citizen page's legal hold (decision 99): whether one is in force and why, placing one with a
 * reason, lifting it with a reason; lifted holds stay listed. While a hold is in force, retention
 * erases nothing of the citizen.
 */
export const LegalHoldPanel = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<Role | undefined>();
  const { data, refetch } = useGetList<LegalHold>('legal-holds', { filter: { citizenId }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 20 } }, { enabled: role === 'staff' });
  const [create, { isPending: placing }] = useCreate();
  const [update, { isPending: lifting }] = useUpdate();
  if (role !== 'staff') return null;
  const inForce = data?.find((h) => h.liftedAt === null);
  const lifted = data?.filter((h) => h.liftedAt !== null) ?? [];
  const done = (message: string) => ({
    onSuccess: () => {
      notify(message, { type: 'success' });
      void refetch();
    },
    onError: (e: unknown) => notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' }),
  });
  return (
    <Box component="section" aria-labelledby="legal-hold-heading" sx={{ mb: 3 }} data-testid="legal-hold">
      <Typography variant="h6" component="h2" id="legal-hold-heading">
        {translate('app.retention.hold_title')}
      </Typography>
      {inForce ? (
        <Paper variant="outlined" sx={{ p: 1.5 }}>
          <Alert severity="warning" data-testid="legal-hold-in-force">
            {translate('app.retention.hold_in_force', { reason: inForce.reason, date: formatDateTime(inForce.createdAt) })}
          </Alert>
          <ReasonForm
            label="app.retention.lift_reason"
            button="app.retention.lift"
            testId="legal-hold-lift"
            busy={lifting}
            onSubmit={(liftReason) => void update('legal-holds', { id: inForce.id, data: { liftReason, version: inForce.version }, previousData: inForce }, done('app.retention.lifted'))}
          />
        </Paper>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('app.retention.hold_none')}
          </Typography>
          <ReasonForm
            label="app.retention.hold_reason"
            button="app.retention.place"
            testId="legal-hold-place"
            busy={placing}
            onSubmit={(reason) => void create('legal-holds', { data: { citizenId, reason } }, done('app.retention.placed'))}
          />
        </>
      )}
      {lifted.length > 0 && (
        <Stack spacing={0.5} sx={{ mt: 1 }}>
          {lifted.map((h) => (
            <Typography key={h.id} variant="body2" color="text.secondary" data-testid="legal-hold-lifted">
              {translate('app.retention.hold_lifted', { reason: h.reason, liftReason: h.liftReason ?? '', date: formatDateTime(h.liftedAt) })}
            </Typography>
          ))}
        </Stack>
      )}
    </Box>
  );
};
