import AddSessionIcon from '@mui/icons-material/PostAdd';
import { Box, Divider, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Enrolment } from '@outcomes/contracts';
import { isOpen } from '@outcomes/domain';
import {
  EditButton,
  ReferenceField,
  Show,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Detail } from '../common/Detail';
import { EnrolmentAssessments } from '../assessments/EnrolmentAssessments';
import { formatDate, formatDateTime } from '../common/dates';
import { LinkButton } from '../common/LinkButton';
import { ScrollRegion } from '../common/ScrollRegion';
import { EnrolmentStateChip, ProgressText } from './EnrolmentStateChip';
import { EnrolmentTitle } from './EnrolmentTitle';
import { EndStatusText } from '../register/EndStatusText';
import { progressOf } from './states';
import { TransitionButtons } from './TransitionButtons';
import { YouthConsents } from './YouthConsents';

const Actions = () => {
  const enrolment = useRecordContext<Enrolment>();
  return (
    <TopToolbar>
      {enrolment?.state === 'active' && (
        <LinkButton
          to="/sessions/create"
          state={{ record: { enrolmentId: enrolment.id } }}
          label="app.citizens.log_session"
          icon={<AddSessionIcon />}
        />
      )}
      {enrolment && isOpen(enrolment.state) && <EditButton />}
    </TopToolbar>
  );
};

const History = () => {
  const enrolment = useRecordContext<Enrolment>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!enrolment) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }} id="enrolment-history-title">
        {translate('resources.enrolments.history')}
      </Typography>
      <ScrollRegion labelledBy="enrolment-history-title">
      <Table size="small" data-testid="enrolment-history">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.enrolments.history_fields.date')}</TableCell>
            <TableCell>{translate('resources.enrolments.history_fields.to')}</TableCell>
            <TableCell>{translate('resources.enrolments.history_fields.reason')}</TableCell>
            <TableCell>{translate('resources.enrolments.history_fields.at')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {enrolment.transitions.map((step) => (
            <TableRow key={`${step.at}-${step.to}`}>
              <TableCell>{formatDate(step.date, locale)}</TableCell>
              <TableCell>{translate(`resources.enrolments.states.${step.to}`)}</TableCell>
              <TableCell>{step.reason ?? '—'}</TableCell>
              <TableCell>{formatDateTime(step.at, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </ScrollRegion>
    </Box>
  );
};

const Body = () => {
  const enrolment = useRecordContext<Enrolment>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!enrolment) return null;
  const field = (name: string) => `resources.enrolments.fields.${name}`;
  const progress = progressOf(enrolment);
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', md: 'repeat(4, minmax(0, 1fr))' }, gap: 2, overflowWrap: 'anywhere' }}>
        <Detail label={field('citizenId')}>
          <ReferenceField source="citizenId" reference="citizens" link="show" />
        </Detail>
        <Detail label={field('programmeId')}>
          <ReferenceField source="programmeId" reference="programmes" link={false} />
        </Detail>
        <Detail label={field('centreId')}>
          <ReferenceField source="centreId" reference="centres" link={false} />
        </Detail>
        <Detail label={field('state')}>
          <EnrolmentStateChip state={enrolment.state} />
        </Detail>
        <Detail label="resources.case-requests.fields.courseKind">{translate(`app.caseRequests.courseKinds.${enrolment.courseKind}`)}</Detail>
        <Detail label={field('referralDate')}>{formatDate(enrolment.referralDate, locale)}</Detail>
        <Detail label={field('referralSource')}>{enrolment.referralSource}</Detail>
        <Detail label={field('startDate')}>{formatDate(enrolment.startDate, locale)}</Detail>
        <Detail label={field('endDate')}>{formatDate(enrolment.endDate, locale)}</Detail>
        <Detail label={field('sessionsAttended')}>
          {progress ? <ProgressText {...progress} /> : enrolment.sessionsAttended}
        </Detail>
        <Detail label={field('attestations')}>
          {enrolment.attestations.map((a) => translate(`resources.enrolments.attestations.${a}`)).join('; ')}
        </Detail>
        <Detail label={translate('app.register.end_status')}>
          <EndStatusText code={enrolment.endStatus} />
        </Detail>
        <Detail label={field('endReason')}>{enrolment.endReason}</Detail>
        <Detail label={field('eligibilityOverride')}>{enrolment.eligibilityOverride}</Detail>
      </Box>
      <Divider />
      <YouthConsents />
      <TransitionButtons />
      <Divider />
      <EnrolmentAssessments enrolmentId={String(enrolment.id)} />
      <Divider />
      <History />
    </Box>
  );
};

/** One enrolment: its details, the state changes it may take now, and the ones it took. */
export const EnrolmentShow = () => (
  // minWidth 0: the card keeps to the screen's width; its tables scroll inside their own regions.
  <Show actions={<Actions />} title={<EnrolmentTitle />} sx={{ '& .RaShow-card': { minWidth: 0 } }}>
    <Body />
  </Show>
);
