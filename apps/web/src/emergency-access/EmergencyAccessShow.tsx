import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { EmergencyAccess, EmergencyRecord, Role } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { Loading, Show, useGetIdentity, useLocaleState, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { Detail } from '../common/Detail';
import { apiErrorOf, useNotifyError } from '../common/http-errors';
import { TableRegion } from '../common/TableRegion';
import { fetchEmergencyRecord, reviewEmergencyAccess } from './api';
import { Expiry, ReviewState } from './ReviewState';

/** What the opening says: the same for the opener, their admin and the owner's admin. */
const AccessFacts = ({ access }: { access: EmergencyAccess }) => (
  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
    <Detail label="resources.emergency-accesses.fields.openedAt">{formatDateTime(access.openedAt)}</Detail>
    <Detail label="resources.emergency-accesses.fields.expiresAt">
      <Expiry access={access} />
    </Detail>
    <Detail label="resources.emergency-accesses.fields.accessorName">{`${access.accessorName} (${access.accessorMunicipalityName})`}</Detail>
    <Detail label="resources.emergency-accesses.fields.municipalityName">{access.municipalityName}</Detail>
    <Detail label="resources.emergency-accesses.fields.reviewState">
      <ReviewState access={access} />
    </Detail>
    <Detail label="resources.emergency-accesses.fields.reason" sx={{ flexBasis: '100%' }}>
      {access.reason}
    </Detail>
    {access.reviewNote ? (
      <Detail label="resources.emergency-accesses.fields.reviewNote" sx={{ flexBasis: '100%' }}>
        {access.reviewNote}
      </Detail>
    ) : null}
  </Stack>
);

/** The citizen's record, read-only, fetched once per view (each fetch is a logged read in both municipalities). */
const EmergencyRecordView = ({ access }: { access: EmergencyAccess }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [state, setState] = useState<{ record?: EmergencyRecord; gone?: boolean; failed?: boolean }>({});
  useEffect(() => {
    let live = true;
    fetchEmergencyRecord(access.id).then(
      (record) => live && setState({ record }),
      (error: unknown) => live && setState(apiErrorOf(error).status === 410 ? { gone: true } : { failed: true }),
    );
    return () => {
      live = false;
    };
  }, [access.id]);
  if (state.gone || !access.active) return <Alert severity="warning">{translate('app.emergencyAccess.expired')}</Alert>;
  if (state.failed) return <Alert severity="error">{translate('ra.notification.http_error')}</Alert>;
  if (!state.record) return <Loading />;
  const { citizen, enrolments, sessions, consents } = state.record;
  return (
    <Box component="section" aria-labelledby="emergency-record">
      <Alert severity="warning" sx={{ mb: 2 }}>
        {translate('app.emergencyAccess.read_only', { date: formatDateTime(state.record.access.expiresAt) })}
      </Alert>
      <Typography variant="h6" component="h2" id="emergency-record" gutterBottom>
        {translate('app.emergencyAccess.citizen')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <Detail label="app.emergencyAccess.name" testId="emergency-citizen-name">{`${citizen.firstName} ${citizen.lastName}`}</Detail>
        <Detail label="resources.emergency-accesses.fields.cpr">{citizen.cpr}</Detail>
        <Detail label="app.emergencyAccess.birth_year">{citizen.birthYear}</Detail>
        <Detail label="app.emergencyAccess.phone">{citizen.phone}</Detail>
      </Stack>
      {/* First after the person: whether they consented to sharing is what an emergency needs (decision 170). */}
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {translate('app.emergencyAccess.consents')}
      </Typography>
      {consents.length === 0 ? (
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.emergencyAccess.consents_none')}
        </Typography>
      ) : (
        <TableRegion>
          <Table size="small" aria-label={translate('app.emergencyAccess.consents')} sx={{ mb: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.emergencyAccess.purpose')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.consent_state')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.consent_date')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {consents.map((c) => (
                <TableRow key={c.purpose}>
                  <TableCell>{locale === 'en' ? c.labelEn : c.labelDa}</TableCell>
                  <TableCell>{translate(`app.consents.states.${c.event}`, { _: c.event })}</TableCell>
                  <TableCell>{formatDate(c.onDate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {translate('app.emergencyAccess.courses')}
      </Typography>
      {enrolments.length === 0 ? (
        <Typography variant="body2">{translate('app.emergencyAccess.none')}</Typography>
      ) : (
        <TableRegion>
          <Table size="small" aria-label={translate('app.emergencyAccess.courses')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.emergencyAccess.programme')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.state')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.referred')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.started')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.ended')}</TableCell>
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
        {translate('app.emergencyAccess.sessions')}
      </Typography>
      {sessions.length === 0 ? (
        <Typography variant="body2">{translate('app.emergencyAccess.none')}</Typography>
      ) : (
        <TableRegion>
          <Table size="small" aria-label={translate('app.emergencyAccess.sessions')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.emergencyAccess.when')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.kind')}</TableCell>
                <TableCell>{translate('app.emergencyAccess.attendance')}</TableCell>
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

/** The owner's admin: mark reviewed (nothing to remark) or raise for follow-up, with an optional note. */
const ReviewForm = ({ access }: { access: EmergencyAccess }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const refresh = useRefresh();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  if (access.reviewState === 'raised') return null;
  const save = async (reviewState: 'reviewed' | 'raised') => {
    setSaving(true);
    try {
      await reviewEmergencyAccess(access.id, { reviewState, reviewNote: note.trim() || null, version: access.version });
      notify('app.emergencyAccess.reviewed_saved', { type: 'info' });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="emergency-review" sx={{ mt: 2, maxWidth: 720 }}>
      <Typography variant="h6" component="h2" id="emergency-review" gutterBottom>
        {translate('app.emergencyAccess.review')}
      </Typography>
      <TextField label={translate('app.emergencyAccess.review_note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} fullWidth slotProps={{ htmlInput: { maxLength: 2000 } }} sx={{ mb: 2 }} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        {access.reviewState === 'pending' ? (
          <Button variant="contained" disabled={saving} onClick={() => void save('reviewed')}>
            {translate('app.emergencyAccess.mark_reviewed')}
          </Button>
        ) : null}
        <Button variant="outlined" color="error" disabled={saving} onClick={() => void save('raised')}>
          {translate('app.emergencyAccess.raise')}
        </Button>
      </Stack>
    </Box>
  );
};

const ShowContent = () => {
  const access = useRecordContext<EmergencyAccess>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!access || !identity) return <Loading />;
  const municipalityId = (identity as { municipalityId?: string }).municipalityId;
  const opener = role === 'staff' && access.accessorUserId === identity.id;
  const owner = role === 'admin' && access.municipalityId === municipalityId;
  return (
    <Box sx={{ p: 2 }}>
      <AccessFacts access={access} />
      {opener ? <EmergencyRecordView access={access} /> : null}
      {owner ? <ReviewForm access={access} /> : null}
      {!owner && role === 'admin' ? <Typography variant="body2">{translate('app.emergencyAccess.reviewed_by_owner')}</Typography> : null}
    </Box>
  );
};

export const EmergencyAccessShow = () => (
  <Show actions={false}>
    <ShowContent />
  </Show>
);
