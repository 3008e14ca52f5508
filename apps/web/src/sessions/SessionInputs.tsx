import type { Enrolment, Programme } from '@outcomes/contracts';
import { MAX_DURATION_MINUTES } from '@outcomes/contracts';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  RecordContextProvider,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
} from 'react-admin';
import { DanishDateTimeInput } from '../common/DanishDateInput';
import { Row } from '../common/Row';
import { Fixed } from '../enrolments/EnrolmentInputs';
import { nextSessionNumber } from './session-body';
import { attendanceChoices, defaultKind, kindChoices } from './session-kinds';
import { EnrolmentOption } from './EnrolmentOption';
import { DANISH_TEXT } from '../common/danish-text';

const wholeNumber = (value: unknown): string | undefined =>
  typeof value === 'number' && !Number.isInteger(value) ? 'app.validation.whole_number' : undefined;

function useEnrolmentAndProgramme(): { enrolment?: Enrolment; programme?: Programme } {
  const enrolmentId = useWatch({ name: 'enrolmentId' }) as string | undefined;
  const { data: enrolment } = useGetOne<Enrolment>('enrolments', { id: enrolmentId ?? '' }, { enabled: Boolean(enrolmentId) });
  const { data: programme } = useGetOne<Programme>(
    'programmes',
    { id: enrolment?.programmeId ?? '' },
    { enabled: Boolean(enrolment?.programmeId) },
  );
  return { enrolment, programme };
}

/** A new session starts from the programme's protocol: its kind, length and next session number. */
const ProtocolDefaults = ({ enrolment, programme }: { enrolment?: Enrolment; programme?: Programme }) => {
  const { setValue, getFieldState } = useFormContext();
  useEffect(() => {
    if (!enrolment || !programme) return;
    const untouched = (name: string) => !getFieldState(name).isDirty;
    if (untouched('kind')) setValue('kind', defaultKind(programme));
    if (untouched('durationMinutes') && programme.sessionMinutes) setValue('durationMinutes', programme.sessionMinutes);
    if (untouched('sessionNumber')) setValue('sessionNumber', nextSessionNumber(enrolment, programme));
  }, [enrolment, programme, setValue, getFieldState]);
  return null;
};

/**
 * The fields of a session. On create, the enrolment is fixed when the form was opened from a citizen's
 * or an enrolment's page, else chosen among the active ones.
 */
export const SessionInputs = ({ mode, enrolmentFixed }: { mode: 'create' | 'edit'; enrolmentFixed: boolean }) => {
  const { enrolment, programme } = useEnrolmentAndProgramme();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const choices = kind && !kindChoices.some((c) => c.id === kind) ? [...kindChoices, { id: kind, name: kind }] : kindChoices;
  const counted = Boolean(programme?.expectedSessions);
  return (
    <>
      {enrolmentFixed || mode === 'edit' ? (
        enrolment && (
          <RecordContextProvider value={enrolment}>
            <Row>
              <Fixed label="resources.sessions.fields.citizenId" source="citizenId" reference="citizens" link="show" />
              <Fixed label="resources.enrolments.fields.programmeId" source="programmeId" reference="programmes" />
            </Row>
          </RecordContextProvider>
        )
      ) : (
        <ReferenceInput source="enrolmentId" reference="enrolments" filter={{ state: 'active' }} sort={{ field: 'referralDate', order: 'DESC' }}>
          <SelectInput optionText={<EnrolmentOption />} validate={required()} />
        </ReferenceInput>
      )}
      {mode === 'create' && <ProtocolDefaults enrolment={enrolment} programme={programme} />}
      <Row>
        <DanishDateTimeInput source="startsAt" validate={required()} />
        <NumberInput
          source="durationMinutes"
          step={5}
          validate={[required(), wholeNumber, minValue(1), maxValue(MAX_DURATION_MINUTES)]}
          helperText="resources.sessions.duration_hint"
        />
      </Row>
      <Row>
        <SelectInput source="kind" choices={choices} validate={required()} />
        {counted ? (
          <NumberInput
            source="sessionNumber"
            step={1}
            validate={[wholeNumber, minValue(1), maxValue(programme?.expectedSessions ?? 1000)]}
            helperText="resources.sessions.number_hint"
          />
        ) : (
          <span />
        )}
      </Row>
      <RadioButtonGroupInput source="attendance" choices={attendanceChoices} validate={required()} />
      <TextInput source="note" multiline minRows={3} validate={maxLength(10000)} helperText="resources.sessions.note_hint" slotProps={DANISH_TEXT} />
    </>
  );
};
