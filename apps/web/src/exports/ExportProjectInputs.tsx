import {
  AutocompleteArrayInput,
  DateInput,
  maxLength,
  minLength,
  ReferenceArrayInput,
  required,
  TextInput,
} from 'react-admin';
import { Row } from '../common/Row';

const BY_NAME = { field: 'name', order: 'ASC' as const };

/** The API refuses the same (400); checked here so the message is in the user's language at once. */
const notBeforeFrom = (value: unknown, values: { periodFrom?: string }) =>
  typeof value === 'string' && values.periodFrom && value < values.periodFrom ? 'app.exports.period_reversed' : undefined;

/** The fields of an export project, for create and edit alike. */
export const ExportProjectInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <TextInput source="purpose" multiline minRows={3} validate={[required(), minLength(10), maxLength(2000)]} helperText="app.exports.purpose_hint" />
    <ReferenceArrayInput source="municipalityIds" reference="municipalities" sort={BY_NAME}>
      <AutocompleteArrayInput optionText="name" validate={required()} helperText="app.exports.municipalities_hint" />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="programmeIds" reference="programmes" sort={BY_NAME}>
      <AutocompleteArrayInput optionText="name" validate={required()} />
    </ReferenceArrayInput>
    <Row>
      <DateInput source="periodFrom" validate={required()} helperText="app.exports.period_hint" />
      <DateInput source="periodTo" validate={[required(), notBeforeFrom]} />
    </Row>
  </>
);
