import ReferIcon from '@mui/icons-material/AssignmentInd';
import { Box, Paper, Typography } from '@mui/material';
import { CASE_REQUEST_STATUSES } from '@outcomes/contracts';
import type { CaseRequest } from '@outcomes/contracts';
import { Edit, maxLength, ReferenceField, SelectInput, SimpleForm, TextInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DANISH_TEXT } from '../common/danish-text';
import { DanishDateInput } from '../common/DanishDateInput';
import { LinkButton } from '../common/LinkButton';
import { Section } from '../common/Section';
import { AssessmentInputs } from './AssessmentInputs';
import { Decisions } from './Decisions';
import { GuaranteeStatus } from './GuaranteeStatus';
import { RequestEnrolments } from './RequestEnrolments';
import { RequestReferrals } from '../referrals/RequestReferrals';
import { toRequestUpdateBody } from './request-body';

const STATUS_CHOICES = CASE_REQUEST_STATUSES.map((id) => ({ id, name: `app.caseRequests.statuses.${id}` }));

const Actions = () => {
  const request = useRecordContext<CaseRequest>();
  return (
    <TopToolbar>
      {request && (
        <LinkButton
          to="/enrolments/create"
          state={{ record: { citizenId: request.citizenId, caseRequestId: request.id, referralDate: request.requestedOn } }}
          label="app.caseRequests.start_enrolment"
          icon={<ReferIcon />}
        />
      )}
    </TopToolbar>
  );
};

const Summary = () => {
  const request = useRecordContext<CaseRequest>();
  const translate = useTranslate();
  if (!request) return null;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 1, width: '100%' }}>
      <Typography variant="body1" component="div">
        <ReferenceField source="citizenId" reference="citizens" link="show" />
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
        {translate('resources.case-requests.fields.courseKind')}
      </Typography>
      <Typography variant="body2" data-testid="course-kind">
        {translate(`app.caseRequests.courseKinds.${request.courseKind}`)}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
        {translate('resources.case-requests.fields.guarantee')}
      </Typography>
      {/* The kind is named just above: "ingen behandlingsgaranti" alone. */}
      <GuaranteeStatus guarantee={request.guarantee} withKind={false} />
    </Paper>
  );
};

const GuaranteeHint = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      {translate('app.caseRequests.guarantee_hint')}
    </Typography>
  );
};

/** The guarantee's records; anonymous treatment (§ 101 a) has no guarantee, so only the doctor's conversation. */
const GuaranteeInputs = () => {
  const request = useRecordContext<CaseRequest>();
  if (!request) return null;
  if (request.guarantee === null) return <DanishDateInput source="doctorConversationOn" helperText={false} />;
  return (
    <>
      <Section title="app.caseRequests.guarantee_section" />
      <GuaranteeHint />
      <DanishDateInput source="doctorConversationOn" helperText={false} />
      <DanishDateInput source="waiverOn" helperText="app.caseRequests.waiver_hint" />
      <TextInput source="missedReason" multiline fullWidth validate={maxLength(2000)} slotProps={DANISH_TEXT} helperText={false} />
    </>
  );
};

/** The request: the assessment, the guarantee's records, open or closed; then its decisions (none for anonymous treatment). */
const DecisionsOfRecord = () => {
  const request = useRecordContext<CaseRequest>();
  const translate = useTranslate();
  if (!request) return null;
  if (request.courseKind === 'sel-101a') {
    return (
      <Typography variant="body2" sx={{ mt: 3 }} data-testid="no-decision">
        {translate('app.caseRequests.no_decision')}
      </Typography>
    );
  }
  return <Decisions requestId={String(request.id)} />;
};

const ReferralsOfRecord = () => {
  const request = useRecordContext<CaseRequest>();
  return request ? <RequestReferrals request={request} /> : null;
};

const EnrolmentsOfRecord = () => {
  const request = useRecordContext<CaseRequest>();
  return request ? <RequestEnrolments request={request} /> : null;
};

export const CaseRequestEdit = () => (
  <Edit actions={<Actions />} transform={toRequestUpdateBody} mutationMode="pessimistic" redirect={false} sx={{ '& .RaEdit-card': { minWidth: 0 } }}>
    <Box sx={{ p: { xs: 1.5, sm: 2 } }}>
      <SimpleForm sx={{ maxWidth: 800, px: 0 }}>
        <Summary />
        <DanishDateInput source="requestedOn" disabled helperText={false} />
        <AssessmentInputs />
        <GuaranteeInputs />
        <SelectInput source="status" choices={STATUS_CHOICES} />
        <DanishDateInput source="closedOn" helperText={false} />
      </SimpleForm>
      <EnrolmentsOfRecord />
      <ReferralsOfRecord />
      <DecisionsOfRecord />
    </Box>
  </Edit>
);
