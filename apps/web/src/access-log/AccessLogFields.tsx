import { Box, Chip } from '@mui/material';
import { ACCESS_ACTIONS, ACCESS_OUTCOMES } from '@outcomes/contracts';
import type { AccessLogEntry, AccessOutcome, CitizenAccess } from '@outcomes/contracts';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { changedFields, citizenCount, readableCriterion, resourceLabelKey } from './access-log-format';
import type { ReadableCriterion, ReadablePart } from './access-log-format';

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

/** The area the row is about, by its Danish (or English) label; the raw name only for an area the web does not know. */
export const ResourceNameField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  if (!record) return null;
  const key = resourceLabelKey(record.resource);
  return <>{key ? translate(key) : record.resource}</>;
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

type Translate = ReturnType<typeof useTranslate>;

/** A criterion field's label: the resource's own field label, else the log's, else the name as it is. */
const fieldLabel = (translate: Translate, resource: string, field: string): string =>
  translate(`resources.${resource}.fields.${field}`, { _: translate(`app.access_log.criterion.fields.${field}`, { _: field }) });

/** Where a filter field's values (our vocabularies) have their labels: a logged `state: active` reads "Status: Aktiv". */
const VALUE_LABELS: Record<string, (value: string) => string> = {
  state: (v) => `resources.enrolments.states.${v}`,
  sex: (v) => `resources.citizens.sexes.${v}`,
  role: (v) => `app.roles.${v}`,
  kind: (v) => `resources.sessions.kinds.${v}`,
  attendance: (v) => `resources.sessions.attendance.${v}`,
  placeType: (v) => `resources.outreach-contacts.place_types.${v}`,
  contactType: (v) => `resources.outreach-contacts.contact_types.${v}`,
  timepoint: (v) => `resources.assessments.timepoints.${v}`,
  action: (v) => `resources.access-log.actions.${v}`,
  outcome: (v) => `resources.access-log.outcomes.${v}`,
  resource: (v) => `app.access_log.resources.${v}`,
};

const valueLabel = (translate: Translate, field: string, value: string): string => {
  const key = VALUE_LABELS[field];
  return key ? translate(key(value), { _: value }) : value;
};

function partText(translate: Translate, resource: string, part: ReadablePart): string {
  const field = fieldLabel(translate, resource, part.field);
  switch (part.kind) {
    case 'records':
      return translate('app.access_log.criterion.records', { field, smart_count: part.count });
    case 'text': {
      const words = translate('app.access_log.words', { smart_count: part.words });
      return translate(part.cpr ? 'app.access_log.criterion.text_cpr' : 'app.access_log.criterion.text', { field, words });
    }
    case 'date':
      return translate('app.access_log.criterion.value', { field, value: formatDate(part.value) });
    case 'moment':
      return translate('app.access_log.criterion.value', { field, value: formatDateTime(part.value) });
    case 'value':
      return translate('app.access_log.criterion.value', { field, value: valueLabel(translate, part.field, part.value) });
  }
}

/** A logged criterion as sentences (see readableCriterion). */
export function criterionText(translate: Translate, resource: string, criterion: ReadableCriterion): string {
  switch (criterion.kind) {
    case 'search':
      return criterion.parts.map((p) => partText(translate, resource, p)).join('; ');
    case 'export-run': {
      const dataset = translate(`app.exports.datasets.${criterion.dataset}`, { _: criterion.dataset });
      const run = translate('app.access_log.criterion.export_run', { dataset, format: criterion.format.toUpperCase(), smart_count: criterion.rows });
      return criterion.k === null
        ? run
        : `${run}; ${translate('app.access_log.criterion.export_k', { k: criterion.k, suppressed: criterion.suppressed ?? 0, withheld: criterion.withheld ?? 0 })}`;
    }
    case 'export-download':
      return translate('app.access_log.criterion.export_download', { smart_count: criterion.rows });
    case 'export-syntax':
      return translate(`app.access_log.criterion.export_syntax_${criterion.lang === 'en' ? 'en' : 'da'}`, { program: criterion.program });
    case 'reference':
      return translate('app.access_log.criterion.reference', { field: fieldLabel(translate, resource, criterion.field) });
    case 'duplicate-cpr':
      return translate('app.access_log.criterion.duplicate_cpr');
    case 'raw':
      return criterion.text;
  }
}

/** What a search searched, readably: fields by their labels, records as a count, text only as its number of words and whether it was a CPR number. */
export const CriterionField = () => {
  const record = useRecordContext<AccessLogEntry>();
  const translate = useTranslate();
  const criterion = readableCriterion(record?.criterion ?? null);
  if (!record || criterion === null) return null;
  return (
    <Box component="span" sx={small} data-testid="access-criterion">
      {criterionText(translate, record.resource, criterion)}
    </Box>
  );
};

/** How many logged requests one view of a citizen's page was. */
export const RequestsField = () => {
  const record = useRecordContext<CitizenAccess>();
  const translate = useTranslate();
  return record ? <span data-testid="access-requests">{translate('app.access_log.requests', { smart_count: record.requests })}</span> : null;
};
