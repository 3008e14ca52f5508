import type { Validator } from 'react-admin';
import { AutocompleteArrayInput, email, maxLength, ReferenceArrayInput, regex, required, TextInput, useGetIdentity } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { Row } from '../common/Row';

const phone = regex(/^\+?[0-9 ()-]{3,30}$/, 'app.validation.phone');

/** The API's rule, shown before saving: an organisation a coordinator registers works with their municipality. */
const includes =
  (municipalityId: string | undefined): Validator =>
  (value: unknown) =>
    municipalityId && Array.isArray(value) && !value.includes(municipalityId) ? 'app.volunteer_rules.organisation_without_own_municipality' : undefined;

export const OrganisationInputs = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  return (
    <>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <Row>
        <TextInput source="contactName" validate={maxLength(200)} />
        <TextInput source="phone" validate={phone} />
      </Row>
      <TextInput source="email" validate={[email(), maxLength(254)]} />
      <ReferenceArrayInput source="municipalityIds" reference="municipalities" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteArrayInput validate={[required(), includes(identity?.municipalityId ?? undefined)]} helperText="app.organisations.municipalities_hint" />
      </ReferenceArrayInput>
    </>
  );
};
