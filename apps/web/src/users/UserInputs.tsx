import { Alert, Box } from '@mui/material';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '@outcomes/contracts';
import {
  AutocompleteArrayInput,
  BooleanInput,
  email,
  FormDataConsumer,
  maxLength,
  minLength,
  PasswordInput,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { GRANTING_ROLE } from './user-body';

export const roleChoices = ROLES.map((id) => ({ id, name: `app.roles.${id}` }));

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
      <FormDataConsumer<{ role?: string }>>
        {({ formData }) =>
          formData.role === GRANTING_ROLE ? (
            <ReferenceArrayInput source="grantedMunicipalityIds" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteArrayInput helperText="app.helper.granted_municipalities" />
            </ReferenceArrayInput>
          ) : null
        }
      </FormDataConsumer>
      {mode === 'edit' && (
        <Box sx={{ width: '100%', mt: 1 }}>
          <Alert severity="info">{translate('app.users.sessions_note')}</Alert>
        </Box>
      )}
    </>
  );
};
