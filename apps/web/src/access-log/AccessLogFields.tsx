import { Box, Chip } from '@mui/material';
import { ACCESS_ACTIONS, ACCESS_OUTCOMES } from '@outcomes/contracts';
import type { AccessLogEntry, AccessOutcome, CitizenAccess } from '@outcomes/contracts';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { changedFields, citizenCount, criterionParts } from './access-log-format';

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

const small = { fontSize: '0.8rem' } as const;

/** How many citizens the access carried (a list's page, a group's members); their ids stay in the row. */
export const CitizensField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  if (!record) return null;
  const n = citizenCount(record);
  return n === 0 ? null : <span data-testid="access-citizens">{translate('app.access_log.citizens_count', { smart_count: n })}</span>;
};

/** A write's change, compactly: each field that differs, before → after. */
export const ChangeField = () => {
  const record = useRecordContext<AccessLogEntry>();
  if (!record?.change) return null;
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', ...small }} data-testid="access-change">
      {changedFields(record.change).map((c) => (
        <li key={c.field || '-'}>
          {c.field === '…' ? (
            `… ${c.after}`
          ) : (
            <>
              {c.field && <strong>{c.field}: </strong>}
              {c.before} → {c.after}
            </>
          )}
        </li>
      ))}
    </Box>
  );
};

/** What a search searched: its fields, a kept value as it is, text only as its number of words and whether it was a CPR number. */
export const CriterionField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  const parts = criterionParts(record?.criterion ?? null);
  if (parts === null) return null;
  if (typeof parts === 'string') return <Box component="span" sx={small}>{parts}</Box>;
  return (
    <Box component="span" sx={small}>
      {parts
        .map((p) =>
          'value' in p
            ? `${p.field}: ${p.value}`
            : `${p.field}: ${translate('app.access_log.words', { smart_count: p.words })}${p.cpr ? `, ${translate('app.access_log.cpr_searched')}` : ''}`,
        )
        .join('; ')}
    </Box>
  );
};

/** How many logged requests one view of a citizen's page was. */
export const RequestsField = () => {
  const record = useRecordContext<CitizenAccess>();
  const translate = useTranslate();
  return record ? <span data-testid="access-requests">{translate('app.access_log.requests', { smart_count: record.requests })}</span> : null;
};
