import { EXPORT_MIN_K } from '@outcomes/contracts';
import {
  AutocompleteArrayInput,
  maxLength,
  minLength,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  required,
  TextInput,
} from 'react-admin';
import { DanishMonthInput } from '../common/DanishDateInput';
import { Row } from '../common/Row';
import { firstDayOf, lastDayOf, monthOf } from '../common/months';
import { DANISH_TEXT } from '../common/danish-text';

const BY_NAME = { field: 'name', order: 'ASC' as const };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The API refuses the same (400); checked here so the message is in the user's language at once. */
const notBeforeFrom = (value: unknown, values: { periodFrom?: string }) =>
  typeof value === 'string' && values.periodFrom && value < values.periodFrom ? 'app.exports.period_reversed' : undefined;

/** What is typed where a browser has no month picker stays as typed until it is a month. */
const wholeMonth = (value: unknown) => (typeof value === 'string' && value !== '' && !DATE.test(value) ? 'app.exports.errors.month_format' : undefined);

// A period is whole calendar months: the inputs show months and hold a month's first and last day.
const showMonth = (value: string | undefined | null) => monthOf(value) || (value ?? '');
const fromMonth = (value: string) => firstDayOf(value) || value;
const toMonth = (value: string) => lastDayOf(value) || value;

/** The fields of an export project, for create and edit alike. */
export const ExportProjectInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <TextInput source="purpose" multiline minRows={3} validate={[required(), minLength(10), maxLength(2000)]} helperText="app.exports.purpose_hint" slotProps={DANISH_TEXT} />
    <ReferenceArrayInput source="municipalityIds" reference="municipalities" sort={BY_NAME}>
      <AutocompleteArrayInput optionText="name" validate={required()} helperText="app.exports.municipalities_hint" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="programmeIds" reference="programmes" sort={BY_NAME}>
      <AutocompleteArrayInput optionText="name" validate={required()} />
    </ReferenceArrayInput>
    <Row>
      <DanishMonthInput
        source="periodFrom"
        format={showMonth}
        parse={fromMonth}
        validate={[required(), wholeMonth]}
        helperText="app.exports.period_hint"
      />
      <DanishMonthInput
        source="periodTo"
        format={showMonth}
        parse={toMonth}
        validate={[required(), wholeMonth, notBeforeFrom]}
        helperText="app.exports.period_to_hint"
      />
    </Row>
    {/* No min attribute: the browser would refuse k = 4 itself, in its own language, not ours. */}
    <NumberInput
      source="k"
      validate={[required(), minValue(EXPORT_MIN_K, 'app.exports.errors.k_min')]}
      helperText="app.exports.k_hint"
      sx={{ maxWidth: 320 }}
    />
  </>
);
