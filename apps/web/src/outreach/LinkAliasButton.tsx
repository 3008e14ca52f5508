import LinkIcon from '@mui/icons-material/Link';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';
import { CitizenPicker } from './CitizenPicker';

/** Moves every contact of an alias to a citizen, once the person is known. */
export const LinkAliasButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [alias, setAlias] = useState('');
  const [citizenId, setCitizenId] = useState('');
  const [busy, setBusy] = useState(false);
  const close = () => {
    setOpen(false);
    setAlias('');
    setCitizenId('');
  };
  const link = async () => {
    setBusy(true);
    try {
      const { moved } = await dataProvider.linkAlias(alias.trim(), citizenId.trim());
      notify('app.outreach.linked', { type: 'success', messageArgs: { smart_count: moved } });
      close();
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="app.outreach.link_alias" onClick={() => setOpen(true)}>
        <LinkIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="xs" fullWidth>
        <DialogTitle>{translate('app.outreach.link_alias')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              name="link-alias"
              label={translate('resources.outreach-contacts.fields.alias')}
              value={alias}
              onChange={(event) => setAlias(event.target.value)}
              autoComplete="off"
            />
            <CitizenPicker citizenId={citizenId} onChange={setCitizenId} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || !alias.trim() || !citizenId.trim()} onClick={() => void link()}>
            {translate('app.outreach.link')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
