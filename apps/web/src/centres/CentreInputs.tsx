import { AutocompleteInput, BooleanInput, email, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { emptyToNull, kindChoices } from '../treatment-providers/ProviderInputs';

export const CentreInputs = () => (
  <>
    <ReferenceInput source="municipalityId" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <TextInput source="address" validate={maxLength(300)} />
    <TextInput source="phone" type="tel" validate={maxLength(40)} />
    <TextInput source="email" validate={[email(), maxLength(254)]} />
    <SelectInput source="kind" choices={kindChoices} emptyText="app.centres.kind_unknown" parse={emptyToNull} helperText="app.centres.kind_hint" />
    <BooleanInput source="active" />
  </>
);
