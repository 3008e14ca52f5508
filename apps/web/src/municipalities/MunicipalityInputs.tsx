import { Alert } from '@mui/material';
import type { Role } from '@outcomes/contracts';
import { maxLength, maxValue, minValue, NumberInput, regex, required, TextInput, usePermissions, useTranslate } from 'react-admin';

const validateCode = [required(), regex(/^\d{3}$/, 'app.validation.municipality_code')];

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
      {/* Emergency access (issue 22): how long another municipality's staff may read a citizen of this one. */}
      <NumberInput source="emergencyAccessHours" validate={[minValue(1), maxValue(72)]} step={1} helperText="resources.municipalities.fields.emergencyAccessHours_hint" sx={{ maxWidth: 240 }} />
    </>
  );
};
