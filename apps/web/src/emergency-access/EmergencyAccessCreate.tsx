import { Alert } from '@mui/material';
import { DANISH_TEXT } from '../common/danish-text';
import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from '@outcomes/contracts';
import type { EmergencyAccess } from '@outcomes/contracts';
import { Create, maxLength, regex, required, SaveButton, SimpleForm, TextInput, Toolbar, useRedirect, useTranslate } from 'react-admin';

/** Counted as the API counts it: after trimming. */
const atLeast = (min: number) => (value: unknown) => (typeof value === 'string' && value.trim().length < min ? { message: 'ra.validation.minLength', args: { min } } : undefined);

const OpenToolbar = () => (
  <Toolbar>
    <SaveButton label="app.emergencyAccess.open" />
  </Toolbar>
);

/**
 * Breaking the glass: the exact CPR number and the reason, in one step (decision 82). The CPR number
 * goes in the POST body only; the page then shows the opened record read-only.
 */
export const EmergencyAccessCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  return (
    <Create title="app.emergencyAccess.create" mutationOptions={{ onSuccess: (data: EmergencyAccess) => redirect('show', 'emergency-accesses', data.id) }}>
      <SimpleForm toolbar={<OpenToolbar />} sx={{ maxWidth: 720 }}>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.emergencyAccess.create_intro')}
        </Alert>
        <TextInput
          source="cpr"
          validate={[required(), regex(/^\d{6}-?\d{4}$/, 'app.emergencyAccess.cpr_hint')]}
          helperText="app.emergencyAccess.cpr_hint"
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
          sx={{ maxWidth: 240 }}
        />
        <TextInput source="reason" multiline minRows={3} validate={[required(), atLeast(EMERGENCY_REASON_MIN), maxLength(EMERGENCY_REASON_MAX)]} helperText="app.emergencyAccess.reason_hint" fullWidth slotProps={DANISH_TEXT} />
      </SimpleForm>
    </Create>
  );
};
