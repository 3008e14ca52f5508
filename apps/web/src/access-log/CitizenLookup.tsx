import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import type { AccessHistoryCitizen } from '@outcomes/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useDataProvider, useListContext, useTranslate, ValidationError } from 'react-admin';
import { apiErrorOf } from '../common/http-errors';
import type { AppDataProvider } from '../data/data-provider';

export const citizenName = (c: AccessHistoryCitizen): string => `${c.firstName} ${c.lastName}`;

/**
 * "Who has seen this citizen", for the admin: the citizen is found by name or CPR number (sent in a
 * POST body, never a URL; the lookup is logged), then the log is filtered on the citizen chosen. The
 * name is kept in this page's memory only, never in the URL or the browser's storage; the filter holds
 * the citizen's id, which names no one.
 */
export const CitizenLookup = ({ chosen, onChoose }: { chosen: AccessHistoryCitizen | undefined; onChoose: (citizen: AccessHistoryCitizen | undefined) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [found, setFound] = useState<AccessHistoryCitizen[]>();
  const [busy, setBusy] = useState(false);
  const filteredId = typeof filterValues['citizenId'] === 'string' ? filterValues['citizenId'] : undefined;

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('app.access_log.lookup.required');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const citizens = await dataProvider.lookupAccessHistoryCitizens(text);
      setFound(citizens);
      if (citizens.length === 1 && citizens[0]) choose(citizens[0]);
    } catch (e) {
      // The data provider has already made the API's rule a translation key (data/field-errors.ts).
      setError(apiErrorOf(e).errors?.['q'] ?? 'app.access_log.bad_filter');
      setFound(undefined);
    } finally {
      setBusy(false);
    }
  };

  const choose = (citizen: AccessHistoryCitizen) => {
    onChoose(citizen);
    setText('');
    setFound(undefined);
    setFilters({ ...filterValues, citizenId: citizen.id }, displayedFilters);
  };

  const clear = () => {
    onChoose(undefined);
    const { citizenId: _dropped, ...rest } = filterValues as Record<string, unknown>;
    setFilters(rest, displayedFilters);
  };

  return (
    <Box sx={{ px: 2, pt: 2, pb: 1 }} data-testid="access-citizen-lookup">
      {filteredId ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" data-testid="access-history-of">
            {translate('app.access_log.lookup.showing', {
              name: chosen && chosen.id === filteredId ? citizenName(chosen) : translate('app.access_log.lookup.chosen_unknown'),
            })}
          </Typography>
          <Button size="small" onClick={clear}>
            {translate('app.access_log.lookup.clear')}
          </Button>
        </Stack>
      ) : (
        <>
          <Typography variant="subtitle1" component="h2">
            {translate('app.access_log.lookup.title')}
          </Typography>
          <Typography variant="caption" component="p" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.access_log.lookup.hint')}
          </Typography>
          <Box component="form" onSubmit={(e) => void find(e)} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }} noValidate>
            <TextField
              size="small"
              label={translate('app.access_log.lookup.label')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setError(undefined);
              }}
              error={error !== undefined}
              helperText={error ? <ValidationError error={error} /> : ' '}
              autoComplete="off"
              fullWidth={false}
              sx={{ width: 340, maxWidth: '100%' }}
              slotProps={{ htmlInput: { 'data-testid': 'access-lookup-text', maxLength: 200 } }}
            />
            <Button type="submit" variant="outlined" disabled={busy} sx={{ mt: 1 }}>
              {translate('app.access_log.lookup.find')}
            </Button>
          </Box>
          {found && found.length === 0 && <Alert severity="info">{translate('app.access_log.lookup.none')}</Alert>}
          {found && found.length > 1 && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
              <Typography variant="body2">{translate('app.access_log.lookup.choose')}</Typography>
              {found.map((c) => (
                <Chip
                  key={c.id}
                  clickable
                  onClick={() => choose(c)}
                  label={c.birthYear ? `${citizenName(c)} (${translate('app.access_log.lookup.born', { year: c.birthYear })})` : citizenName(c)}
                />
              ))}
            </Box>
          )}
        </>
      )}
    </Box>
  );
};
