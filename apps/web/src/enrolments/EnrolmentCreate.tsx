import { Box } from '@mui/material';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Create,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordFromLocation,
} from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { todayLocal } from '../common/dates';
import { apiErrorOf, useNotifyError } from '../common/http-errors';
import { Row } from '../common/Row';
import type { Failure } from './eligibility';
import { toEnrolmentCreateBody } from './enrolment-body';
import { CentreInput, FixedFromForm, ReferralSourceInput } from './EnrolmentInputs';
import { FailureList } from './FailureList';
import { AttestationsInput } from './ProgrammeRequirements';
import { DANISH_TEXT } from '../common/danish-text';
import { CourseKindInput } from '../case-requests/CourseKindInput';

/** What the eligibility rules look at: a refusal holds only while these stay as they were. */
const signatureOf = (data: Record<string, unknown>): string => {
  const attestations = Array.isArray(data['attestations']) ? [...(data['attestations'] as string[])].sort() : [];
  return JSON.stringify([data['citizenId'], data['programmeId'], data['referralDate'], attestations]);
};

interface Refusal {
  signature: string;
  failures: Failure[];
}

/** The citizen: fixed when the referral starts from their page, else found by name. */
const CitizenChoice = () => {
  const preset = (useRecordFromLocation() as { citizenId?: unknown } | undefined)?.citizenId;
  if (preset) return <FixedFromForm label="resources.enrolments.fields.citizenId" source="citizenId" reference="citizens" link="show" />;
  return (
    <ReferenceInput source="citizenId" reference="citizens" sort={{ field: 'createdAt', order: 'DESC' }}>
      <AutocompleteInput validate={required()} helperText="app.helper.citizen_search" />
    </ReferenceInput>
  );
};

/**
 * The failed rules of the last refusal, and a written reason to refer anyway; both go away (and the
 * reason is emptied) once the citizen, programme, date or attestations change.
 */
const Eligibility = ({ refusal }: { refusal: Refusal | undefined }) => {
  const values = useWatch() as Record<string, unknown>;
  const { setValue } = useFormContext();
  const current = refusal !== undefined && refusal.signature === signatureOf(values);
  useEffect(() => {
    if (!current) setValue('eligibilityOverride', '');
  }, [current, setValue]);
  if (!current) return null;
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <FailureList failures={refusal.failures} />
      <TextInput
        source="eligibilityOverride"
        multiline
        minRows={2}
        validate={[required(), minLength(10, 'app.validation.override_reason'), maxLength(2000)]}
        helperText="resources.enrolments.eligibility.override_helper"
        slotProps={DANISH_TEXT}
        sx={{ mt: 2 }}
      />
    </Box>
  );
};

/** The kind of course: the request's when the enrolment answers one (the API gives it), else chosen here. */
const CourseKindChoice = () => {
  const fromRequest = (useRecordFromLocation() as { caseRequestId?: unknown } | undefined)?.caseRequestId;
  return fromRequest ? null : <CourseKindInput />;
};

/** A referral of a citizen to a programme; it starts in the state "referred". */
export const EnrolmentCreate = () => {
  const [refusal, setRefusal] = useState<Refusal>();
  const notifyError = useNotifyError();
  return (
    <Create
      redirect="show"
      transform={toEnrolmentCreateBody}
      mutationOptions={{
        onError: (error: unknown, variables: unknown) => {
          const body = apiErrorOf(error);
          const data = (variables as { data?: Record<string, unknown> } | undefined)?.data ?? {};
          if (body.status === 422 && body.code === 'NOT_ELIGIBLE' && body.failures) {
            setRefusal({ signature: signatureOf(data), failures: body.failures });
          } else {
            notifyError(error);
          }
        },
      }}
    >
      <SimpleForm defaultValues={{ referralDate: todayLocal(), referralSource: null, attestations: [], eligibilityOverride: '' }} sx={{ maxWidth: 800 }}>
        <CitizenChoice />
        <CourseKindChoice />
        <Row>
          <ReferenceInput source="programmeId" reference="programmes" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
          <CentreInput />
        </Row>
        <Row>
          <DanishDateInput source="referralDate" validate={required()} />
          <ReferralSourceInput />
        </Row>
        <AttestationsInput />
        <Eligibility refusal={refusal} />
      </SimpleForm>
    </Create>
  );
};
