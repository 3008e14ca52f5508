import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { Enrolment, Group, GroupMeeting } from '@outcomes/contracts';
import { useState } from 'react';
import {
  ReferenceField,
  RecordContextProvider,
  Show,
  useCanAccess,
  useDataProvider,
  useGetList,
  useGetMany,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import type { AppDataProvider } from '../data/data-provider';
import { AttendanceGrid } from './AttendanceGrid';
import { attendanceIds, meetingDay } from './attendance-names';
import { CourseGrid } from './CourseGrid';
import { HCS_PROGRAMME_ID } from './constants';
import { Facilitators } from './Facilitators';
import { LoggedMeetings } from './LoggedMeetings';
import { weekdayName } from './week';
import { DanishDateTextField } from '../common/DanishDateField';

const STATUS_COLOURS = { planned: 'default', held: 'success', cancelled: 'error' } as const;

const pad = (n: number) => String(n).padStart(2, '0');
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const Members = ({ group, enrolments }: { group: Group; enrolments: Enrolment[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [choice, setChoice] = useState('');
  const open = useGetList<Enrolment>('enrolments', {
    filter: { programmeId: group.programmeId || HCS_PROGRAMME_ID, state: 'active' },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'referralDate', order: 'DESC' },
  });
  const candidates = (open.data ?? []).filter((e) => !group.memberEnrolmentIds.includes(e.id));
  const add = async () => {
    try {
      await dataProvider.addGroupMember(group.id, choice);
      setChoice('');
      notify('app.groups.member_added', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Box sx={{ mb: 3 }} data-testid="group-members">
      <Typography variant="h6" component="h2">
        {translate('app.groups.members')} ({group.memberEnrolmentIds.length})
      </Typography>
      <Stack spacing={0.5} sx={{ my: 1 }}>
        {enrolments.map((e) => (
          <RecordContextProvider key={e.id} value={e}>
            <Typography variant="body1" data-testid="group-member">
              <ReferenceField source="citizenId" reference="citizens" link="show" />
            </Typography>
          </RecordContextProvider>
        ))}
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <TextField
          select
          size="small"
          label={translate('app.groups.add_member')}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          sx={{ minWidth: { sm: 320 } }}
          slotProps={{ select: { inputProps: { 'data-testid': 'member-select' } } }}
        >
          {candidates.map((e) => (
            <MenuItem key={e.id} value={e.id}>
              <RecordContextProvider value={e}>
                <ReferenceField source="citizenId" reference="citizens" link={false} />
              </RecordContextProvider>
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" disabled={!choice} onClick={() => void add()}>
          {translate('app.groups.add')}
        </Button>
      </Stack>
    </Box>
  );
};

const MoveDialog = ({ meeting, onClose }: { meeting: GroupMeeting; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [value, setValue] = useState(toLocalInput(meeting.startsAt));
  const [update, { isPending }] = useUpdate();
  const move = () =>
    update(
      'group-meetings',
      {
        id: meeting.id,
        data: {
          startsAt: new Date(value).toISOString(),
          durationMinutes: meeting.durationMinutes,
          status: meeting.status,
          anonymousHeadcount: meeting.anonymousHeadcount,
          version: meeting.version,
        },
        previousData: meeting,
      },
      {
        onSuccess: () => {
          notify('app.groups.meeting_moved', { type: 'success' });
          onClose();
        },
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('app.groups.move_meeting')}</DialogTitle>
      <DialogContent>
        <DanishDateTextField
          moment
          fullWidth
          margin="dense"
          label={translate('app.groups.starts_at')}
          value={value}
          onChange={setValue}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={isPending || !value} onClick={() => void move()}>
          {translate('app.groups.move')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const Meetings = ({ group, enrolments }: { group: Group; enrolments: Enrolment[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [openId, setOpenId] = useState<string | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  // The meeting whose attendance was just saved: its grid, remounted with the saved version, takes focus to its status.
  const [savedId, setSavedId] = useState<string | null>(null);
  const [update] = useUpdate();
  const { data: meetings, refetch } = useGetList<GroupMeeting>('group-meetings', {
    filter: { groupId: group.id },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'ASC' },
  });
  const members = group.memberEnrolmentIds.map((id) => ({ enrolmentId: id, citizenId: enrolments.find((e) => e.id === id)?.citizenId }));
  const opened = meetings?.find((m) => m.id === openId);
  const moving = meetings?.find((m) => m.id === movingId);
  const cancel = (meeting: GroupMeeting) =>
    update(
      'group-meetings',
      {
        id: meeting.id,
        data: {
          startsAt: meeting.startsAt,
          durationMinutes: meeting.durationMinutes,
          status: 'cancelled',
          anonymousHeadcount: meeting.anonymousHeadcount,
          version: meeting.version,
        },
        previousData: meeting,
      },
      {
        onSuccess: () => {
          notify('app.groups.meeting_cancelled_done', { type: 'success' });
          void refetch();
        },
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );
  return (
    <Box data-testid="group-meetings">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.groups.meetings')}
      </Typography>
      <Stack spacing={1}>
        {(meetings ?? []).map((meeting) => (
          <Paper key={meeting.id} variant="outlined" sx={{ p: 1.5 }} data-testid="group-meeting">
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
              <Typography variant="subtitle1" sx={{ minWidth: 120 }}>
                {translate('app.groups.meeting_number', { number: meeting.number ?? '' })}
              </Typography>
              <Typography variant="body2" sx={{ flex: 1 }}>
                {formatDateTime(meeting.startsAt, locale)}
              </Typography>
              <Chip size="small" color={STATUS_COLOURS[meeting.status]} label={translate(`app.groups.meeting_statuses.${meeting.status}`)} />
              {/* Sixteen of these on a course: the name says which meeting, the state whether its grid is open. */}
              <Button
                size="small"
                variant="outlined"
                aria-label={translate('app.groups.take_attendance_label', { number: meeting.number ?? '', date: meetingDay(meeting.startsAt) })}
                aria-expanded={openId === meeting.id}
                aria-controls={openId === meeting.id ? attendanceIds(meeting.id).grid : undefined}
                onClick={() => {
                  setSavedId(null);
                  setOpenId(openId === meeting.id ? null : meeting.id);
                }}
              >
                {translate('app.groups.take_attendance')}
              </Button>
              {meeting.status === 'planned' && (
                <>
                  <Button size="small" onClick={() => setMovingId(meeting.id)}>
                    {translate('app.groups.move')}
                  </Button>
                  <Button size="small" color="error" onClick={() => void cancel(meeting)}>
                    {translate('app.groups.cancel_meeting')}
                  </Button>
                </>
              )}
            </Stack>
            {opened && opened.id === meeting.id && (
              <Box sx={{ mt: 1 }} id={attendanceIds(opened.id).grid}>
                <AttendanceGrid
                  key={`${opened.id}-${opened.version}`}
                  meeting={opened}
                  members={members}
                  focusStatus={savedId === opened.id}
                  onSaved={() => {
                    setSavedId(opened.id);
                    void refetch();
                  }}
                />
              </Box>
            )}
          </Paper>
        ))}
      </Stack>
      {moving && (
        <MoveDialog
          meeting={moving}
          onClose={() => {
            setMovingId(null);
            void refetch();
          }}
        />
      )}
    </Box>
  );
};

const CourseHeader = ({ group }: { group: Group }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <>
      {translate('resources.groups.fields.startDate')} {formatDate(group.startDate, locale)} {group.startTime}
    </>
  );
};

const StandingHeader = ({ group }: { group: Group }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return <>{group.weekday ? translate('app.groups.every_weekday', { weekday: weekdayName(group.weekday, locale), time: group.startTime }) : group.startTime}</>;
};

/** The course grid, once the meetings are in: its marks start from what is saved. */
const CourseGridPanel = ({ group, enrolments }: { group: Group; enrolments: Enrolment[] }) => {
  const { data: meetings, refetch } = useGetList<GroupMeeting>('group-meetings', {
    filter: { groupId: group.id },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'ASC' },
  });
  if (!meetings) return null;
  const members = group.memberEnrolmentIds.map((id) => ({ enrolmentId: id, enrolment: enrolments.find((e) => e.id === id) }));
  return <CourseGrid key={group.memberEnrolmentIds.join()} meetings={meetings} members={members} onSaved={() => void refetch()} />;
};

/** A course's cohort and meetings with attendance (staff read the enrolments). */
const CoursePanels = ({ group }: { group: Group }) => {
  const { canAccess: canSeeEnrolments } = useCanAccess({ resource: 'enrolments', action: 'list' });
  const { data: enrolments } = useGetMany<Enrolment>(
    'enrolments',
    { ids: group.memberEnrolmentIds },
    { enabled: Boolean(canSeeEnrolments && group.memberEnrolmentIds.length) },
  );
  if (!canSeeEnrolments) return null;
  return (
    <>
      <Members group={group} enrolments={enrolments ?? []} />
      <CourseGridPanel group={group} enrolments={enrolments ?? []} />
      <Meetings group={group} enrolments={enrolments ?? []} />
    </>
  );
};

/** A SMART Recovery group's facilitators (for those who manage volunteers) and its logged meetings. */
const StandingPanels = ({ group }: { group: Group }) => {
  const { canAccess: canSeeVolunteers } = useCanAccess({ resource: 'volunteers', action: 'list' });
  return (
    <>
      {canSeeVolunteers && <Facilitators group={group} />}
      <LoggedMeetings group={group} />
    </>
  );
};

const Body = () => {
  const group = useRecordContext<Group>();
  if (!group) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h2">
        {group.name}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        <ReferenceField source="programmeId" reference="programmes" link={false} /> ·{' '}
        <ReferenceField source="centreId" reference="centres" link={false} /> ·{' '}
        {group.kind === 'standing' ? <StandingHeader group={group} /> : <CourseHeader group={group} />}
        {group.place ? ` · ${group.place}` : ''}
      </Typography>
      {group.kind === 'standing' ? <StandingPanels group={group} /> : <CoursePanels group={group} />}
    </Box>
  );
};

/**
 * A course: its cohort (add open HCS enrolments) and its meetings, each with its attendance grid; or a
 * SMART Recovery standing group: its facilitators and its logged meetings.
 */
export const GroupShow = () => (
  // minWidth 0: the card keeps to the screen's width; the course grid scrolls inside its own region.
  <Show sx={{ '& .RaShow-card': { minWidth: 0 } }}>
    <Body />
  </Show>
);
