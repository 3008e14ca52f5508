import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Button, ButtonBase, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { Centre, Group, GroupMeeting } from '@outcomes/contracts';
import { useEffect } from 'react';
import { Title, useGetIdentity, useGetList, useGetMany, useLocaleState, useRedirect, useStore, useTranslate } from 'react-admin';
import type { Identity } from '../auth/auth-provider';
import { formatDate, formatDayMonth } from '../common/dates';
import { addDays, dayKey, isoWeek, minutesOfDay, mondayOf, parseDay, placeInLanes, slotInWeek, weekdayIndex, weekdayName, weekFilter } from './week';

const HOUR_HEIGHT = 44;
const FIRST_HOUR = 8;
const LAST_HOUR = 22;
/** A standing group's expected slot is drawn as long as a SMART Recovery meeting usually lasts. */
const STANDING_SLOT_MINUTES = 90;

/** A meeting in the calendar, or a standing group's weekly slot with no meeting logged. */
interface Entry {
  key: string;
  groupId: string;
  start: number;
  end: number;
  day: number;
  meeting?: GroupMeeting;
}

const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function entriesOfWeek(monday: Date, meetings: readonly GroupMeeting[], standing: readonly Group[]): Entry[] {
  const entries: Entry[] = meetings.map((meeting) => {
    const start = new Date(meeting.startsAt);
    const from = minutesOfDay(start);
    return { key: meeting.id, groupId: meeting.groupId, start: from, end: from + meeting.durationMinutes, day: weekdayIndex(start), meeting };
  });
  for (const group of standing) {
    const weekday = group.weekday;
    if (!weekday || entries.some((e) => e.groupId === group.id && e.day === weekday - 1)) continue;
    const from = minutesOfDay(slotInWeek(monday, weekday, group.startTime));
    entries.push({ key: `slot-${group.id}`, groupId: group.id, start: from, end: from + STANDING_SLOT_MINUTES, day: weekday - 1 });
  }
  return entries;
}

const EntryCard = ({ entry, group, lane, lanes, firstHour }: { entry: Entry; group?: Group; lane: number; lanes: number; firstHour: number }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const cancelled = entry.meeting?.status === 'cancelled';
  const standing = group?.kind === 'standing';
  const expected = !entry.meeting;
  const end = Math.min(entry.end, 24 * 60);
  return (
    <ButtonBase
      data-testid="calendar-meeting"
      onClick={() => redirect('show', 'groups', entry.groupId)}
      title={expected ? translate('app.calendar.expected') : undefined}
      sx={{
        position: 'absolute',
        top: ((entry.start - firstHour * 60) / 60) * HOUR_HEIGHT,
        height: Math.max(((end - entry.start) / 60) * HOUR_HEIGHT - 2, 22),
        left: `calc(${(100 / lanes) * lane}% + 2px)`,
        width: `calc(${100 / lanes}% - 4px)`,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-start',
        justifyContent: 'flex-start',
        textAlign: 'left',
        overflow: 'hidden',
        borderRadius: 1,
        px: 0.75,
        py: 0.25,
        fontSize: '0.75rem',
        lineHeight: 1.3,
        border: 1,
        borderStyle: expected ? 'dashed' : 'solid',
        borderColor: standing ? 'success.main' : 'primary.main',
        bgcolor: (theme) => (expected ? theme.palette.background.paper : alpha(theme.palette[standing ? 'success' : 'primary'].main, 0.12)),
        opacity: cancelled ? 0.6 : 1,
        '&:hover, &:focus-visible': { boxShadow: 3 },
      }}
    >
      <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
        {timeOf(entry.start)}–{timeOf(end % (24 * 60))}
      </Box>
      <Box component="span" sx={{ display: 'block', textDecoration: cancelled ? 'line-through' : undefined }}>
        {group?.name ?? '…'}
      </Box>
      <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
        {expected
          ? translate('app.calendar.expected')
          : [
              entry.meeting?.number ? translate('app.groups.meeting_number', { number: entry.meeting.number }) : null,
              translate(`app.groups.meeting_statuses.${entry.meeting?.status ?? 'planned'}`),
            ]
              .filter(Boolean)
              .join(' · ')}
      </Box>
    </ButtonBase>
  );
};

