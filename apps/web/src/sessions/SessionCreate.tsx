import type { RaRecord } from 'react-admin';
import { Create, SimpleForm, useRecordFromLocation } from 'react-admin';
import { nowLocalDateTime } from '../common/dates';
import { toSessionCreateBody } from './session-body';
import { SessionInputs } from './SessionInputs';

/** Back to the citizen's page, where the session now shows on the timeline. */
export const toCitizenPage = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>): string =>
  typeof data?.['citizenId'] === 'string' ? `/citizens/${data['citizenId']}/show` : '/sessions';

const Form = () => {
  const fixed = Boolean((useRecordFromLocation() as { enrolmentId?: unknown } | undefined)?.enrolmentId);
  return (
    <SimpleForm
      defaultValues={{
        startsAt: nowLocalDateTime(),
        durationMinutes: 60,
        kind: 'individual-session',
        sessionNumber: null,
        attendance: 'attended',
        note: null,
      }}
      sx={{ maxWidth: 800 }}
    >
      <SessionInputs mode="create" enrolmentFixed={fixed} />
    </SimpleForm>
  );
};

/** Logs a session on an active enrolment; opened from the citizen's page with the enrolment set. */
export const SessionCreate = () => (
  <Create redirect={toCitizenPage} transform={toSessionCreateBody}>
    <Form />
  </Create>
);
