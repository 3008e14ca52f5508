import ErrorIcon from '@mui/icons-material/ReportGmailerrorred';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import type { TreatmentSession } from '@outcomes/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DANISH_TEXT } from '../common/danish-text';
import { apiErrorOf } from '../common/http-errors';
import type { AppDataProvider } from '../data/data-provider';
import { translatableMessage } from '../data/field-errors';

const MIN_REASON = 3;

/**
 * "Markér som fejlregistreret": a session is never deleted; one logged in error is marked so, with a
 * reason, stays visible, marked, and leaves every figure (docs/domain.md).
 */
export const EnteredInErrorButton = () => {
  const session = useRecordContext<TreatmentSession>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!session || session.enteredInError) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setError(translate('resources.sessions.entered_in_error.reason_required'));
      return;
    }
    setBusy(true);
    try {
      await dataProvider.markSessionEnteredInError(String(session.id), reason.trim(), session.version);
      notify('resources.sessions.entered_in_error.done', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (failure) {
      const body = apiErrorOf(failure);
      if (body.errors?.['reason']) setError(translate(translatableMessage(body.errors['reason'])));
      else {
        notify(body.status === 409 ? 'app.notification.version_conflict_reloaded' : 'ra.notification.http_error', { type: 'error' });
        setOpen(false);
        refresh();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <MuiButton color="error" startIcon={<ErrorIcon />} onClick={() => setOpen(true)}>
        {translate('resources.sessions.entered_in_error.action')}
      </MuiButton>
      {open && (
        <Dialog open onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <DialogTitle>{translate('resources.sessions.entered_in_error.action')}</DialogTitle>
            <DialogContent>
              <DialogContentText sx={{ mb: 2 }}>{translate('resources.sessions.entered_in_error.explain')}</DialogContentText>
              <TextField
                name="reason"
                label={translate('resources.sessions.entered_in_error.reason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                multiline
                minRows={2}
                required
                fullWidth
                error={error !== undefined}
                helperText={error ?? translate('resources.sessions.entered_in_error.reason_hint')}
                slotProps={DANISH_TEXT}
              />
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
              <MuiButton type="submit" variant="contained" color="error" disabled={busy}>
                {translate('ra.action.confirm')}
              </MuiButton>
            </DialogActions>
          </form>
        </Dialog>
      )}
    </>
  );
};
