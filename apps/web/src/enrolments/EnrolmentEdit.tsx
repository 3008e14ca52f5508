import { Edit, SimpleForm } from 'react-admin';
import { Row } from '../common/Row';
import { toEnrolmentUpdateBody } from './enrolment-body';
import { CentreInput, Fixed, ReferralSourceInput } from './EnrolmentInputs';
import { EnrolmentTitle } from './EnrolmentTitle';
import { AttestationsInput } from './ProgrammeRequirements';

/** What may change without a state change: centre, referral source, attestations. */
export const EnrolmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toEnrolmentUpdateBody} title={<EnrolmentTitle />}>
    <SimpleForm sx={{ maxWidth: 800 }}>
      <Row>
        <Fixed label="resources.enrolments.fields.citizenId" source="citizenId" reference="citizens" link="show" />
        <Fixed label="resources.enrolments.fields.programmeId" source="programmeId" reference="programmes" />
      </Row>
      <Row>
        <CentreInput />
        <ReferralSourceInput />
      </Row>
      <AttestationsInput />
    </SimpleForm>
  </Edit>
);
