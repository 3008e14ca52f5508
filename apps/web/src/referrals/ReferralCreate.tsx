import type { Centre, TreatmentProvider } from '@outcomes/contracts';
import { approvedOn } from '@outcomes/contracts';
import { useWatch } from 'react-hook-form';
import { Create, RadioButtonGroupInput, required, SelectInput, SimpleForm, TextInput, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { DANISH_TEXT } from '../common/danish-text';
import { DanishDateInput } from '../common/DanishDateInput';
import { todayLocal } from '../common/dates';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';

type Place = 'centre' | 'provider';

/** Other municipalities' active treatment places, named with their municipality. */
const OtherCentreInput = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  const { data: centres = [] } = useGetList<Centre>('centres', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } });
  const { data: municipalities = [] } = useGetList('municipalities', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  if (!identity) return null;
  const nameOf = new Map(municipalities.map((m) => [String(m.id), String(m['name'])]));
  const choices = centres
    .filter((c) => c.municipalityId !== identity.municipalityId)
    .map((c) => ({ id: c.id, name: `${c.name} (${nameOf.get(c.municipalityId) ?? ''})` }));
  return <SelectInput source="toCentreId" choices={choices} validate={required()} helperText="app.referrals.other_centres_only" />;
};

/** The approved private providers (approved on the referral day), with their kind. */
const ProviderInput = () => {
  const translate = useTranslate();
  const referredOn = (useWatch({ name: 'referredOn' }) as string | undefined) || todayLocal();
  const { data: providers = [] } = useGetList<TreatmentProvider>('treatment-providers', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } });
  const choices = providers
    .filter((p) => approvedOn(p, referredOn))
    .map((p) => ({ id: p.id, name: `${p.name} (${translate(`resources.treatment-providers.kinds.${p.kind}`)}, ${p.approvedBy})` }));
  return <SelectInput source="providerId" choices={choices} validate={required()} helperText="app.referrals.approved_only" />;
};

const PlaceInput = () => {
  const place = useWatch({ name: 'place' }) as Place | undefined;
  return place === 'provider' ? <ProviderInput /> : <OtherCentreInput />;
};

/** The body the API takes: the chosen place only (exactly one of toCentreId and providerId). */
const toBody = ({ place, toCentreId, providerId, ...rest }: Record<string, unknown>) =>
  place === 'provider' ? { ...rest, providerId } : { ...rest, toCentreId };

/**
 * A referral under free choice, opened from the request's page (its citizen and request fixed): to
 * another municipality's place or an approved private provider. The citizen's own choice of the
 * place is the guarantee's waiver, so it has its own date.
 */
export const ReferralCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list" title={translate('app.referrals.new')} transform={toBody}>
      <SimpleForm defaultValues={{ place: 'centre', referredOn: todayLocal(), citizenChoiceOn: null, message: '' }} sx={{ maxWidth: 800 }}>
        <FixedFromForm label="resources.referrals.fields.citizenId" source="citizenId" reference="citizens" link="show" />
        <RadioButtonGroupInput
          source="place"
          label="app.referrals.place"
          choices={[
            { id: 'centre', name: 'app.referrals.place_centre' },
            { id: 'provider', name: 'app.referrals.place_provider' },
          ]}
        />
        <PlaceInput />
        <DanishDateInput source="referredOn" validate={required()} />
        <DanishDateInput source="citizenChoiceOn" helperText="app.referrals.choice_hint" />
        <TextInput source="message" multiline minRows={2} fullWidth helperText={false} slotProps={DANISH_TEXT} />
      </SimpleForm>
    </Create>
  );
};
