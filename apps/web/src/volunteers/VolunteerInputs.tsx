import { email, maxLength, RadioButtonGroupInput, ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { Row } from '../common/Row';
import { statusChoices } from './choices';
import { DANISH_TEXT } from '../common/danish-text';

const phone = regex(/^\+?[0-9 ()-]{3,30}$/, 'app.validation.phone');

/** The fields of a volunteer, shared by create and edit. */
export const VolunteerInputs = () => (
  <>
    <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <Row>
      <TextInput source="firstName" validate={[required(), maxLength(100)]} />
      <TextInput source="lastName" validate={[required(), maxLength(100)]} />
    </Row>
    <Row>
      <TextInput source="phone" validate={phone} />
      <TextInput source="email" validate={[email(), maxLength(254)]} />
    </Row>
    <RadioButtonGroupInput source="status" choices={statusChoices} validate={required()} helperText="app.volunteers.left_hint" />
    <DanishDateInput source="criminalRecordCheckedOn" />
    <TextInput source="notes" multiline minRows={3} validate={maxLength(5000)} helperText="app.volunteers.notes_hint" slotProps={DANISH_TEXT} />
  </>
);
