import type { Centre } from '@outcomes/contracts';
import { Create, required, SelectInput, SimpleForm, TextInput, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { DanishDateInput } from '../common/DanishDateInput';
import { todayLocal } from '../common/dates';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';

/** Other municipalities' active treatment places, named with their municipality. */
const OtherCentreInput = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  const { data: centres = [] } = useGetList<Centre>('centres', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } });
  const { data: municipalities = [] } = useGetList('municipalities', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  if (!identity) return null;
  const nameOf = new Map(municipalities.map((m) => [String(m.id), String(m['name'])]));
  const choices = centres.filter((c) => c.municipalityId !== identity.municipalityId).map((c) => ({ id: c.id, name: `${c.name} (${nameOf.get(c.municipalityId) ?? ''})` }));
  return <SelectInput source="toCentreId" choices={choices} validate={required()} helperText="app.referrals.other_centres_only" />;
};

/**
 * A referral under free choice, opened from the request's page (its citizen and request fixed). The
 * citizen's own choice of the place is the guarantee's waiver, so it has its own date.
 */
export const ReferralCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list" title={translate('app.referrals.new')}>
      <SimpleForm defaultValues={{ referredOn: todayLocal(), citizenChoiceOn: null, message: '' }} sx={{ maxWidth: 800 }}>
        <FixedFromForm label="resources.referrals.fields.citizenId" source="citizenId" reference="citizens" link="show" />
        <OtherCentreInput />
        <DanishDateInput source="referredOn" validate={required()} />
        <DanishDateInput source="citizenChoiceOn" helperText="app.referrals.choice_hint" />
        <TextInput source="message" multiline minRows={2} fullWidth helperText={false} />
      </SimpleForm>
    </Create>
  );
};
