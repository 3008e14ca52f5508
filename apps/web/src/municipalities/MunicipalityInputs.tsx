import { Alert } from '@mui/material';
import { CONSENT_NOT_ASKED_RULES } from '@outcomes/contracts';
import type { Role } from '@outcomes/contracts';
import { maxLength, maxValue, minValue, NumberInput, regex, required, SelectInput, TextInput, usePermissions, useTranslate } from 'react-admin';

const validateCode = [required(), regex(/^\d{3}$/, 'app.validation.municipality_code')];

// --- Consent by purpose (issue 22).
const CONSENT_NOT_ASKED_CHOICES = CONSENT_NOT_ASKED_RULES.map((id) => ({ id, name: `resources.municipalities.consent_not_asked.${id}` }));

/**
 * The national operator sets a municipality's number and name; a municipality's admin sees them and
 * sets their own municipality's settings (the hourly rate behind the cost figures).
 */
export const MunicipalityInputs = () => {
  const { permissions: role } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  const operator = role === 'operator';
  return (
    <>
      {!operator && <Alert severity="info" sx={{ mb: 2 }}>{translate('app.municipalities.settings_only')}</Alert>}
      <TextInput source="code" validate={validateCode} sx={{ maxWidth: 200 }} readOnly={!operator} />
      <TextInput source="name" validate={[required(), maxLength(100)]} readOnly={!operator} />
      <NumberInput source="hourlyRate" validate={[minValue(0), maxValue(100000)]} sx={{ maxWidth: 240 }} />
      {/* --- Consent by purpose (issue 22): how a citizen never asked about evaluation counts in exports. */}
      <SelectInput source="consentNotAsked" choices={CONSENT_NOT_ASKED_CHOICES} defaultValue="included" validate={required()} helperText="resources.municipalities.consent_not_asked_help" sx={{ maxWidth: 480 }} />
      {/* Merging duplicate records (issue 22): how long a merge can be undone. */}
      <NumberInput source="mergeUndoDays" validate={[required(), minValue(1), maxValue(365)]} step={1} helperText="app.citizen_merges.undo_days_help" sx={{ maxWidth: 240 }} />
      {/* Retention (issue 22): years a citizen's records are kept, per record type (docs/domain.md "Retention"). */}
      {!operator && (
        <>
          <NumberInput source="retentionHealthYears" validate={[required(), minValue(10), maxValue(100)]} helperText="app.retention.health_years_hint" sx={{ maxWidth: 360 }} />
          <NumberInput source="retentionSocialYears" validate={[required(), minValue(1), maxValue(100)]} helperText="app.retention.social_years_hint" sx={{ maxWidth: 360 }} />
        </>
      )}
      {/* Emergency access (issue 22): how long another municipality's staff may read a citizen of this one. */}
      <NumberInput source="emergencyAccessHours" validate={[minValue(1), maxValue(72)]} step={1} helperText="resources.municipalities.fields.emergencyAccessHours_hint" sx={{ maxWidth: 240 }} />
      <NumberInput source="handoverReadDays" validate={[minValue(1), maxValue(365)]} step={1} helperText="resources.municipalities.fields.handoverReadDays_hint" sx={{ maxWidth: 240 }} />
      <NumberInput source="apiTokenMaxDays" validate={[minValue(1), maxValue(365)]} step={1} helperText="resources.municipalities.fields.apiTokenMaxDays_hint" sx={{ maxWidth: 240 }} />
    </>
  );
};
