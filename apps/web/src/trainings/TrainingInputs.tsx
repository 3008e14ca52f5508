import { maxLength, RadioButtonGroupInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { Row } from '../common/Row';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';
import { trainingKindChoices } from './choices';

/** The fields of a training; the volunteer is fixed when the form was opened from their page, or on edit. */
export const TrainingInputs = ({ volunteerFixed }: { volunteerFixed: boolean }) => (
  <>
    {volunteerFixed ? (
      <FixedFromForm label="resources.trainings.fields.volunteerId" source="volunteerId" reference="volunteers" link="show" />
    ) : (
      <ReferenceInput source="volunteerId" reference="volunteers" sort={{ field: 'createdAt', order: 'DESC' }} perPage={500}>
        <SelectInput validate={required()} />
      </ReferenceInput>
    )}
    <RadioButtonGroupInput source="kind" choices={trainingKindChoices} validate={required()} />
    <TextInput source="title" validate={[required(), maxLength(200)]} />
    <Row>
      <DanishDateInput source="completedOn" validate={required()} />
      <DanishDateInput source="renewsOn" helperText="app.trainings.renewal_hint" />
    </Row>
    <Row>
      <TextInput source="trainer" validate={maxLength(200)} />
      <TextInput source="certificateRef" validate={maxLength(100)} />
    </Row>
  </>
);
