import SearchIcon from '@mui/icons-material/PersonSearch';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Button, useDataProvider, useRedirect, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';
import { cprFeedback } from './cpr-feedback';

type Outcome = 'not-found' | 'failed' | undefined;

/**
 * "Find by CPR": the number goes in a POST body (never a URL, never the store), and a match opens the
 * citizen's page. Only citizens of the user's own municipality can be found.
 */
export const FindByCprButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [cpr, setCpr] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const { error } = cprFeedback(cpr);
  const errorText = touched && error ? (typeof error === 'string' ? translate(error) : translate(error.message, error.args)) : undefined;

  const close = () => {
    setOpen(false);
    setCpr('');
    setOutcome(undefined);
    setTouched(false);
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (error || cpr.trim() === '') return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const citizen = await dataProvider.lookupCitizen(cpr.trim());
      if (citizen) {
        close();
        redirect('show', 'citizens', citizen.id);
      } else {
        setOutcome('not-found');
      }
    } catch {
      setOutcome('failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="app.citizens.find_by_cpr" onClick={() => setOpen(true)}>
        <SearchIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="xs" fullWidth>
        <form onSubmit={(event) => void find(event)} noValidate>
          <DialogTitle>{translate('app.citizens.find_by_cpr')}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              name="lookup-cpr"
              label={translate('resources.citizens.fields.cpr')}
              value={cpr}
              onChange={(event) => {
                setCpr(event.target.value);
                setOutcome(undefined);
              }}
              onBlur={() => setTouched(cpr.trim() !== '')}
              error={errorText !== undefined}
              helperText={errorText ?? translate('app.helper.cpr')}
              autoComplete="off"
              slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
            />
            {outcome && (
              <Alert severity={outcome === 'not-found' ? 'info' : 'warning'} role="status" sx={{ mt: 1 }}>
                {translate(outcome === 'not-found' ? 'app.citizens.cpr_not_found' : 'app.citizens.cpr_lookup_failed')}
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy}>
              {translate('app.citizens.find')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
