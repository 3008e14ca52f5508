import {
  Create,
  DateInput,
  maxLength,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { Row } from '../common/Row';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';
import { todayLocal } from '../common/dates';
import { HCS_PROGRAMME_ID } from './constants';

type GroupForm = { programmeId: string; centreId: string; name: string; startDate: string; startTime: string; place?: string | null };

/** Only what POST /api/groups takes; an empty place goes as null. */
export const toGroupCreateBody = (data: GroupForm) => ({
  programmeId: HCS_PROGRAMME_ID,
  centreId: data.centreId,
  name: data.name.trim(),
  startDate: data.startDate,
  startTime: data.startTime,
  place: data.place?.trim() ? data.place.trim() : null,
});

const hhmm = regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'app.validation.time');

/** A new HCS course: its 16 weekly meetings are planned by the API from the start date and time. */
export const GroupCreate = () => (
  <Create redirect="show" transform={toGroupCreateBody}>
    <SimpleForm defaultValues={{ programmeId: HCS_PROGRAMME_ID, startDate: todayLocal(), startTime: '17:00' }} sx={{ maxWidth: 800 }}>
      <Row>
        <FixedFromForm label="resources.groups.fields.programmeId" source="programmeId" reference="programmes" />
        <ReferenceInput source="centreId" reference="centres" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
      </Row>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <Row>
        <DateInput source="startDate" validate={required()} />
        <TextInput source="startTime" type="time" validate={[required(), hhmm]} helperText="app.groups.start_time_hint" />
      </Row>
      <TextInput source="place" validate={maxLength(200)} />
    </SimpleForm>
  </Create>
);
