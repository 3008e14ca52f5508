import { Alert, Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { CoordinatorDashboard as Dashboard, CoordinatorFlag, Organisation, Volunteer } from '@outcomes/contracts';
import { RENEWAL_WARNING_DAYS } from '@outcomes/domain';
import type { ReactNode } from 'react';
import { Link, Loading, Title, useGetMany, useLocaleState, useTranslate } from 'react-admin';
import { formatMonth, intlLocale, todayLocal } from '../common/dates';
import { CalendarDate } from '../volunteers/CalendarDate';
import { fetchCoordinatorDashboard, useLoaded } from '../volunteers/volunteer-api';
import { TrainedChip } from '../volunteers/VolunteerChips';
import { volunteerName } from '../volunteers/volunteer-name';
import { ScrollRegion } from '../common/ScrollRegion';
import { hoursTable } from './hours-table';

const FLAG_COLOURS: Record<CoordinatorFlag, 'warning' | 'error'> = {
  'single-facilitator': 'warning',
  'no-trained-facilitator': 'error',
  'no-facilitator': 'error',
};

const Panel = ({ title, subtitle, testId, children }: { title: string; subtitle?: string; testId: string; children: ReactNode }) => (
  <Card variant="outlined" data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" id={`${testId}-title`}>
        {title}
      </Typography>
      {subtitle && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {subtitle}
        </Typography>
      )}
      {children}
    </CardContent>
  </Card>
);

const FlagChip = ({ flag }: { flag: CoordinatorFlag }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate(`app.dashboard.flag_hints.${flag}`)}>
      <Chip size="small" color={FLAG_COLOURS[flag]} label={translate(`app.dashboard.flags.${flag}`)} data-testid={`flag-${flag}`} />
    </Tooltip>
  );
};

