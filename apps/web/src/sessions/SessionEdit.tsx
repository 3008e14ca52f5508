import { Alert, Box, Typography } from '@mui/material';
import type { TreatmentSession } from '@outcomes/contracts';
import { useFormContext, useWatch } from 'react-hook-form';
import { BooleanInput, Edit, SaveButton, SimpleForm, TextInput, Toolbar, maxLength, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { DANISH_TEXT } from '../common/danish-text';
import { EnteredInErrorButton } from './EnteredInErrorButton';
import { NoteHistory } from './NoteHistory';
import { toSessionUpdateBody } from './session-body';
import { SessionInputs } from './SessionInputs';
import { toCitizenPage } from './SessionCreate';
import { SessionTitle } from './SessionTitle';

/** No delete: a session logged in error is marked so, with a reason (docs/domain.md). */
const SessionToolbar = () => {
  const session = useRecordContext<TreatmentSession>();
  if (session?.enteredInError) return null;
  return (
    <Toolbar sx={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
      <SaveButton />
      <EnteredInErrorButton />
    </Toolbar>
  );
};

/** The record is kept, marked: who marked it, when and why. */
const EnteredInErrorNotice = () => {
  const session = useRecordContext<TreatmentSession>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!session?.enteredInError) return null;
  const { byName, at, reason } = session.enteredInError;
  return (
    <Alert severity="warning" data-testid="entered-in-error" sx={{ mb: 2, width: '100%', boxSizing: 'border-box' }}>
      <Typography variant="body2" component="p">
        {translate('resources.sessions.entered_in_error.marked', { name: byName, at: formatDateTime(at, locale) })}
      </Typography>
      <Typography variant="body2" component="p">
        <strong>{translate('resources.sessions.entered_in_error.reason')}:</strong> <span lang="da">{reason}</span>
      </Typography>
    </Alert>
  );
};

/**
 * "Ret notat": once the note is changed, the form asks why (the earlier text is kept and shown below);
 * the author may instead mark an obvious typo fix, allowed within minutes of writing.
 */
const NoteCorrection = () => {
  const session = useRecordContext<TreatmentSession>();
  const { getFieldState } = useFormContext();
  useWatch({ name: 'note' });
  const typoFix = useWatch({ name: 'typoFix' }) as boolean | undefined;
  const translate = useTranslate();
  const changed = getFieldState('note').isDirty;
  if (!session || !changed) return null;
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0, mb: 2, width: '100%', boxSizing: 'border-box' }}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
        {translate('resources.sessions.notes.correct')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.sessions.notes.correct_explain')}
      </Typography>
      <BooleanInput source="typoFix" helperText="resources.sessions.notes.typo_hint" />
      {!typoFix && (
        <TextInput
          source="correctionReason"
          multiline
          minRows={2}
          fullWidth
          validate={[(value: unknown) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'resources.sessions.notes.reason_required'), maxLength(2000)]}
          helperText="resources.sessions.notes.reason_hint"
          slotProps={DANISH_TEXT}
        />
      )}
    </Box>
  );
};

export const SessionEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toCitizenPage} transform={toSessionUpdateBody} title={<SessionTitle />} aside={undefined}>
    <SimpleForm sx={{ maxWidth: 800 }} toolbar={<SessionToolbar />}>
      <EnteredInErrorNotice />
      <SessionInputs mode="edit" enrolmentFixed />
      <NoteCorrection />
      <NoteHistory />
    </SimpleForm>
  </Edit>
);
