import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { EnrolmentState, Referral, ReferralProgress, ReferralState } from '@outcomes/contracts';
import { COMPOSITE_DOMAINS } from '@outcomes/contracts';
import { useState } from 'react';
import { Link, useGetIdentity, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatScore } from '../assessments/scores';
import { formatDate } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { EnrolmentStateChip } from '../enrolments/EnrolmentStateChip';
import { EndStatusText } from '../register/EndStatusText';
import { acceptReferral, declineReferral, fetchProgress, withdrawReferral } from './api';
import { ProviderRecords } from './ProviderRecords';

const t = (key: string): string => `app.referrals.${key}`;
const STATE_COLOUR: Record<ReferralState, 'default' | 'info' | 'success' | 'warning'> = { sent: 'info', accepted: 'success', declined: 'warning', withdrawn: 'default' };

export const ReferralStateChip = ({ state }: { state: ReferralState }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATE_COLOUR[state]} label={translate(t(`states.${state}`))} data-testid="referral-state" />;
};

/** Why an answer failed, in words: a stale version, an answered referral, or the fields. */
const problemOf = (error: unknown): string => {
  const body = apiErrorOf(error);
  if (body.code === 'VERSION_CONFLICT') return t('stale');
  if (body.code === 'REFERRAL_ANSWERED' || body.status === 404) return t('answered');
  return t('refused');
};

type Dialogue = 'accept' | 'decline' | 'withdraw';

