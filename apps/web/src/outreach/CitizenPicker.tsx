import SearchIcon from '@mui/icons-material/Search';
import { Alert, Button, List, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import type { Citizen } from '@outcomes/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';
import { cprDigits } from './citizen-search';

/** How many citizens a name search shows; a common name narrows with the other name. */
const MATCHES = 8;

const Born = ({ citizen }: { citizen: Citizen }) => {
  const translate = useTranslate();
  return <>{citizen.birthYear ? translate('app.outreach.born', { year: citizen.birthYear }) : translate('app.outreach.born_unknown')}</>;
};

/**
 * A known citizen, found by a whole first or last name or by CPR number. Both go in a POST body (the
 * name search through POST /api/citizens/search, the CPR number through /lookup), never in a URL; the
 * answers show name and birth year, never an id.
 */
export const CitizenPicker = ({ citizenId, onChange }: { citizenId: string; onChange: (id: string, label?: string) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Citizen[] | null>(null);
  const [chosen, setChosen] = useState<Citizen | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const choose = (citizen: Citizen) => {
    setChosen(citizen);
    setMatches(null);
    onChange(citizen.id, `${citizen.firstName} ${citizen.lastName}`);
  };

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    const query = text.trim();
    if (query === '') return;
    setBusy(true);
    setFailed(false);
    try {
      const cpr = cprDigits(query);
      if (cpr !== null) {
        const citizen = await dataProvider.lookupCitizen(cpr);
        setMatches(citizen ? [citizen] : []);
      } else {
        const { data } = await dataProvider.getList<Citizen>('citizens', {
          filter: { q: query },
          pagination: { page: 1, perPage: MATCHES },
          // Names are stored encrypted: no order by name; the newest first.
          sort: { field: 'createdAt', order: 'DESC' },
        });
        setMatches(data);
      }
    } catch {
      setMatches(null);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  if (chosen && chosen.id === citizenId) {
    return (
      <Alert
        severity="success"
        data-testid="chosen-citizen"
        action={
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              setChosen(null);
              onChange('');
            }}
          >
            {translate('app.outreach.change_citizen')}
          </Button>
        }
      >
        <strong>
          {chosen.firstName} {chosen.lastName}
        </strong>
        {' · '}
        <Born citizen={chosen} />
      </Alert>
    );
  }

  return (
    <Stack spacing={1} component="form" onSubmit={(event) => void search(event)} role="search">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          size="small"
          fullWidth
          name="citizen-search"
          label={translate('app.outreach.find_citizen')}
          helperText={translate('app.outreach.find_citizen_hint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          slotProps={{ htmlInput: { enterKeyHint: 'search', spellCheck: false } }}
        />
        <Button type="submit" variant="outlined" startIcon={<SearchIcon />} disabled={busy || text.trim() === ''} sx={{ minHeight: 40, flexShrink: 0 }}>
          {translate('app.outreach.search')}
        </Button>
      </Stack>
      {failed && <Alert severity="error">{translate('ra.notification.http_error')}</Alert>}
      {matches !== null && matches.length === 0 && (
        <Alert severity="info" sx={{ py: 0 }}>
          {translate(cprDigits(text) === null ? 'app.outreach.no_match' : 'app.citizens.cpr_not_found')}
        </Alert>
      )}
      {matches !== null && matches.length > 0 && (
        <>
          <Typography variant="caption" color="text.secondary">
            {translate('app.outreach.matches')}
          </Typography>
          <List dense disablePadding data-testid="citizen-matches" sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
            {matches.map((citizen) => (
              <ListItemButton key={citizen.id} onClick={() => choose(citizen)} sx={{ minHeight: 48 }}>
                <ListItemText primary={`${citizen.firstName} ${citizen.lastName}`} secondary={<Born citizen={citizen} />} />
              </ListItemButton>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
};
