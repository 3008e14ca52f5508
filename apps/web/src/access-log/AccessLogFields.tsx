import { Chip } from '@mui/material';
import { ACCESS_ACTIONS, ACCESS_OUTCOMES } from '@outcomes/contracts';
import type { AccessLogEntry, AccessOutcome } from '@outcomes/contracts';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';

export const actionChoices = ACCESS_ACTIONS.map((id) => ({ id, name: `resources.access-log.actions.${id}` }));
export const outcomeChoices = ACCESS_OUTCOMES.map((id) => ({ id, name: `resources.access-log.outcomes.${id}` }));

const OUTCOME_COLOURS: Record<AccessOutcome, 'success' | 'error' | 'warning'> = {
  ok: 'success',
  refused: 'error',
  'not-found': 'warning',
};

/** Who: the user's name, from the users of the municipality. */
export const UserNameField = () => (
  <ReferenceField<AccessLogEntry> source="userId" reference="users" link={false}>
    <TextField source="displayName" />
  </ReferenceField>
);

export const ActionField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.access-log.actions.${record.action}`, { _: record.action })}</> : null;
};

/** The area the row is about, by its menu name where it is one of ours. */
export const ResourceNameField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.${record.resource}.name`, { smart_count: 2, _: record.resource })}</> : null;
};

export const OutcomeField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={OUTCOME_COLOURS[record.outcome] ?? 'default'}
      label={translate(`resources.access-log.outcomes.${record.outcome}`, { _: record.outcome })}
    />
  );
};
