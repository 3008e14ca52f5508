import EnrolmentIcon from '@mui/icons-material/Assignment';
import SessionIcon from '@mui/icons-material/EventNote';
import AddSessionIcon from '@mui/icons-material/PostAdd';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { Enrolment, Programme, TreatmentSession } from '@outcomes/contracts';
import type { ReactNode } from 'react';
import { Link, useGetList, useGetMany, useLocaleState, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { LinkButton } from '../common/LinkButton';
import { EnrolmentStateChip, ProgressText } from '../enrolments/EnrolmentStateChip';
import { progressOf } from '../enrolments/states';
import type { TimelineEntry } from './timeline';
import { timelineOf } from './timeline';

const ATTENDANCE_COLOURS = { attended: 'success', 'no-show': 'error', cancelled: 'default' } as const;

const Entry = ({ icon, testId, children, actions }: { icon: ReactNode; testId: string; children: ReactNode; actions?: ReactNode }) => (
  <Paper variant="outlined" data-testid={testId} sx={{ p: 1.5, display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
    <Box sx={{ color: 'text.secondary', pt: 0.25 }}>{icon}</Box>
    <Box sx={{ flex: 1, minWidth: 0 }}>{children}</Box>
    {actions && <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>{actions}</Stack>}
  </Paper>
);

const Line = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" component="div" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
    {children}
  </Typography>
);

const EnrolmentEntry = ({ enrolment, programme }: { enrolment: Enrolment; programme: Programme | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const progress = progressOf(enrolment);
  const dates = [
    `${translate('resources.enrolments.fields.referralDate')} ${formatDate(enrolment.referralDate, locale)}`,
    enrolment.startDate && `${translate('resources.enrolments.fields.startDate')} ${formatDate(enrolment.startDate, locale)}`,
    enrolment.endDate && `${translate('resources.enrolments.fields.endDate')} ${formatDate(enrolment.endDate, locale)}`,
  ].filter(Boolean);
  return (
    <Entry
      icon={<EnrolmentIcon />}
      testId="timeline-enrolment"
      actions={
        enrolment.state === 'active' ? (
          <LinkButton
            to="/sessions/create"
            state={{ record: { enrolmentId: enrolment.id } }}
            label="app.citizens.log_session"
            icon={<AddSessionIcon />}
            variant="contained"
          />
        ) : undefined
      }
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Link to={`/enrolments/${enrolment.id}/show`} variant="subtitle1" underline="hover">
          {programme?.name ?? translate('resources.enrolments.name', { smart_count: 1 })}
        </Link>
        <EnrolmentStateChip state={enrolment.state} />
        {enrolment.courseKind === 'sel-101a' && (
          <Typography variant="body2" component="span" data-testid="enrolment-anonymous">
            {translate('app.caseRequests.anonymous')} · {translate('app.caseRequests.no_guarantee')}
          </Typography>
        )}
        {progress && (
          <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
            <ProgressText {...progress} /> {translate('resources.enrolments.progress_unit')}
          </Typography>
        )}
      </Stack>
      <Line>{dates.join(' · ')}</Line>
    </Entry>
  );
};

const SessionEntry = ({ session, programme }: { session: TreatmentSession; programme: Programme | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Entry icon={<SessionIcon />} testId="timeline-session">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Link to={`/sessions/${session.id}`} variant="subtitle1" underline="hover">
          {translate(`resources.sessions.kinds.${session.kind}`, { _: session.kind })}
          {session.sessionNumber !== null && ` ${translate('resources.sessions.number', { number: session.sessionNumber })}`}
        </Link>
        <Chip
          size="small"
          variant="outlined"
          color={ATTENDANCE_COLOURS[session.attendance]}
          label={translate(`resources.sessions.attendance.${session.attendance}`)}
        />
        {session.enteredInError && <Chip size="small" color="warning" data-testid="entered-in-error-chip" label={translate('resources.sessions.entered_in_error.chip')} />}
        {session.noteChanges > 0 && (
          <Chip size="small" variant="outlined" data-testid="note-corrected-chip" label={translate('resources.sessions.notes.corrected', { smart_count: session.noteChanges })} />
        )}
      </Stack>
      {session.enteredInError && (
        <Line>
          <span>
            {translate('resources.sessions.entered_in_error.reason')}: <span lang="da">{session.enteredInError.reason}</span>
          </span>
        </Line>
      )}
      <Line>
        {[
          formatDateTime(session.startsAt, locale),
          translate('resources.sessions.minutes', { smart_count: session.durationMinutes }),
          programme?.code,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Line>
    </Entry>
  );
};

/** Enrolments and sessions of one citizen, newest first. */
export const CitizenTimeline = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const enrolments = useGetList<Enrolment>('enrolments', {
    filter: { citizenId },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'referralDate', order: 'DESC' },
  });
  const sessions = useGetList<TreatmentSession>('sessions', {
    filter: { citizenId },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'startsAt', order: 'DESC' },
  });
  const programmeIds = [...new Set((enrolments.data ?? []).map((e) => e.programmeId))];
  const programmes = useGetMany<Programme>('programmes', { ids: programmeIds }, { enabled: programmeIds.length > 0 });
  const programmeOf = (id: string | undefined) => programmes.data?.find((p) => p.id === id);
  const enrolmentOf = (id: string) => enrolments.data?.find((e) => e.id === id);

  if (enrolments.isPending || sessions.isPending) return null;
  const entries: TimelineEntry[] = timelineOf(enrolments.data ?? [], sessions.data ?? []);
  return (
    <Box data-testid="timeline">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.citizens.timeline')}
      </Typography>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.citizens.timeline_empty')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          {entries.map((entry) =>
            entry.type === 'enrolment' ? (
              <EnrolmentEntry key={entry.enrolment.id} enrolment={entry.enrolment} programme={programmeOf(entry.enrolment.programmeId)} />
            ) : (
              <SessionEntry
                key={entry.session.id}
                session={entry.session}
                programme={programmeOf(enrolmentOf(entry.session.enrolmentId)?.programmeId)}
              />
            ),
          )}
        </Stack>
      )}
    </Box>
  );
};
