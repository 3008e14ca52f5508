import { Alert } from '@mui/material';
import { danishDaysFromToday, danishToday } from '@outcomes/domain';
import { Create, email, maxLength, minLength, required, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { DANISH_TEXT } from '../common/danish-text';


const validUntilAfterFrom = (value: string | undefined, values: { validFrom?: string }) =>
  value && values.validFrom && value < values.validFrom ? 'app.validation.date_before_previous_step' : undefined;

/** The data owner's admin grants their municipality's data to another municipality's evaluator. */
export const GrantCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ validFrom: danishToday(), validUntil: danishDaysFromToday(180) }} sx={{ maxWidth: 640 }}>
        <Alert severity="info" sx={{ mb: 2 }}>{translate('app.grants.intro')}</Alert>
        <TextInput source="evaluatorEmail" type="email" autoComplete="off" validate={[required(), email(), maxLength(254)]} helperText="app.grants.evaluator_hint" />
        <TextInput source="purpose" multiline minRows={2} validate={[required(), minLength(3), maxLength(500)]} helperText="app.grants.purpose_hint" slotProps={DANISH_TEXT} />
        <DanishDateInput source="validFrom" validate={required()} />
        <DanishDateInput source="validUntil" validate={[required(), validUntilAfterFrom]} helperText="app.grants.period_hint" />
      </SimpleForm>
    </Create>
  );
};
