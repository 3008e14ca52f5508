import { Alert, Box, Stack } from '@mui/material';
import { MUNICIPAL_ROLES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@outcomes/contracts';
import { BooleanInput, email, Labeled, maxLength, minLength, NumberField, PasswordInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';

// The national operator is made by the command line, never by a municipality's admin.
export const roleChoices = MUNICIPAL_ROLES.map((id) => ({ id, name: `app.roles.${id}` }));

const passwordRules = [minLength(PASSWORD_MIN_LENGTH, 'app.validation.password_too_short'), maxLength(PASSWORD_MAX_LENGTH)];

/** The fields of a user; `mode` decides whether a password is required (create) or optional (edit). */
export const UserInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email(), maxLength(254)]} />
      <TextInput source="displayName" autoComplete="off" validate={[required(), maxLength(200)]} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={mode === 'create' ? [required(), ...passwordRules] : passwordRules}
        helperText={translate(mode === 'create' ? 'app.helper.password_rule' : 'app.helper.password_unchanged', {
          min: PASSWORD_MIN_LENGTH,
        })}
      />
      <BooleanInput source="active" />
      {mode === 'edit' && (
        <Box sx={{ width: '100%', mt: 1 }}>
          {/* Read only: failed sign-ins make the next attempt wait (at most 10 s); they never lock the user out. */}
          <Stack direction="row" spacing={4} sx={{ mb: 2 }}>
            <Labeled source="lastLoginAt">
              <DateTimeField source="lastLoginAt" emptyText="–" />
            </Labeled>
            <Labeled source="failedLogins">
              <NumberField source="failedLogins" />
            </Labeled>
            <Labeled source="lastFailedLoginAt">
              <DateTimeField source="lastFailedLoginAt" emptyText="–" />
            </Labeled>
          </Stack>
          <Alert severity="info">{translate('app.users.sessions_note')}</Alert>
        </Box>
      )}
    </>
  );
};
