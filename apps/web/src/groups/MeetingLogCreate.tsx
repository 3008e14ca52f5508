import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button } from '@mui/material';
import type { Enrolment, Facilitation, Group, GroupMeeting, Training, Volunteer } from '@outcomes/contracts';
import { MAX_DURATION_MINUTES } from '@outcomes/contracts';
import { OPEN_STATES } from '@outcomes/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Validator } from 'react-admin';
import {
  ArrayInput,
  CheckboxGroupInput,
  Create,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useCanAccess,
  useDataProvider,
  useGetList,
  useGetOne,
  useLocaleState,
  useNotify,
  useRecordFromLocation,
  useRedirect,
  useSimpleFormIterator,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DanishDateTimeInput } from '../common/DanishDateInput';
import { Row } from '../common/Row';
import { Section } from '../common/Section';
import type { AppDataProvider } from '../data/data-provider';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';
import { fieldErrorsOf } from '../volunteers/rule-messages';
import { fetchFacilitators, useLoaded } from '../volunteers/volunteer-api';
import { volunteerName } from '../volunteers/volunteer-name';
import type { MeetingLogForm } from './meeting-log-body';
import { toMeetingLogBody, trainedFacilitatorPresent } from './meeting-log-body';
import { DuplicateDateConfirm, isDuplicateDate } from './DuplicateDateConfirm';
import { nextMeetingToLog } from './next-meeting';
import { dayKey } from './week';
import { DANISH_TEXT } from '../common/danish-text';

const wholeNumber: Validator = (value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? 'app.validation.whole_number' : undefined);