/** Accept (programme), decline or withdraw (reason): one small dialog each. */
const AnswerDialog = ({ referral, kind, onClose, onDone }: { referral: Referral; kind: Dialogue; onClose: () => void; onDone: (message: string) => void }) => {
  const translate = useTranslate();
  const { data: identity } = useGetIdentity();
  const { data: programmes = [] } = useGetList('programmes', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } }, { enabled: kind === 'accept' });
  const [programmeId, setProgrammeId] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = kind === 'accept' ? programmeId !== '' : reason.trim().length >= 3;
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (kind === 'accept') await acceptReferral(referral.id, { programmeId, version: referral.version });
      else if (kind === 'decline') await declineReferral(referral.id, { reason: reason.trim(), version: referral.version });
      else await withdrawReferral(referral.id, { reason: reason.trim(), version: referral.version });
      onDone(t(kind === 'accept' ? 'accepted' : kind === 'decline' ? 'declined' : 'withdrawn'));
    } catch (error) {
      setProblem(translate(problemOf(error)));
    } finally {
      setBusy(false);
    }
  };
  // Local programmes of another municipality are not offered: national ones and the own municipality's (the API holds it too).
  const offered = programmes.filter((p) => !p['municipalityId'] || p['municipalityId'] === identity?.['municipalityId']);
  return (
    <Dialog open onClose={onClose} aria-labelledby="referral-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="referral-dialog-title">{translate(t(`${kind}_title`))}</DialogTitle>
      <DialogContent>
        {kind === 'accept' && <DialogContentText sx={{ mb: 2 }}>{translate(t('accept_text'), { centre: referral.toCentreName })}</DialogContentText>}
        {kind === 'accept' ? (
          <TextField select fullWidth label={translate(t('programme'))} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)} data-testid="referral-programme" sx={{ mt: 1 }}>
            {offered.map((p) => (
              <MenuItem key={String(p.id)} value={String(p.id)}>
                {String(p['name'])}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            fullWidth
            multiline
            minRows={2}
            label={translate(t('reason'))}
            helperText={kind === 'decline' ? translate(t('reason_hint')) : undefined}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000, lang: 'da' } }}
            data-testid="referral-reason"
            sx={{ mt: 1 }}
          />
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(t('cancel'))}</Button>
        <Button variant="contained" disabled={!ready || busy} onClick={() => void save()} data-testid="referral-confirm">
          {translate(t(kind))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The course an accepted referral led to, as the referring side may follow it. */
export const ProgressView = ({ referralId }: { referralId: string }) => {
  const translate = useTranslate();
  const [progress, setProgress] = useState<ReferralProgress | null>(null);
  const [failed, setFailed] = useState(false);
  if (!progress) {
    return (
      <Box>
        <Button size="small" onClick={() => void fetchProgress(referralId).then(setProgress, () => setFailed(true))} data-testid="referral-show-progress">
          {translate(t('show_progress'))}
        </Button>
        {failed && <Typography variant="body2">{translate(t('answered'))}</Typography>}
      </Box>
    );
  }
  return (
    <Box data-testid="referral-progress" sx={{ mt: 1 }}>
      <Typography variant="subtitle2" component="h4">
        {translate(t('progress'))}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <EnrolmentStateChip state={progress.state as EnrolmentState} />
        <Typography variant="body2">
          {[
            translate(t('progress_line'), { state: '', referred: formatDate(progress.referralDate) }).replace(/^,\s*/, ''),
            progress.startDate ? translate(t('progress_started'), { date: formatDate(progress.startDate) }) : null,
            progress.endDate ? translate(t('progress_ended'), { date: formatDate(progress.endDate) }) : null,
          ]
            .filter(Boolean)
            .join(', ')}
        </Typography>
      </Stack>
      <Typography variant="body2" data-testid="referral-sessions">
        {translate(t('progress_sessions'), { attended: progress.sessionsAttended, recorded: progress.sessionsRecorded })}
      </Typography>
      {progress.endStatus && (
        <Typography variant="body2">
          {translate(t('progress_end_status'), { status: '' })}
          <EndStatusText code={progress.endStatus} />
        </Typography>
      )}
      <AsiOutcome progress={progress} />
    </Box>
  );
};

/** The course's latest ASI composites at the receiving side and the dates of its assessments (decision 119). */
const AsiOutcome = ({ progress }: { progress: ReferralProgress }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const latest = progress.asiLatest;
  if (!latest) {
    return <Typography variant="body2">{translate(t('asi_none'))}</Typography>;
  }
  return (
    <Box data-testid="referral-asi" sx={{ mt: 0.5 }}>
      <Typography variant="body2">{translate(t('asi_latest'), { date: formatDate(latest.assessedOn) })}</Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 2, rowGap: 0.25, m: 0, justifyContent: 'start' }}>
        {COMPOSITE_DOMAINS.map((domain) => (
          <Box key={domain} sx={{ display: 'contents' }}>
            <Typography variant="body2" component="dt">
              {translate(`resources.assessments.domains.${domain}`)}
            </Typography>
            <Typography variant="body2" component="dd" sx={{ m: 0, textAlign: 'right' }}>
              {formatScore(latest[domain], locale)}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="body2">{translate(t('asi_dates'), { dates: progress.asiDates.map((d) => formatDate(d)).join(', ') })}</Typography>
    </Box>
  );
};

/** One referral as a card (cards reflow on a phone; a table would not). */
export const ReferralCard = ({ referral, onChanged }: { referral: Referral; onChanged: (message: string) => void }) => {
  const translate = useTranslate();
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const incoming = referral.direction === 'incoming';
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid={`referral-${referral.direction}`} component="article" aria-labelledby={`referral-${referral.id}`}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
        <Typography variant="subtitle1" component="h3" id={`referral-${referral.id}`}>
          {incoming || !referral.citizenId ? (
            `${referral.firstName} ${referral.lastName}`
          ) : (
            <Link to={`/citizens/${referral.citizenId}/show`}>{`${referral.firstName} ${referral.lastName}`}</Link>
          )}
          {referral.birthYear !== null && (
            <Typography component="span" variant="body2" color="text.secondary">
              {` (${translate(t('born'), { year: referral.birthYear })})`}
            </Typography>
          )}
        </Typography>
        <ReferralStateChip state={referral.state} />
      </Stack>
      <Typography variant="body2">
        {incoming
          ? `${translate(t('from'))}: ${referral.fromMunicipalityName}`
          : referral.providerId
            ? `${translate(t('to'))}: ${referral.providerName ?? ''} (${translate(t('approved_provider'))})`
            : `${translate(t('to'))}: ${referral.toCentreName ?? ''}, ${referral.toMunicipalityName ?? ''}`}
        {incoming && ` · ${translate(t('to'))}: ${referral.toCentreName}`}
        {` · ${translate(t('referred'))} ${formatDate(referral.referredOn)}`}
      </Typography>
      {referral.citizenChoiceOn && <Typography variant="body2">{translate(t('choice'), { date: formatDate(referral.citizenChoiceOn) })}</Typography>}
      {referral.message && (
        <Typography variant="body2" sx={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>
          {referral.message}
        </Typography>
      )}
      {referral.reason && (
        <Typography variant="body2" data-testid="referral-answer-reason">
          {`${translate(t('reason'))}: ${referral.reason}`}
        </Typography>
      )}
      {incoming && referral.state === 'sent' && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button variant="contained" size="small" onClick={() => setDialogue('accept')} data-testid="referral-accept">
            {translate(t('accept'))}
          </Button>
          <Button variant="outlined" size="small" onClick={() => setDialogue('decline')} data-testid="referral-decline">
            {translate(t('decline'))}
          </Button>
        </Stack>
      )}
      {incoming && referral.enrolmentId && (
        <Box sx={{ mt: 1 }}>
          <Link to={`/enrolments/${referral.enrolmentId}/show`}>{translate(t('open_course'))}</Link>
        </Box>
      )}
      {!incoming && referral.state === 'sent' && (
        <Button variant="outlined" size="small" sx={{ mt: 1 }} onClick={() => setDialogue('withdraw')} data-testid="referral-withdraw">
          {translate(t('withdraw'))}
        </Button>
      )}
      {!incoming && referral.providerId && <ProviderRecords referral={referral} onChanged={onChanged} />}
      {!incoming && !referral.providerId && referral.state === 'accepted' && <ProgressView referralId={referral.id} />}
      {dialogue && (
        <AnswerDialog
          referral={referral}
          kind={dialogue}
          onClose={() => setDialogue(null)}
          onDone={(message) => {
            setDialogue(null);
            onChanged(message);
          }}
        />
      )}
    </Paper>
  );
};
