import { Alert, Box, Button, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import type { Citizen, Enrolment, GroupAttendance, GroupMeeting } from '@outcomes/contracts';
import { useEffect, useMemo, useState } from 'react';
import { ReferenceField, RecordContextProvider, useDataProvider, useGetMany, useNotify, useTranslate } from 'react-admin';
import { citizenName } from '../citizens/citizen-body';
import { formatDayMonth } from '../common/dates';
import type { AppDataProvider } from '../data/data-provider';
import { ScrollRegion } from '../common/ScrollRegion';
import type { GridMarks } from './course-grid';
import { columnState, gridTotals, marksOf, nextMark } from './course-grid';

const SYMBOLS: Record<GroupAttendance, string> = { present: '✓', absent: '✗', excused: 'A' };
const COLOURS: Record<GroupAttendance, 'success' | 'error' | 'warning'> = { present: 'success', absent: 'error', excused: 'warning' };

/** Read by a screen reader, not shown (the column already says which meeting it is). */
const VISUALLY_HIDDEN = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
const savedMarkId = (meetingId: string) => `course-grid-saved-${meetingId}`;


/**
 * A whole course as one grid: members × meetings. A click on a cell cycles its mark (present,
 * absent, excused); totals per person and per meeting follow the marks. Each meeting's column is
 * saved on its own (one request, one transaction), and only once every member has a mark; meetings
 * still ahead and cancelled ones cannot be marked.
 */
export const CourseGrid = ({ meetings, members, onSaved }: { meetings: GroupMeeting[]; members: { enrolmentId: string; enrolment?: Enrolment }[]; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const saved = useMemo(() => marksOf(meetings), [meetings]);
  const [marks, setMarks] = useState<GridMarks>(saved);
  const [busy, setBusy] = useState<string | null>(null);
  // Each cell's name says whose attendance it is (a screen reader hears the person, not a row number);
  // the names come from the same batched citizens read as the first column's.
  const citizenIds = members.map((m) => m.enrolment?.citizenId).filter((id): id is string => Boolean(id));
  const { data: citizens } = useGetMany<Citizen>('citizens', { ids: citizenIds });
  const personOf = (member: { enrolment?: Enrolment }, row: number): string => {
    const citizen = citizens?.find((c) => c.id === member.enrolment?.citizenId);
    return citizen ? citizenName(citizen) : translate('app.course_grid.participant_number', { number: row + 1 });
  };
  // The column just saved: its save button is gone once the saved meeting is back, so focus goes to its "Gemt" (WCAG 2.4.3).
  const [justSaved, setJustSaved] = useState<string | null>(null);
  useEffect(() => {
    if (!justSaved) return;
    const mark = document.getElementById(savedMarkId(justSaved));
    if (mark) {
      mark.focus();
      setJustSaved(null);
    }
  }, [justSaved, meetings]);
  const memberIds = members.map((m) => m.enrolmentId);
  const totals = gridTotals(memberIds, meetings, marks);
  const now = Date.now();
  const editable = (m: GroupMeeting) => m.status !== 'cancelled' && new Date(m.startsAt).getTime() <= now;
  const past = meetings.filter(editable).length;
  const label = (m: GroupMeeting) => translate('app.course_grid.meeting_label', { number: m.number ?? '', date: formatDayMonth(m.startsAt) });

  const mark = (meetingId: string, enrolmentId: string) =>
    setMarks((all) => ({ ...all, [meetingId]: { ...all[meetingId], [enrolmentId]: nextMark(all[meetingId]?.[enrolmentId]) } }));

  const save = async (meeting: GroupMeeting) => {
    setBusy(meeting.id);
    try {
      const column = marks[meeting.id] ?? {};
      await dataProvider.saveAttendance(meeting.id, memberIds.flatMap((id) => (column[id] ? [{ enrolmentId: id, status: column[id] }] : [])));
      notify('app.course_grid.saved', { type: 'success', messageArgs: { meeting: label(meeting) } });
      setJustSaved(meeting.id);
      onSaved();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.groups.attendance_failed', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  if (members.length === 0) return <Alert severity="info" sx={{ mb: 2 }}>{translate('app.course_grid.no_members')}</Alert>;
  return (
    <Box sx={{ mb: 3 }} data-testid="course-grid">
      <Typography variant="h6" component="h2" id="course-grid-title">
        {translate('app.course_grid.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.course_grid.hint')}
      </Typography>
      <ScrollRegion labelledBy="course-grid-title">
        <Table size="small" sx={{ '& td, & th': { px: 0.5, textAlign: 'center' }, '& td:first-of-type, & th:first-of-type': { textAlign: 'left', position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1, minWidth: 160 } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.course_grid.participant')}</TableCell>
              {meetings.map((m) => (
                <TableCell key={m.id} sx={{ whiteSpace: 'nowrap', color: editable(m) ? undefined : 'text.secondary' }}>
                  <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
                    {m.number ?? ''}
                  </Box>
                  <Box component="span" sx={{ fontSize: '0.75rem' }}>
                    {m.status === 'cancelled' ? translate('app.groups.meeting_statuses.cancelled') : formatDayMonth(m.startsAt)}
                  </Box>
                </TableCell>
              ))}
              <TableCell sx={{ fontWeight: 600 }}>{translate('app.course_grid.total')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((member, row) => (
              <TableRow key={member.enrolmentId} data-testid="course-grid-row">
                <TableCell>
                  {member.enrolment ? (
                    <RecordContextProvider value={member.enrolment}>
                      <ReferenceField source="citizenId" reference="citizens" link={false} />
                    </RecordContextProvider>
                  ) : (
                    translate('app.course_grid.participant_number', { number: row + 1 })
                  )}
                </TableCell>
                {meetings.map((m) => {
                  const value = marks[m.id]?.[member.enrolmentId];
                  return (
                    <TableCell key={m.id}>
                      <Button
                        size="small"
                        variant={value ? 'contained' : 'outlined'}
                        color={value ? COLOURS[value] : 'inherit'}
                        disabled={!editable(m)}
                        onClick={() => mark(m.id, member.enrolmentId)}
                        aria-label={translate('app.course_grid.cell_label', { meeting: label(m), person: personOf(member, row), status: translate(value ? `app.groups.statuses.${value}` : 'app.course_grid.unmarked') })}
                        data-testid={`cell-${m.number ?? m.id}`}
                        sx={{ minWidth: 36, px: 0 }}
                      >
                        {value ? SYMBOLS[value] : '·'}
                      </Button>
                    </TableCell>
                  );
                })}
                <TableCell data-testid="person-total" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {translate('app.course_grid.of', { count: totals.perPerson[member.enrolmentId] ?? 0, total: past })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>{translate('app.course_grid.present')}</TableCell>
              {meetings.map((m) => (
                <TableCell key={m.id} data-testid={`meeting-total-${m.number ?? m.id}`} sx={{ fontWeight: 600 }}>
                  {editable(m) ? totals.perMeeting[m.id] ?? 0 : ''}
                </TableCell>
              ))}
              <TableCell data-testid="grid-total" sx={{ fontWeight: 600 }}>
                {totals.all}
              </TableCell>
            </TableRow>
            <TableRow>
              <TableCell />
              {meetings.map((m) => {
                const state = columnState(memberIds, saved[m.id], marks[m.id]);
                return (
                  <TableCell key={m.id}>
                    {editable(m) && m.status === 'held' && !state.dirty ? (
                      <Typography
                        variant="caption"
                        color="success.main"
                        data-testid={`column-saved-${m.number ?? m.id}`}
                        id={savedMarkId(m.id)}
                        tabIndex={-1}
                        title={translate('app.course_grid.column_saved', { meeting: label(m) })}
                        sx={{ position: 'relative', '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}
                      >
                        {translate('app.course_grid.saved_short')}
                        <Box component="span" sx={VISUALLY_HIDDEN}>
                          {/* "Gemt, møde 2, 16.11.": not the toast's own sentence, which a search for it would then find twice. */}
                          {`, ${label(m)}`}
                        </Box>
                      </Typography>
                    ) : editable(m) && (
                      <Button
                        size="small"
                        variant={state.dirty ? 'contained' : 'text'}
                        disabled={!state.dirty || !state.complete || busy !== null}
                        onClick={() => void save(m)}
                        aria-label={translate('app.course_grid.save_label', { meeting: label(m) })}
                        title={state.dirty && !state.complete ? translate('app.course_grid.mark_everyone') : undefined}
                        sx={{ minWidth: 36, px: 0.5 }}
                      >
                        {translate('app.course_grid.save')}
                      </Button>
                    )}
                  </TableCell>
                );
              })}
              <TableCell />
            </TableRow>
          </TableFooter>
        </Table>
      </ScrollRegion>
    </Box>
  );
};
