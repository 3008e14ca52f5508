import { Create, required, SelectInput, SimpleForm, TextInput, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { FixedFromForm } from '../enrolments/EnrolmentInputs';

/** The other municipalities (the citizen moves to one of them). */
const OtherMunicipalityInput = () => {
  const identity = useGetIdentity().identity as Identity | undefined;
  const { data: municipalities = [] } = useGetList('municipalities', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  if (!identity) return null;
  const choices = municipalities.filter((m) => String(m.id) !== identity.municipalityId).map((m) => ({ id: String(m.id), name: String(m['name']) }));
  return <SelectInput source="toMunicipalityId" choices={choices} validate={required()} />;
};

/**
 * A hand-over of a citizen who moves, opened from the citizen's page or after ending a course as
 * transferred (then the course and the municipality come with it). The citizen is fixed.
 */
export const HandoverCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="list" title={translate('app.handovers.new_title')}>
      <SimpleForm defaultValues={{ message: '', enrolmentId: null }} sx={{ maxWidth: 800 }}>
        <FixedFromForm label="resources.handovers.fields.citizenId" source="citizenId" reference="citizens" link="show" />
        <OtherMunicipalityInput />
        <TextInput source="message" multiline minRows={3} fullWidth helperText={false} slotProps={{ htmlInput: { lang: 'da' } }} />
      </SimpleForm>
    </Create>
  );
};
