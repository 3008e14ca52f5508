import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Handover, HandoverRecord } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { Loading, Show, useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { Detail } from '../common/Detail';
import { apiErrorOf } from '../common/http-errors';
import { TableRegion } from '../common/TableRegion';
import { fetchHandoverRecord } from './api';
import { HandoverCard } from './HandoverCards';

const t = (key: string): string => `app.handovers.${key}`;

/** The old record, read-only, fetched once per view (each fetch is a logged read in both municipalities). */
const OldRecord = ({ handover }: { handover: Handover }) => {
  const translate = useTranslate();
  const [state, setState] = useState<{ record?: HandoverRecord; gone?: boolean; failed?: boolean }>({});
  useEffect(() => {
    let live = true;
    fetchHandoverRecord(handover.id).then(
      (record) => live && setState({ record }),
      (error: unknown) => live && setState(apiErrorOf(error).status === 410 ? { gone: true } : { failed: true }),
    );
    return () => {
      live = false;
    };
  }, [handover.id]);
  if (state.gone || !handover.readable) return <Alert severity="warning">{translate(t('read_ended'))}</Alert>;
  if (state.failed) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  if (!state.record) return <Loading />;
  const { citizen, enrolments, sessions } = state.record;
  return (
    <Box component="section" aria-labelledby="handover-record" data-testid="handover-record">
      <Typography variant="h6" component="h2" id="handover-record" gutterBottom>
        {translate(t('record_title'), { municipality: handover.fromMunicipalityName })}
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate(t('read_only'), { date: formatDateTime(handover.readUntil) })}
      </Alert>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {translate(t('citizen'))}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <Detail label={t('name')} testId="handover-citizen-name">{`${citizen.firstName} ${citizen.lastName}`}</Detail>
        <Detail label={t('cpr')}>{citizen.cpr}</Detail>
        <Detail label={t('birth_year')}>{citizen.birthYear}</Detail>
        <Detail label={t('phone')}>{citizen.phone}</Detail>
      </Stack>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {translate(t('courses'))}
      </Typography>
      {enrolments.length === 0 ? (
        <Typography variant="body2">{translate(t('none'))}</Typography>
      ) : (
        <TableRegion>
          <Table size="small" aria-label={translate(t('courses'))} data-testid="handover-courses">
            <TableHead>
              <TableRow>
                <TableCell>{translate(t('programme_col'))}</TableCell>
                <TableCell>{translate(t('state'))}</TableCell>
                <TableCell>{translate(t('referred'))}</TableCell>
                <TableCell>{translate(t('started'))}</TableCell>
                <TableCell>{translate(t('ended'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {enrolments.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{e.programmeName}</TableCell>
                  <TableCell>{translate(`resources.enrolments.states.${e.state}`, { _: e.state })}</TableCell>
                  <TableCell>{formatDate(e.referralDate)}</TableCell>
                  <TableCell>{formatDate(e.startDate)}</TableCell>
                  <TableCell>{formatDate(e.endDate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
      <Typography variant="subtitle1" component="h3" gutterBottom sx={{ mt: 2 }}>
        {translate(t('sessions'))}
      </Typography>
      {sessions.length === 0 ? (
        <Typography variant="body2">{translate(t('none'))}</Typography>
      ) : (
        <TableRegion>
          <Table size="small" aria-label={translate(t('sessions'))}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(t('when'))}</TableCell>
                <TableCell>{translate(t('kind'))}</TableCell>
                <TableCell>{translate(t('attendance'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.map((s) => (
                <TableRow key={s.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.startsAt)}</TableCell>
                  <TableCell>{translate(`resources.sessions.kinds.${s.kind}`, { _: s.kind })}</TableCell>
                  <TableCell>{translate(`resources.sessions.attendance.${s.attendance}`, { _: s.attendance })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </Box>
  );
};

const ShowContent = () => {
  const handover = useRecordContext<Handover>();
  if (!handover) return <Loading />;
  return (
    <Stack spacing={2} sx={{ p: { xs: 1.5, sm: 2 } }}>
      <HandoverCard handover={handover} onChanged={() => window.location.reload()} />
      {handover.direction === 'incoming' && handover.state === 'accepted' ? <OldRecord handover={handover} /> : null}
    </Stack>
  );
};

/** One hand-over; for the new municipality's staff, once accepted, the old record read-only. */
export const HandoverShow = () => (
  <Show actions={false} title="app.handovers.title">
    <ShowContent />
  </Show>
);
