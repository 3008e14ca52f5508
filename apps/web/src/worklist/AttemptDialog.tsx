import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormLabel, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import type { ContactChannel, WorklistItem } from '@outcomes/contracts';
import { CONTACT_CHANNELS } from '@outcomes/contracts';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { todayLocal } from '../common/dates';
import type { AppDataProvider } from '../data/data-provider';
import { DanishDateTextField } from '../common/DanishDateField';

/** Date, channel and whether the citizen was reached: one attempt to reach them for this follow-up. */
export const AttemptDialog = ({ item, onClose, onSaved }: { item: WorklistItem; onClose: () => void; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [date, setDate] = useState(todayLocal());
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [reached, setReached] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const t = (key: string) => translate(`app.worklist.attempt.${key}`);

  const save = async () => {
    if (reached === null) return;
    setBusy(true);
    try {
      await dataProvider.addFollowUpAttempt(item.enrolmentId, { timepoint: item.timepoint, date, channel, reached });
      notify('app.worklist.attempt.saved', { type: 'success' });
      onSaved();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="attempt-dialog-title">
      <DialogTitle id="attempt-dialog-title">
        {translate('app.worklist.log_attempt_title')}: {translate(`resources.assessments.timepoints.${item.timepoint}`)}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DanishDateTextField name="attemptDate" label={t('date')} value={date} onChange={setDate} />
          <Stack spacing={0.5}>
            <FormLabel id="attempt-channel">{t('channel')}</FormLabel>
            <ToggleButtonGroup exclusive size="small" value={channel} aria-labelledby="attempt-channel" onChange={(_e, next: ContactChannel | null) => next && setChannel(next)} sx={{ flexWrap: 'wrap' }}>
              {CONTACT_CHANNELS.map((c) => (
                <ToggleButton key={c} value={c} sx={{ textTransform: 'none' }}>
                  {translate(`app.worklist.channels.${c}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Stack>
          <Stack spacing={0.5}>
            <FormLabel id="attempt-outcome">{t('outcome')}</FormLabel>
            <ToggleButtonGroup exclusive size="small" value={reached} aria-labelledby="attempt-outcome" onChange={(_e, next: boolean | null) => next !== null && setReached(next)}>
              <ToggleButton value={true} color="success" sx={{ textTransform: 'none' }}>
                {t('reached')}
              </ToggleButton>
              <ToggleButton value={false} color="warning" sx={{ textTransform: 'none' }}>
                {t('not_reached')}
              </ToggleButton>
            </ToggleButtonGroup>
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || reached === null || !date} onClick={() => void save()}>
          {t('save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