const WeekGrid = ({ monday, entries, groups }: { monday: Date; entries: Entry[]; groups: Map<string, Group> }) => {
  const [locale] = useLocaleState();
  const firstHour = Math.min(FIRST_HOUR, ...entries.map((e) => Math.floor(e.start / 60)));
  const lastHour = Math.max(LAST_HOUR, ...entries.map((e) => Math.ceil(Math.min(e.end, 24 * 60) / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const today = dayKey(new Date());
  // The weekday's name follows the language; the date is the one Danish format ("tir. 1.12.").
  const dayLabel = (day: Date): string => `${weekdayName(weekdayIndex(day) + 1, locale, 'short')} ${formatDayMonth(dayKey(day))}`;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: '48px repeat(7, minmax(110px, 1fr))', minWidth: 820 }} data-testid="week-calendar">
        <Box />
        {Array.from({ length: 7 }, (_, i) => {
          const day = addDays(monday, i);
          const isToday = dayKey(day) === today;
          return (
            <Typography
              key={i}
              variant="subtitle2"
              component="div"
              data-testid="calendar-day"
              sx={{ textAlign: 'center', py: 0.5, borderBottom: 1, borderColor: 'divider', color: isToday ? 'primary.main' : undefined, fontWeight: isToday ? 700 : 500 }}
            >
              {dayLabel(day)}
            </Typography>
          );
        })}
        <Box sx={{ position: 'relative', height: hours.length * HOUR_HEIGHT }}>
          {hours.map((hour, i) => (
            <Typography key={hour} variant="caption" color="text.secondary" sx={{ position: 'absolute', top: i * HOUR_HEIGHT - 8, right: 6 }}>
              {i === 0 ? '' : `${String(hour).padStart(2, '0')}:00`}
            </Typography>
          ))}
        </Box>
        {Array.from({ length: 7 }, (_, day) => (
          <Box
            key={day}
            data-testid={`calendar-column-${day + 1}`}
            sx={{
              position: 'relative',
              height: hours.length * HOUR_HEIGHT,
              borderLeft: 1,
              borderColor: 'divider',
              backgroundImage: (theme) => `repeating-linear-gradient(to bottom, ${theme.palette.divider} 0 1px, transparent 1px ${HOUR_HEIGHT}px)`,
            }}
          >
            {placeInLanes(entries.filter((e) => e.day === day)).map(({ item, lane, lanes }) => (
              <EntryCard key={item.key} entry={item} group={groups.get(item.groupId)} lane={lane} lanes={lanes} firstHour={firstHour} />
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
};

const Legend = () => {
  const translate = useTranslate();
  const swatch = (colour: 'primary' | 'success', dashed = false) => (
    <Box component="span" sx={{ display: 'inline-block', width: 14, height: 14, mr: 0.75, verticalAlign: 'middle', border: 1, borderStyle: dashed ? 'dashed' : 'solid', borderColor: `${colour}.main`, borderRadius: 0.5 }} />
  );
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
      <Typography variant="caption">{swatch('primary')}{translate('app.calendar.legend_course')}</Typography>
      <Typography variant="caption">{swatch('success')}{translate('app.calendar.legend_standing')}</Typography>
      <Typography variant="caption">{swatch('success', true)}{translate('app.calendar.expected')}</Typography>
    </Stack>
  );
};

/**
 * The week's group meetings of one centre: course meetings and logged SMART Recovery meetings by
 * weekday and time, and each standing group's weekly slot while no meeting is logged for it. A click
 * opens the group. Week and centre stay in the memory store while the user looks at a group.
 */
export const MeetingCalendar = () => {
  const translate = useTranslate();
  const identity = useGetIdentity().identity as Identity | undefined;
  const [weekKey, setWeekKey] = useStore('groupCalendar.week', dayKey(mondayOf(new Date())));
  const [centreId, setCentreId] = useStore<string>('groupCalendar.centreId', '');
  const monday = parseDay(weekKey);
  const { data: centres } = useGetList<Centre>(
    'centres',
    { filter: { municipalityId: identity?.municipalityId, active: true }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: Boolean(identity) },
  );
  useEffect(() => {
    const first = centres?.[0];
    if (first && !centres.some((c) => c.id === centreId)) setCentreId(first.id);
  }, [centres, centreId, setCentreId]);
  const ready = Boolean(centreId);
  const { data: meetings, isPending } = useGetList<GroupMeeting>(
    'group-meetings',
    { filter: { centreId, ...weekFilter(monday) }, sort: { field: 'startsAt', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: ready },
  );
  const { data: standing } = useGetList<Group>(
    'groups',
    { filter: { centreId, kind: 'standing' }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: ready },
  );
  const groupIds = [...new Set((meetings ?? []).map((m) => m.groupId))];
  const { data: meetingGroups } = useGetMany<Group>('groups', { ids: groupIds }, { enabled: groupIds.length > 0 });
  const groups = new Map([...(standing ?? []), ...(meetingGroups ?? [])].map((g) => [g.id, g]));
  const entries = entriesOfWeek(monday, meetings ?? [], standing ?? []);
  const sunday = addDays(monday, 6);
  const move = (weeks: number) => setWeekKey(dayKey(addDays(monday, 7 * weeks)));

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="group-calendar">
      <Title title={translate('resources.group-meetings.name', { smart_count: 2 })} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate('app.calendar.centre')}
          value={centres?.some((c) => c.id === centreId) ? centreId : ''}
          onChange={(event) => setCentreId(event.target.value)}
          sx={{ flex: { md: '0 1 340px' }, minWidth: 240 }}
          slotProps={{ select: { inputProps: { 'data-testid': 'calendar-centre' } } }}
        >
          {(centres ?? []).map((centre) => (
            <MenuItem key={centre.id} value={centre.id}>
              {centre.name}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
          <Button size="small" variant="outlined" onClick={() => move(-1)} startIcon={<ChevronLeftIcon />}>
            {translate('app.calendar.previous_week')}
          </Button>
          <Button size="small" onClick={() => setWeekKey(dayKey(mondayOf(new Date())))}>
            {translate('app.calendar.this_week')}
          </Button>
          <Button size="small" variant="outlined" onClick={() => move(1)} endIcon={<ChevronRightIcon />}>
            {translate('app.calendar.next_week')}
          </Button>
        </Stack>
        <Typography variant="h6" component="h2" data-testid="calendar-week" sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.calendar.week', { week: isoWeek(monday) })}
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {`${formatDate(dayKey(monday))} – ${formatDate(dayKey(sunday))}`}
          </Typography>
        </Typography>
      </Stack>
      {ready && !isPending && entries.length === 0 && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.calendar.empty')}
        </Alert>
      )}
      <WeekGrid monday={monday} entries={entries} groups={groups} />
      <Legend />
    </Box>
  );
};
