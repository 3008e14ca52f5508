import { MenuItem, Stack, TextField } from '@mui/material';
import type { Municipality, Programme } from '@outcomes/contracts';
import { useGetList, useTranslate } from 'react-admin';
import type { OutcomeFilterValues } from './filters';
import { periodIsReversed } from './filters';

const ALL = { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' as const } };

/**
 * Programme, municipality and referral period. Staff see only their own municipality; evaluators
 * every municipality, and the API answers 403 for one not granted to them (the session does not
 * tell the web app which are).
 */
export const OutcomeFilters = ({
  values,
  onChange,
  ownMunicipalityOnly,
}: {
  values: OutcomeFilterValues;
  onChange: (values: OutcomeFilterValues) => void;
  ownMunicipalityOnly: boolean;
}) => {
  const translate = useTranslate();
  const programmes = useGetList<Programme>('programmes', ALL);
  const municipalities = useGetList<Municipality>('municipalities', ALL);
  const municipalityChoices = (municipalities.data ?? []).filter((m) => !ownMunicipalityOnly || m.id === values.municipalityId);
  const set = (field: keyof OutcomeFilterValues) => (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value });
  const reversed = periodIsReversed(values);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }} data-testid="outcome-filters">
      <TextField select size="small" label={translate('app.outcomes.filters.programme')} value={programmes.data ? values.programmeId : ''} onChange={set('programmeId')} sx={{ minWidth: 260 }}>
        {(programmes.data ?? []).map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate('app.outcomes.filters.municipality')}
        value={municipalities.data ? values.municipalityId : ''}
        onChange={set('municipalityId')}
        disabled={ownMunicipalityOnly}
        sx={{ minWidth: 200 }}
      >
        {municipalityChoices.map((m) => (
          <MenuItem key={m.id} value={m.id}>
            {m.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        size="small"
        label={translate('app.outcomes.filters.from')}
        value={values.from}
        onChange={set('from')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        type="date"
        size="small"
        label={translate('app.outcomes.filters.to')}
        value={values.to}
        onChange={set('to')}
        error={reversed}
        helperText={reversed ? translate('app.outcomes.errors.period') : undefined}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
};
