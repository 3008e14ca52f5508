import LinkIcon from '@mui/icons-material/Link';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, TextField, Typography } from '@mui/material';
import type { CaseRequest, Enrolment } from '@outcomes/contracts';
import { useState } from 'react';
import { ReferenceField, useGetList, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { EnrolmentStateChip } from '../enrolments/EnrolmentStateChip';
import { linkEnrolment } from './api';

const label = (key: string): string => `app.caseRequests.link.${key}`;

/** Whether linking this enrolment needs the reason the guarantee was missed (a start after the last day, none recorded yet). */
const needsReason = (request: CaseRequest, enrolment: Enrolment): boolean =>
  request.guarantee !== null && enrolment.startDate !== null && enrolment.startDate > request.guarantee.deadline && !request.missedReason && request.waiverOn === null;

const LinkDialog = ({ request, enrolment, onClose }: { request: CaseRequest; enrolment: Enrolment; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonNeeded = needsReason(request, enrolment);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await linkEnrolment(enrolment.id, { caseRequestId: request.id, version: enrolment.version, ...(reasonNeeded ? { reason: reason.trim() } : {}) });
      notify(label('done'), { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      const body = apiErrorOf(error);
      const known: Record<string, string> = { VERSION_CONFLICT: 'stale', ALREADY_LINKED: 'already_linked', REQUEST_CLOSED: 'request_closed', START_BEFORE_REQUEST: 'start_before_request' };
      const key = (body.code && known[body.code]) ?? (body.errors && 'reason' in body.errors ? 'reason_required' : 'refused');
      setProblem(translate(label(key)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="link-dialog-title">
      <DialogTitle id="link-dialog-title">{translate(label('dialog_title'))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>
            {translate(label('dialog_text'), { requestedOn: formatDate(request.requestedOn, locale), start: enrolment.startDate ? formatDate(enrolment.startDate, locale) : translate(label('not_started')) })}
          </DialogContentText>
          {reasonNeeded && (
            <TextField
              label={translate(label('reason'))}
              helperText={translate(label('reason_hint'), { deadline: formatDate(request.guarantee?.deadline ?? '', locale) })}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              multiline
              required
              fullWidth
              slotProps={{ htmlInput: { maxLength: 2000, lang: 'da' } }}
            />
          )}
          {problem && (
            <Alert severity="error" data-testid="link-problem">
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || (reasonNeeded && reason.trim() === '')} onClick={() => void save()}>
          {translate(label('confirm'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * The request page's enrolments of the citizen: those that answer this request, and those made before
 * the request was recorded, which can be linked to it ("Knyt til henvendelse"): the guarantee then
 * counts from the earliest linked start.
 */
export const RequestEnrolments = ({ request }: { request: CaseRequest }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [linking, setLinking] = useState<Enrolment | null>(null);
  const { data } = useGetList<Enrolment>('enrolments', { filter: { citizenId: request.citizenId }, sort: { field: 'referralDate', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  if (!data) return null;
  return (
    <Box component="section" aria-labelledby="request-enrolments-title" sx={{ mt: 3 }} data-testid="request-enrolments">
      <Typography variant="h6" component="h2" id="request-enrolments-title">
        {translate(label('title'))}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(label(data.length === 0 ? 'none' : 'intro'))}
      </Typography>
      <Stack spacing={1}>
        {data.map((enrolment) => (
          <Paper key={enrolment.id} variant="outlined" sx={{ p: 1.5 }} data-testid="request-enrolment">
            <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <Typography variant="subtitle1" component="h3">
                <ReferenceField record={enrolment} source="programmeId" reference="programmes" link={false} />
              </Typography>
              <EnrolmentStateChip state={enrolment.state} />
            </Stack>
            <Typography variant="body2">
              {translate(label('dates'), { referral: formatDate(enrolment.referralDate, locale), start: enrolment.startDate ? formatDate(enrolment.startDate, locale) : translate(label('not_started')) })}
            </Typography>
            {enrolment.caseRequestId === request.id && (
              <Typography variant="body2" color="success.main" data-testid="linked-here">
                {translate(label('linked_here'))}
              </Typography>
            )}
            {enrolment.caseRequestId !== null && enrolment.caseRequestId !== request.id && (
              <Typography variant="body2" color="text.secondary">
                {translate(label('linked_other'))}
              </Typography>
            )}
            {/* An enrolment answers a request of its own kind (§ 101 or anonymous § 101 a) only. */}
            {enrolment.caseRequestId === null && enrolment.courseKind === request.courseKind && (
              <Button size="small" startIcon={<LinkIcon />} onClick={() => setLinking(enrolment)} sx={{ mt: 0.5 }}>
                {translate(label('action'))}
              </Button>
            )}
          </Paper>
        ))}
      </Stack>
      {linking && <LinkDialog request={request} enrolment={linking} onClose={() => setLinking(null)} />}
    </Box>
  );
};
