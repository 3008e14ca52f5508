import { useState } from 'react';
import type { RaRecord } from 'react-admin';
import { Create, SimpleForm, useDataProvider, useNotify, useRecordFromLocation, useRedirect } from 'react-admin';
import { nowLocalDateTime } from '../common/dates';
import { DuplicateDateConfirm, isDuplicateDate } from '../groups/DuplicateDateConfirm';
import { fieldErrorsOf } from '../volunteers/rule-messages';
import { toSessionCreateBody } from './session-body';
import { SessionInputs } from './SessionInputs';

/** Back to the citizen's page, where the session now shows on the timeline. */
export const toCitizenPage = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>): string =>
  typeof data?.['citizenId'] === 'string' ? `/citizens/${data['citizenId']}/show` : '/sessions';

const Form = () => {
  const fixed = Boolean((useRecordFromLocation() as { enrolmentId?: unknown } | undefined)?.enrolmentId);
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  // A session already logged that day for the enrolment: asked first, then sent again with confirmDuplicate.
  const [asking, setAsking] = useState<Record<string, unknown> | null>(null);
  const save = async (values: Record<string, unknown>, confirmDuplicate = false) => {
    try {
      const { data } = await dataProvider.create('sessions', { data: { ...toSessionCreateBody(values), ...(confirmDuplicate ? { confirmDuplicate } : {}) } });
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect(toCitizenPage('sessions', data.id, data));
      return undefined;
    } catch (error) {
      if (isDuplicateDate(error)) {
        setAsking(values);
        return undefined;
      }
      const errors = fieldErrorsOf(error);
      if (!errors) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return errors;
    }
  };
  return (
    <>
      <SimpleForm
        onSubmit={(values: Record<string, unknown>) => save(values)}
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
      <DuplicateDateConfirm
        what="session"
        startsAt={typeof asking?.['startsAt'] === 'string' ? asking['startsAt'] : undefined}
        onClose={() => setAsking(null)}
        onConfirm={() => {
          const values = asking;
          setAsking(null);
          if (values) void save(values, true);
        }}
      />
    </>
  );
};

/** Logs a session on an active enrolment; opened from the citizen's page with the enrolment set. A second session on a day is asked about first. */
export const SessionCreate = () => (
  <Create redirect={toCitizenPage}>
    <Form />
  </Create>
);
