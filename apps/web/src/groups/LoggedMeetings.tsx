import AddIcon from '@mui/icons-material/Add';
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { Group, GroupMeeting } from '@outcomes/contracts';
import { useCanAccess, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { LinkButton } from '../common/LinkButton';

const STATUS_COLOURS = { planned: 'default', held: 'success', cancelled: 'error' } as const;

/** A standing group's logged meetings, newest first, and the way to log the next one. */
export const LoggedMeetings = ({ group }: { group: Group }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canLog } = useCanAccess({ resource: 'group-meetings', action: 'create' });
  const { data: meetings } = useGetList<GroupMeeting>('group-meetings', {
    filter: { groupId: group.id },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'startsAt', order: 'DESC' },
  });
  return (
    <Box data-testid="logged-meetings">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {translate('app.groups.logged_meetings')}
        </Typography>
        {canLog && (
          <LinkButton to="/group-meetings/create" state={{ record: { groupId: group.id } }} label="app.groups.log_meeting" icon={<AddIcon />} variant="contained" />
        )}
      </Stack>
      {meetings?.length === 0 && <Typography color="text.secondary">{translate('app.groups.no_logged_meetings')}</Typography>}
      <Stack spacing={1}>
        {(meetings ?? []).map((meeting) => (
          <Paper key={meeting.id} variant="outlined" sx={{ p: 1.5 }} data-testid="logged-meeting">
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
              <Typography variant="body1" sx={{ minWidth: 180 }}>
                {formatDateTime(meeting.startsAt, locale)}
              </Typography>
              <Typography variant="body2">{translate('app.groups.duration', { smart_count: meeting.durationMinutes })}</Typography>
              <Typography variant="body2" sx={{ flex: 1 }}>
                {translate('app.groups.headcount', { smart_count: meeting.anonymousHeadcount ?? 0 })}
                {meeting.attendance.length > 0 && ` · ${translate('app.meeting_log.citizens_present')}: ${meeting.attendance.filter((a) => a.status === 'present').length}`}
              </Typography>
              <Chip size="small" color={STATUS_COLOURS[meeting.status]} label={translate(`app.groups.meeting_statuses.${meeting.status}`)} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Box>
  );
};
