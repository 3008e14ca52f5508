import { Alert, Button, Stack, TextField } from '@mui/material';
import type { Citizen } from '@outcomes/contracts';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';

/**
 * A citizen by CPR number (looked up in a POST body, never a URL) or by a pasted citizen id; no
 * name search here.
 */
export const CitizenPicker = ({ citizenId, onChange }: { citizenId: string; onChange: (id: string, label?: string) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [cpr, setCpr] = useState('');
  const [found, setFound] = useState<Citizen | null>(null);
  const [notFound, setNotFound] = useState(false);
  const lookup = async () => {
    setNotFound(false);
    try {
      const citizen = await dataProvider.lookupCitizen(cpr.trim());
      setFound(citizen);
      setNotFound(!citizen);
      if (citizen) onChange(citizen.id);
    } catch {
      setNotFound(true);
    }
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <TextField
          size="small"
          fullWidth
          label={translate('resources.citizens.fields.cpr')}
          value={cpr}
          onChange={(event) => setCpr(event.target.value)}
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <Button variant="outlined" onClick={() => void lookup()} disabled={cpr.trim() === ''}>
          {translate('app.citizens.find')}
        </Button>
      </Stack>
      {found && found.id === citizenId && (
        <Alert severity="success" sx={{ py: 0 }}>
          {found.firstName} {found.lastName}
        </Alert>
      )}
      {notFound && (
        <Alert severity="info" sx={{ py: 0 }}>
          {translate('app.citizens.cpr_not_found')}
        </Alert>
      )}
      <TextField
        size="small"
        fullWidth
        name="citizen-id"
        label={translate('app.outreach.citizen_id')}
        value={citizenId}
        onChange={(event) => {
          setFound(null);
          onChange(event.target.value.trim());
        }}
        autoComplete="off"
      />
    </Stack>
  );
};