const Coverage = ({ groups, volunteers }: { groups: Dashboard['groups']; volunteers: Map<string, Volunteer> }) => {
  const translate = useTranslate();
  return (
    <Panel title={translate('app.dashboard.coverage')} subtitle={translate('app.dashboard.coverage_hint')} testId="dashboard-coverage">
      {groups.length === 0 ? (
        <Typography color="text.secondary">{translate('app.dashboard.no_groups')}</Typography>
      ) : (
        <ScrollRegion labelledBy="dashboard-coverage-title">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.dashboard.group')}</TableCell>
              <TableCell>{translate('app.dashboard.facilitators')}</TableCell>
              <TableCell>{translate('app.dashboard.flags_column')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.map((group) => (
              <TableRow key={group.groupId} data-testid="coverage-row">
                <TableCell>
                  <Link to={`/groups/${group.groupId}/show`}>{group.name}</Link>
                </TableCell>
                <TableCell>
                  <Stack spacing={0.5}>
                    {group.facilitators.map((f) => {
                      const volunteer = volunteers.get(f.volunteerId);
                      return (
                        <Stack key={f.id} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                          <Link to={`/volunteers/${f.volunteerId}/show`}>{volunteer ? volunteerName(volunteer) : '…'}</Link>
                          <Typography variant="caption" color="text.secondary">
                            {translate(`app.facilitation.roles.${f.role}`)}
                          </Typography>
                          <TrainedChip trained={f.trained} />
                        </Stack>
                      );
                    })}
                  </Stack>
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {group.flags.length === 0 ? (
                      <Chip size="small" color="success" variant="outlined" label={translate('app.dashboard.all_good')} />
                    ) : (
                      group.flags.map((flag) => <FlagChip key={flag} flag={flag} />)
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </ScrollRegion>
      )}
    </Panel>
  );
};

const daysUntil = (date: string, today: string): number => Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);

const Renewals = ({ trainings, volunteers }: { trainings: Dashboard['expiringTrainings']; volunteers: Map<string, Volunteer> }) => {
  const translate = useTranslate();
  const today = todayLocal();
  const sorted = [...trainings].sort((a, b) => (a.renewsOn ?? '').localeCompare(b.renewsOn ?? ''));
  return (
    <Panel title={translate('app.dashboard.renewals', { days: RENEWAL_WARNING_DAYS })} testId="dashboard-renewals">
      {sorted.length === 0 ? (
        <Typography color="text.secondary">{translate('app.dashboard.no_renewals', { days: RENEWAL_WARNING_DAYS })}</Typography>
      ) : (
        <ScrollRegion labelledBy="dashboard-renewals-title">
        <Table size="small">
          <TableBody>
            {sorted.map((t) => {
              const volunteer = volunteers.get(t.volunteerId);
              return (
                <TableRow key={t.id} data-testid="renewal-row">
                  <TableCell>
                    <Link to={`/volunteers/${t.volunteerId}/show`}>{volunteer ? volunteerName(volunteer) : '…'}</Link>
                  </TableCell>
                  <TableCell>{t.title}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <CalendarDate date={t.renewsOn} />
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color="warning" label={translate('app.dashboard.days_left', { smart_count: daysUntil(t.renewsOn ?? today, today) })} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        </ScrollRegion>
      )}
    </Panel>
  );
};

const Hours = ({ minutes }: { minutes: Dashboard['minutesByOrganisationMonth'] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const table = hoursTable(minutes);
  const { data: organisations } = useGetMany<Organisation>('organisations', { ids: table.rows.map((r) => r.organisationId) }, { enabled: table.rows.length > 0 });
  const names = new Map((organisations ?? []).map((o) => [o.id, o.name]));
  const number = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  return (
    <Panel title={translate('app.dashboard.hours')} testId="dashboard-hours">
      {table.rows.length === 0 ? (
        <Typography color="text.secondary">{translate('app.dashboard.no_hours')}</Typography>
      ) : (
        <ScrollRegion labelledBy="dashboard-hours-title">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.dashboard.organisation')}</TableCell>
                {table.months.map((month) => (
                  <TableCell key={month} align="right">
                    {formatMonth(month)}
                  </TableCell>
                ))}
                <TableCell align="right">{translate('app.dashboard.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {table.rows.map((row) => (
                <TableRow key={row.organisationId} data-testid="hours-row">
                  <TableCell>{names.get(row.organisationId) ?? '…'}</TableCell>
                  {row.hours.map((h, i) => (
                    <TableCell key={table.months[i]} align="right">
                      {h === null ? '–' : number.format(h)}
                    </TableCell>
                  ))}
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {number.format(row.total)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Panel>
  );
};

/**
 * The coordinator's overview: each SMART group's active facilitators with the domain's flags (one
 * facilitator, none trained, none at all), the trainings due for renewal, and volunteer hours.
 */
export const CoordinatorDashboard = () => {
  const translate = useTranslate();
  const { data, error } = useLoaded(fetchCoordinatorDashboard);
  const volunteerIds = data ? [...new Set([...data.groups.flatMap((g) => g.facilitators.map((f) => f.volunteerId)), ...data.expiringTrainings.map((t) => t.volunteerId)])] : [];
  const { data: volunteers } = useGetMany<Volunteer>('volunteers', { ids: volunteerIds }, { enabled: volunteerIds.length > 0 });
  const byId = new Map((volunteers ?? []).map((v) => [v.id, v]));
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="coordinator-dashboard">
      <Title title={translate('resources.coordinator-dashboard.name', { smart_count: 1 })} />
      {error ? (
        <Alert severity="error">{translate(error instanceof Error ? error.message : 'ra.notification.http_error')}</Alert>
      ) : !data ? (
        <Loading />
      ) : (
        <Stack spacing={2}>
          <Coverage groups={data.groups} volunteers={byId} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <Renewals trainings={data.expiringTrainings} volunteers={byId} />
            <Hours minutes={data.minutesByOrganisationMonth} />
          </Box>
        </Stack>
      )}
    </Box>
  );
};
