import { REQUEST_CHANNELS } from '@outcomes/contracts';
import type { CaseRequestCreated } from '@outcomes/contracts';
import { Create, ReferenceInput, required, SelectInput, SimpleForm, useNotify, useRecordFromLocation, useRedirect } from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { todayLocal } from '../common/dates';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';
import { AssessmentInputs } from './AssessmentInputs';
import { CourseKindInput } from './CourseKindInput';
import { toRequestCreateBody } from './request-body';

export const CHANNEL_CHOICES = REQUEST_CHANNELS.map((id) => ({ id, name: `app.caseRequests.channels.${id}` }));

/**
 * Registers a citizen's request for treatment, opened from the citizen's page. A request at most 10
 * days from an open one is joined to it by the API (one contact course); the page then says so.
 */
export const CaseRequestCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const preset = (useRecordFromLocation() as { citizenId?: unknown } | undefined)?.citizenId;
  return (
    <Create
      transform={toRequestCreateBody}
      mutationOptions={{
        onSuccess: (data: CaseRequestCreated) => {
          notify(data.joined ? 'app.caseRequests.joined' : 'ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
          redirect('edit', 'case-requests', data.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ requestedOn: todayLocal(), channel: 'personal', receivedByCentreId: '', courseKind: 'sel-101' }} sx={{ maxWidth: 800 }}>
        {preset ? (
          <FixedFromForm label="resources.case-requests.fields.citizenId" source="citizenId" reference="citizens" link="show" />
        ) : (
          <ReferenceInput source="citizenId" reference="citizens">
            <SelectInput validate={required()} />
          </ReferenceInput>
        )}
        <CourseKindInput />
        <DanishDateInput source="requestedOn" validate={required()} />
        <SelectInput source="channel" choices={CHANNEL_CHOICES} validate={required()} />
        <ReferenceInput source="receivedByCentreId" reference="centres" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <SelectInput emptyText="app.caseRequests.municipality_itself" helperText={false} />
        </ReferenceInput>
        <AssessmentInputs />
      </SimpleForm>
    </Create>
  );
};