const pad = (n: number) => String(n).padStart(2, '0');
const localDateTime = (moment: Date) => `${dayKey(moment)}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;

/** The day of the meeting being logged (local), or undefined until a time is set. */
function useMeetingDay(): string | undefined {
  const startsAt = useWatch({ name: 'startsAt' }) as string | Date | undefined;
  const moment = startsAt ? new Date(startsAt) : undefined;
  return moment && !Number.isNaN(moment.getTime()) ? dayKey(moment) : undefined;
}

const useGroup = () => {
  const groupId = useWatch({ name: 'groupId' }) as string | undefined;
  return useGetOne<Group>('groups', { id: groupId ?? '' }, { enabled: Boolean(groupId) }).data;
};

/**
 * Starts at the group's next meeting not yet logged (a forgotten week first); when every meeting so far
 * is logged, says so and leaves the time to the user.
 */
const SlotDefault = ({ group }: { group?: Group }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { setValue, getFieldState } = useFormContext();
  const { data: logged } = useGetList<GroupMeeting>(
    'group-meetings',
    { filter: { groupId: group?.id }, pagination: { page: 1, perPage: 10 }, sort: { field: 'startsAt', order: 'DESC' } },
    { enabled: Boolean(group?.weekday) },
  );
  const next = group?.weekday && logged ? nextMeetingToLog(group.weekday, group.startTime, logged) : undefined;
  // The slot's time, not a new Date object each render, says whether it changed.
  const dueSlot = next?.due ? next.slot.getTime() : undefined;
  useEffect(() => {
    if (dueSlot !== undefined && !getFieldState('startsAt').isDirty) setValue('startsAt', localDateTime(new Date(dueSlot)));
  }, [dueSlot, setValue, getFieldState]);
  if (!next || next.due) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }} data-testid="all-logged">
      {translate('app.meeting_log.all_logged', { date: formatDateTime(next.slot.toISOString(), locale) })}
    </Alert>
  );
};

/** The iterator's add button with its words, not react-admin's bare icon. */
const AddFacilitatorButton = () => {
  const translate = useTranslate();
  const { add } = useSimpleFormIterator();
  return (
    <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => add()}>
      {translate('app.meeting_log.add_facilitator')}
    </Button>
  );
};

const assignedOn = (facilitations: readonly Facilitation[], day: string | undefined): string[] =>
  day ? [...new Set(facilitations.filter((f) => f.fromDate <= day && (f.toDate === null || f.toDate >= day)).map((f) => f.volunteerId))] : [];

/**
 * Who facilitated and their minutes, among the volunteers assigned to the group on the day; prefilled
 * with all of them once. Warns, by the domain rule on their trainings, when none was trained.
 */
const FacilitatorInputs = ({ group, onTrained }: { group: Group; onTrained: (trained: boolean) => void }) => {
  const translate = useTranslate();
  const day = useMeetingDay();
  const load = useCallback(() => fetchFacilitators(group.id), [group.id]);
  const { data: facilitations } = useLoaded(load);
  const ids = assignedOn(facilitations ?? [], day);
  const { data: volunteers } = useGetList<Volunteer>('volunteers', { filter: { id: ids }, pagination: { page: 1, perPage: 100 }, sort: { field: 'createdAt', order: 'DESC' } }, { enabled: ids.length > 0 });
  const { data: trainings } = useGetList<Training>('trainings', { filter: { volunteerId: ids }, pagination: { page: 1, perPage: 500 }, sort: { field: 'completedOn', order: 'DESC' } }, { enabled: ids.length > 0 });
  const chosen = useWatch({ name: 'facilitators' }) as MeetingLogForm['facilitators'];
  const duration = useWatch({ name: 'durationMinutes' }) as number | undefined;
  const { setValue, getValues } = useFormContext();
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || !facilitations || !day) return;
    prefilled.current = true;
    if (!(getValues('facilitators') as unknown[] | undefined)?.length) {
      setValue('facilitators', assignedOn(facilitations, day).map((volunteerId) => ({ volunteerId, minutes: getValues('durationMinutes') as number })));
    }
  }, [facilitations, day, setValue, getValues]);
  const trained = day !== undefined && trainedFacilitatorPresent(chosen, trainings ?? [], day);
  useEffect(() => onTrained(trained), [trained, onTrained]);
  const choices = (volunteers ?? []).map((v) => ({ id: v.id, name: volunteerName(v) }));
  return (
    <Box data-testid="meeting-facilitators">
      <Section title="app.meeting_log.facilitators" />
      {facilitations && ids.length === 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('app.meeting_log.no_assigned_facilitators')}
        </Alert>
      )}
      <ArrayInput source="facilitators" label={false} helperText="app.meeting_log.facilitators_hint">
        <SimpleFormIterator inline disableReordering disableClear addButton={<AddFacilitatorButton />}>
          <SelectInput source="volunteerId" label="app.meeting_log.volunteer" choices={choices} translateChoice={false} validate={required()} sx={{ minWidth: 240 }} />
          <NumberInput
            source="minutes"
            label="app.meeting_log.minutes"
            step={15}
            defaultValue={duration}
            validate={[required(), wholeNumber, minValue(1), maxValue(MAX_DURATION_MINUTES)]}
          />
        </SimpleFormIterator>
      </ArrayInput>
      {!trained && trainings !== undefined && (chosen?.length ?? 0) > 0 && (
        <Alert severity="warning" data-testid="untrained-warning" sx={{ mb: 1 }}>
          {translate('app.meeting_log.untrained_warning')}
        </Alert>
      )}
    </Box>
  );
};

/** Optional: registered citizens with an open enrolment in the group's programme who were there. */
const CitizensPresentInput = ({ group }: { group: Group }) => {
  const { data: enrolments } = useGetList<Enrolment>('enrolments', {
    filter: { programmeId: group.programmeId, state: [...OPEN_STATES] },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'referralDate', order: 'DESC' },
  });
  if (!enrolments?.length) return null;
  return (
    <CheckboxGroupInput
      source="present"
      label="app.meeting_log.citizens_present"
      helperText="app.meeting_log.citizens_present_hint"
      choices={enrolments}
      optionText={<ReferenceField source="citizenId" reference="citizens" link={false} />}
      row={false}
    />
  );
};

const MeetingInputs = ({ groupFixed }: { groupFixed: boolean }) => {
  const group = useGroup();
  const { canAccess: canSeeVolunteers } = useCanAccess({ resource: 'volunteers', action: 'list' });
  const { canAccess: canSeeEnrolments } = useCanAccess({ resource: 'enrolments', action: 'list' });
  // Without a trained facilitator (or without any: staff do not see volunteers) a reason is required.
  const [trained, setTrained] = useState(false);
  const reasonRequired: Validator = (value: unknown) => (!trained && !(typeof value === 'string' && value.trim()) ? 'app.volunteer_rules.untrained_reason' : undefined);
  return (
    <>
      {groupFixed ? (
        <FixedFromForm label="resources.group-meetings.fields.groupId" source="groupId" reference="groups" link="show" />
      ) : (
        <ReferenceInput source="groupId" reference="groups" filter={{ kind: 'standing' }} sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      <SlotDefault group={group} />
      <Row columns="2fr 1fr 1fr">
        <DanishDateTimeInput source="startsAt" validate={required()} />
        <NumberInput source="durationMinutes" step={15} validate={[required(), wholeNumber, minValue(1), maxValue(MAX_DURATION_MINUTES)]} />
        <NumberInput source="anonymousHeadcount" step={1} validate={[required(), wholeNumber, minValue(0), maxValue(500)]} />
      </Row>
      {group && canSeeVolunteers && <FacilitatorInputs group={group} onTrained={setTrained} />}
      <TextInput
        source="untrainedReason"
        multiline
        minRows={2}
        helperText="app.meeting_log.untrained_reason_hint"
        slotProps={DANISH_TEXT}
        validate={[reasonRequired, minLength(10, 'app.volunteer_rules.untrained_reason'), maxLength(2000)]}
      />
      {group && canSeeEnrolments && <CitizensPresentInput group={group} />}
    </>
  );
};

/**
 * Logs a held SMART Recovery meeting: time, length, anonymous headcount, who facilitated and for how
 * long, why no trained volunteer did when none did, and optionally the registered citizens present
 * (saved as the meeting's attendance right after). Errors of the rules show on their fields.
 */
export const MeetingLogCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const groupFixed = Boolean((useRecordFromLocation() as { groupId?: unknown } | undefined)?.groupId);
  // A meeting already logged that day: asked first, then sent again with confirmDuplicate.
  const [asking, setAsking] = useState<MeetingLogForm | null>(null);
  const save = async (values: Record<string, unknown>, confirmDuplicate = false) => {
    const data = values as unknown as MeetingLogForm;
    let meeting: GroupMeeting;
    try {
      meeting = (await dataProvider.create<GroupMeeting>('group-meetings', { data: { ...toMeetingLogBody(data), ...(confirmDuplicate ? { confirmDuplicate } : {}) } })).data;
    } catch (error) {
      if (isDuplicateDate(error)) {
        setAsking(data);
        return undefined;
      }
      const errors = fieldErrorsOf(error);
      if (!errors) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return errors;
    }
    const present = data.present ?? [];
    try {
      if (present.length > 0) await dataProvider.saveAttendance(meeting.id, present.map((enrolmentId) => ({ enrolmentId, status: 'present' })));
      notify('app.groups.meeting_logged', { type: 'success' });
    } catch {
      notify('app.groups.attendance_not_saved', { type: 'warning' });
    }
    redirect('show', 'groups', data.groupId);
    return undefined;
  };
  return (
    <Create resource="group-meetings">
      <SimpleForm onSubmit={(values: Record<string, unknown>) => save(values)} defaultValues={{ durationMinutes: 90, anonymousHeadcount: 0, facilitators: [], present: [] }} sx={{ maxWidth: 900 }}>
        <MeetingInputs groupFixed={groupFixed} />
      </SimpleForm>
      <DuplicateDateConfirm
        what="meeting"
        startsAt={asking?.startsAt}
        onClose={() => setAsking(null)}
        onConfirm={() => {
          const data = asking;
          setAsking(null);
          if (data) void save(data as unknown as Record<string, unknown>, true);
        }}
      />
    </Create>
  );
};
