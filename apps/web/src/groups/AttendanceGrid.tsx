import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup } from '@mui/material';
import type { GroupAttendance, GroupMeeting } from '@outcomes/contracts';
import { GROUP_ATTENDANCE } from '@outcomes/contracts';
import { useEffect, useRef, useState } from 'react';
import { ReferenceField, RecordContextProvider, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';
import { ScrollRegion } from '../common/ScrollRegion';
import { attendanceIds, meetingDay } from './attendance-names';

const COLOURS = { present: 'success', absent: 'error', excused: 'warning' } as const;

/**
 * One row per member, three toggle buttons each (one click per person); the whole attendance is
 * saved with one request, and the saved state is what the grid shows afterwards.
 */
export const AttendanceGrid = ({
  meeting,
  members,
  onSaved,
  focusStatus = false,
}: {
  meeting: GroupMeeting;
  members: { enrolmentId: string; citizenId?: string }[];
  onSaved: (meeting: GroupMeeting) => void;
  /** Just saved: the save button went with the old grid, so focus goes to the status that says it is saved (WCAG 2.4.3). */
  focusStatus?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const saved = Object.fromEntries(meeting.attendance.map((a) => [a.enrolmentId, a.status])) as Record<string, GroupAttendance>;
  const [marks, setMarks] = useState<Record<string, GroupAttendance>>(saved);
  const [busy, setBusy] = useState(false);
  const complete = members.length > 0 && members.every((m) => marks[m.enrolmentId]);
  const future = new Date(meeting.startsAt).getTime() > Date.now();
  const ids = attendanceIds(meeting.id);
  const meetingName = translate('app.groups.take_attendance_label', { number: meeting.number ?? '', date: meetingDay(meeting.startsAt) });
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusStatus && meeting.status === 'held') statusRef.current?.focus();
  }, [focusStatus, meeting.status]);

  const save = async () => {
    setBusy(true);
    try {
      const updated = await dataProvider.saveAttendance(
        meeting.id,
        members.map((m) => ({ enrolmentId: m.enrolmentId, status: marks[m.enrolmentId] as GroupAttendance })),
      );
      notify('app.groups.attendance_saved', { type: 'success' });
      onSaved(updated);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.groups.attendance_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (meeting.status === 'cancelled') return <Alert severity="info">{translate('app.groups.meeting_cancelled')}</Alert>;
  return (
    <Box data-testid="attendance-grid">
      {future && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('app.groups.meeting_in_future')}
        </Alert>
      )}
      <ScrollRegion label={meetingName}>
      <Table size="small">
        <caption id={ids.caption} style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
          {meetingName}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.enrolments.fields.citizenId')}</TableCell>
            <TableCell>{translate('app.groups.attendance')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((member) => (
            <TableRow key={member.enrolmentId} data-testid="attendance-row">
              <TableCell id={ids.member(member.enrolmentId)}>
                {member.citizenId && (
                  <RecordContextProvider value={{ id: member.enrolmentId, citizenId: member.citizenId }}>
                    <ReferenceField source="citizenId" reference="citizens" link={false} />
                  </RecordContextProvider>
                )}
              </TableCell>
              <TableCell>
                <ToggleButtonGroup
                  // Named by the member and the meeting: "Anna Berg Fremmøde, møde 1, 4.11.2026".
                  aria-labelledby={`${ids.member(member.enrolmentId)} ${ids.caption}`}
                  exclusive
                  size="small"
                  value={marks[member.enrolmentId] ?? null}
                  onChange={(_event, value: GroupAttendance | null) => value && setMarks((m) => ({ ...m, [member.enrolmentId]: value }))}
                  disabled={future}
                >
                  {GROUP_ATTENDANCE.map((status) => (
                    <ToggleButton key={status} value={status} color={COLOURS[status]} sx={{ minWidth: 96 }}>
                      {translate(`app.groups.statuses.${status}`)}
                    </ToggleButton>
                  ))}
                </ToggleButtonGroup>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </ScrollRegion>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => void save()} disabled={!complete || busy || future}>
          {translate('app.groups.save_attendance')}
        </Button>
        {meeting.status === 'held' && (
          <Alert severity="success" sx={{ py: 0, '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }} data-testid="attendance-saved" role="status" tabIndex={-1} ref={statusRef} id={ids.status}>
            {translate('app.groups.attendance_is_saved')}
          </Alert>
        )}
      </Stack>
    </Box>
  );
};
