import type { Assessment } from '@outcomes/contracts';
import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import { toFormValues, toUpdateBody } from './assessment-form';
import { AssessmentInputs } from './AssessmentInputs';
import { toCitizenPage } from './AssessmentCreate';

const Form = () => {
  const assessment = useRecordContext<Assessment>();
  if (!assessment) return null;
  // The form holds items as typed text; the record has the API's numbers and codes.
  return (
    <SimpleForm mode="onChange" record={{ ...assessment, ...toFormValues(assessment) }}>
      <AssessmentInputs mode="edit" enrolmentFixed />
    </SimpleForm>
  );
};

/** Corrects an interview: the API re-scores it and keeps the version before as history. */
export const AssessmentEdit = () => (
  <Edit component="div" mutationMode="pessimistic" redirect={toCitizenPage} transform={toUpdateBody}>
    <Form />
  </Edit>
);
