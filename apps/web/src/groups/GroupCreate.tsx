import type { Programme } from '@outcomes/contracts';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  Create,
  maxLength,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetIdentity,
  useGetOne,
  useLocaleState,
} from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import type { Identity } from '../auth/auth-provider';
import { todayLocal } from '../common/dates';
import { Row } from '../common/Row';
import { CentreInput } from '../enrolments/EnrolmentInputs';
import { HCS_PROGRAMME_ID, SMART_PROGRAMME_ID } from './constants';
import { groupKindOf, toGroupCreateBody } from './group-body';
import { weekdayName } from './week';

const hhmm = regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'app.validation.time');

/** Keeps the form's `kind` in step with the chosen programme's format (course or standing group). */
const useGroupKind = () => {
  const programmeId = useWatch({ name: 'programmeId' }) as string | undefined;
  const { data: programme } = useGetOne<Programme>('programmes', { id: programmeId ?? '' }, { enabled: Boolean(programmeId) });
  const kind = groupKindOf(programme?.format);
  const { setValue } = useFormContext();
  useEffect(() => {
    if (kind) setValue('kind', kind);
  }, [kind, setValue]);
  return kind;
};

/** `kind` as a registered (hidden) field: react-hook-form keeps a value set on an unregistered name out of the submitted values. */
const KindField = () => {
  const { register } = useFormContext();
  return <input type="hidden" {...register('kind')} />;
};

const GroupInputs = () => {
  const kind = useGroupKind();
  const [locale] = useLocaleState();
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ id: day, name: weekdayName(day, locale) }));
  return (
    <>
      <KindField />
      <Row>
        <ReferenceInput source="programmeId" reference="programmes" filter={{ format: ['closed-group', 'open-group'], active: true }} sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <CentreInput />
      </Row>
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      {kind === 'standing' ? (
        <Row>
          <SelectInput source="weekday" choices={weekdays} validate={required()} translateChoice={false} />
          <TextInput source="startTime" type="time" validate={[required(), hhmm]} helperText="app.groups.standing_time_hint" />
        </Row>
      ) : (
        <Row>
          <DanishDateInput source="startDate" validate={required()} />
          <TextInput source="startTime" type="time" validate={[required(), hhmm]} helperText="app.groups.start_time_hint" />
        </Row>
      )}
      <TextInput source="place" validate={maxLength(200)} />
    </>
  );
};

/**
 * A new group: an HCS course (its weekly meetings planned by the API from the start date and time)
 * or, for coordinators by default, a SMART Recovery standing group meeting on a weekday.
 */
export const GroupCreate = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  if (!identity) return null;
  const programmeId = identity.role === 'coordinator' ? SMART_PROGRAMME_ID : HCS_PROGRAMME_ID;
  return (
    <Create redirect="show" transform={toGroupCreateBody}>
      <SimpleForm defaultValues={{ programmeId, startDate: todayLocal(), startTime: programmeId === SMART_PROGRAMME_ID ? '19:00' : '17:00' }} sx={{ maxWidth: 800 }}>
        <GroupInputs />
      </SimpleForm>
    </Create>
  );
};
