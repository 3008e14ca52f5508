import { maxLength, regex, required, TextInput } from 'react-admin';

const validateCode = [required(), regex(/^\d{3}$/, 'app.validation.municipality_code')];

export const MunicipalityInputs = () => (
  <>
    <TextInput source="code" validate={validateCode} sx={{ maxWidth: 200 }} />
    <TextInput source="name" validate={[required(), maxLength(200)]} />
  </>
);
