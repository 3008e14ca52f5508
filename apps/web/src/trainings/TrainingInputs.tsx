import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { DateInput, maxLength, RadioButtonGroupInput, ReferenceInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { Row } from '../common/Row';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';
import { trainingKindChoices } from './choices';

/** A SMART training gets the method's course name unless the coordinator wrote another. */
const DefaultTitle = () => {
  const translate = useTranslate();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const { setValue, getFieldState, getValues } = useFormContext();
  useEffect(() => {
    if (kind === 'smart-facilitator' && !getFieldState('title').isDirty && !getValues('title')) {
      setValue('title', translate('app.trainings.default_title'));
    }
  }, [kind, setValue, getFieldState, getValues, translate]);
  return null;
};

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
    <DefaultTitle />
    <TextInput source="title" validate={[required(), maxLength(200)]} />
    <Row>
      <DateInput source="completedOn" validate={required()} />
      <DateInput source="renewsOn" helperText="app.trainings.renewal_hint" />
    </Row>
    <Row>
      <TextInput source="trainer" validate={maxLength(200)} />
      <TextInput source="certificateRef" validate={maxLength(100)} />
    </Row>
  </>
);
