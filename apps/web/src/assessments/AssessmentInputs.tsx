import { Box, Typography } from '@mui/material';
import type { Assessment, Enrolment } from '@outcomes/contracts';
import { TIMEPOINTS } from '@outcomes/contracts';
import { ASI_DOMAINS } from '@outcomes/domain';
import { useWatch } from 'react-hook-form';
import {
  RecordContextProvider,
  ReferenceInput,
  required,
  SelectInput,
  useGetIdentity,
  useGetOne,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DanishDateInput } from '../common/DanishDateInput';
import { Detail } from '../common/Detail';
import { formatDate, todayLocal } from '../common/dates';
import { Row } from '../common/Row';
import { Fixed } from '../enrolments/EnrolmentInputs';
import { EnrolmentOption } from '../sessions/EnrolmentOption';
import { AsiDomainSection } from './AsiDomainSection';
import { CompositePreview } from './CompositePreview';

const timepointChoices = TIMEPOINTS.map((id) => ({ id, name: `resources.assessments.timepoints.${id}` }));

/** The citizen and programme of the chosen enrolment, shown rather than asked. */
const FixedEnrolment = () => {
  const enrolmentId = useWatch({ name: 'enrolmentId' }) as string | undefined;
  const { data: enrolment } = useGetOne<Enrolment>('enrolments', { id: enrolmentId ?? '' }, { enabled: Boolean(enrolmentId) });
  if (!enrolment) return null;
  return (
    <RecordContextProvider value={enrolment}>
      <Row>
        <Fixed label="resources.assessments.fields.citizenId" source="citizenId" reference="citizens" link="show" />
        <Fixed label="resources.enrolments.fields.programmeId" source="programmeId" reference="programmes" />
      </Row>
    </RecordContextProvider>
  );
};

/** The interview date: not ahead of today, not before the referral (the API's rules, told before saving). */
const AssessmentDateInput = () => {
  const enrolmentId = useWatch({ name: 'enrolmentId' }) as string | undefined;
  const { data: enrolment } = useGetOne<Enrolment>('enrolments', { id: enrolmentId ?? '' }, { enabled: Boolean(enrolmentId) });
  const [locale] = useLocaleState();
  const withinEnrolment = (value: string | undefined) => {
    if (!value) return undefined;
    if (value > todayLocal()) return 'resources.assessments.date_in_future';
    if (enrolment && value < enrolment.referralDate) {
      return { message: 'resources.assessments.date_before_referral', args: { date: formatDate(enrolment.referralDate, locale) } };
    }
    return undefined;
  };
  return <DanishDateInput source="date" validate={[required(), withinEnrolment]} />;
};

/** The interviewer: the signed-in staff member on a new interview (the API records them), else who it was. */
const Interviewer = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const assessment = useRecordContext<Assessment>();
  const interviewerId = assessment?.interviewerUserId;
  const name = !interviewerId || interviewerId === identity?.id ? identity?.fullName : translate('resources.assessments.interviewer_other');
  return <Detail sx={{ mb: 1.5 }} label="resources.assessments.fields.interviewerUserId">{name ?? '—'}</Detail>;
};

/**
 * The interview: which enrolment and timepoint (fixed once saved: the API keeps one per timepoint),
 * the date, then the items grouped by problem area beside a live preview of the composite scores.
 */
export const AssessmentInputs = ({ mode, enrolmentFixed, citizenId }: { mode: 'create' | 'edit'; enrolmentFixed: boolean; citizenId?: string }) => {
  const translate = useTranslate();
  const timepoint = useWatch({ name: 'timepoint' }) as string | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      {enrolmentFixed ? (
        <FixedEnrolment />
      ) : (
        <ReferenceInput source="enrolmentId" reference="enrolments" filter={citizenId ? { citizenId } : {}} sort={{ field: 'referralDate', order: 'DESC' }}>
          <SelectInput optionText={<EnrolmentOption />} validate={required()} />
        </ReferenceInput>
      )}
      <Row columns="repeat(4, minmax(0, 1fr))">
        <Detail sx={{ mb: 1.5 }} label="resources.assessments.fields.instrument">{translate('resources.assessments.instrument')}</Detail>
        {mode === 'create' ? (
          <SelectInput source="timepoint" choices={timepointChoices} validate={required()} />
        ) : (
          <Detail sx={{ mb: 1.5 }} label="resources.assessments.fields.timepoint">{translate(`resources.assessments.timepoints.${timepoint ?? ''}`)}</Detail>
        )}
        <AssessmentDateInput />
        <Interviewer />
      </Row>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('resources.assessments.hints.past_30_days')} {translate('resources.assessments.hints.rating_scale')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 340px' }, gap: 2, alignItems: 'start' }}>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
          {ASI_DOMAINS.map((domain) => (
            <AsiDomainSection key={domain} domain={domain} />
          ))}
        </Box>
        <Box sx={{ position: { md: 'sticky' }, top: { md: 64 } }}>
          <CompositePreview />
        </Box>
      </Box>
    </Box>
  );
};
