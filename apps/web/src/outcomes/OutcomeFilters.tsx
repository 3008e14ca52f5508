import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Municipality, Programme } from '@outcomes/contracts';
import { useGetList, useTranslate } from 'react-admin';
import { DanishDateTextField } from '../common/DanishDateField';
import { firstDayOf, lastDayOf, MIN_REPORT_MONTHS, monthOf } from '../common/months';
import type { OutcomeFilterValues } from './filters';
import { periodProblem } from './filters';

type PeriodProps = { values: OutcomeFilterValues; onChange: (values: OutcomeFilterValues) => void };

const PERIOD_PROBLEM_KEYS = {
  reversed: 'app.outcomes.errors.period',
  not_whole_months: 'app.outcomes.errors.period_months',
  too_short: 'app.outcomes.errors.period_months',
} as const;

/** Staff: any days of their own municipality's data. */
const DayPeriod = ({ values, onChange }: PeriodProps) => {
  const translate = useTranslate();
  const problem = periodProblem(values, false);
  return (
    <>
      <DanishDateTextField
        size="small"
        sx={{ width: 150, flexShrink: 0 }}
        label={translate('app.outcomes.filters.from')}
        value={values.from}
        onChange={(from) => onChange({ ...values, from })}
      />
      <DanishDateTextField
        size="small"
        sx={{ width: 150, flexShrink: 0 }}
        label={translate('app.outcomes.filters.to')}
        value={values.to}
        onChange={(to) => onChange({ ...values, to })}
        error={problem !== null}
        helperText={problem ? translate(PERIOD_PROBLEM_KEYS[problem]) : undefined}
      />
    </>
  );
};

/**
 * Evaluators: a from-month and a to-month, sent as the first day of the one and the last day of the
 * other. A browser without a month picker shows a text field; what is typed stays as typed until it
 * is a whole month (YYYY-MM), and no report is asked for meanwhile.
 */
const MonthPeriod = ({ values, onChange }: PeriodProps) => {
  const translate = useTranslate();
  const problem = periodProblem(values, true);
  return (
    <Stack spacing={0.5} data-testid="month-period" sx={{ flexShrink: 0, maxWidth: '100%' }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <DanishDateTextField
          month
          size="small"
          sx={{ width: 150, maxWidth: '100%' }}
          label={translate('app.outcomes.filters.from')}
          value={monthOf(values.from)}
          onChange={(month) => onChange({ ...values, from: firstDayOf(month) })}
          error={problem !== null}
        />
        <DanishDateTextField
          month
          size="small"
          sx={{ width: 150 }}
          label={translate('app.outcomes.filters.to')}
          value={monthOf(values.to)}
          onChange={(month) => onChange({ ...values, to: lastDayOf(month) })}
          error={problem !== null}
        />
      </Stack>
      <Typography variant="caption" color={problem ? 'error' : 'text.secondary'} data-testid="period-rule" role={problem ? 'alert' : undefined} sx={{ maxWidth: 420 }}>
        {problem ? translate(PERIOD_PROBLEM_KEYS[problem], { min: MIN_REPORT_MONTHS }) : translate('app.outcomes.filters.months_hint', { min: MIN_REPORT_MONTHS })}
      </Typography>
    </Stack>
  );
};

const ALL = { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' as const } };

/**
 * Programme, municipality and referral period (whole months for evaluators). Staff see only their own municipality; evaluators
 * every municipality, and the API answers 403 for one not granted to them (the session does not
 * tell the web app which are).
 */
export const OutcomeFilters = ({
  values,
  onChange,
  ownMunicipalityOnly,
  wholeMonths,
}: {
  values: OutcomeFilterValues;
  onChange: (values: OutcomeFilterValues) => void;
  ownMunicipalityOnly: boolean;
  /** Evaluators choose whole calendar months, at least three. */
  wholeMonths: boolean;
}) => {
  const translate = useTranslate();
  const programmes = useGetList<Programme>('programmes', ALL);
  const municipalities = useGetList<Municipality>('municipalities', ALL);
  const municipalityChoices = (municipalities.data ?? []).filter((m) => !ownMunicipalityOnly || m.id === values.municipalityId);
  const set = (field: keyof OutcomeFilterValues) => (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value });
  return (
    // Fixed widths that wrap onto a new line rather than run past the screen, and a long programme name wraps in its box (WCAG 1.4.10).
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: { md: 'flex-start' } }} data-testid="outcome-filters">
      <TextField select size="small" label={translate('app.outcomes.filters.programme')} value={programmes.data ? values.programmeId : ''} onChange={set('programmeId')} sx={{ width: { md: 360 }, maxWidth: '100%', '& .MuiSelect-select.MuiInputBase-input': { whiteSpace: 'normal' } }}>
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
        sx={{ width: { md: 240 }, maxWidth: '100%' }}
      >
        {municipalityChoices.map((m) => (
          <MenuItem key={m.id} value={m.id}>
            {m.name}
          </MenuItem>
        ))}
      </TextField>
      {wholeMonths ? <MonthPeriod values={values} onChange={onChange} /> : <DayPeriod values={values} onChange={onChange} />}
    </Stack>
  );
};
