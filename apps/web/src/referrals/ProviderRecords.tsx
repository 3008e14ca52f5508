import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Referral, RegisterEndStatus } from '@outcomes/contracts';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDate, todayLocal } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { endStatusLabel, fetchEndStatuses } from '../register/api';
import { EndStatusText } from '../register/EndStatusText';
import { recordProviderAnswer, recordProviderOutcome } from './api';

const t = (key: string): string => `app.referrals.${key}`;

const problemOf = (error: unknown): string => {
  const body = apiErrorOf(error);
  if (body.code === 'VERSION_CONFLICT') return t('stale');
  if (body.code === 'REFERRAL_ANSWERED') return t('answered');
  return t('refused');
};

/** The provider's answer (accepted or declined, its day, a reason if it gave one). */
const AnswerDialog = ({ referral, onClose, onDone }: { referral: Referral; onClose: () => void; onDone: (message: string) => void }) => {
  const translate = useTranslate();
  const [answer, setAnswer] = useState<'accepted' | 'declined'>('accepted');
  const [answeredOn, setAnsweredOn] = useState(todayLocal());
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await recordProviderAnswer(referral.id, { answer, answeredOn, reason: answer === 'declined' && reason.trim() ? reason.trim() : null, version: referral.version });
      onDone(t('provider_answer_saved'));
    } catch (error) {
      setProblem(translate(problemOf(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="provider-answer-title" fullWidth maxWidth="sm">
      <DialogTitle id="provider-answer-title">{translate(t('provider_answer_title'))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label={translate(t('provider_answer'))} value={answer} onChange={(e) => setAnswer(e.target.value as 'accepted' | 'declined')} data-testid="provider-answer">
            <MenuItem value="accepted">{translate(t('provider_accepted'))}</MenuItem>
            <MenuItem value="declined">{translate(t('provider_declined'))}</MenuItem>
          </TextField>
          <TextField type="date" label={translate(t('provider_answered_on'))} value={answeredOn} onChange={(e) => setAnsweredOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} data-testid="provider-answered-on" />
          {answer === 'declined' && (
            <TextField multiline minRows={2} label={translate(t('reason'))} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 2000, lang: 'da' } }} />
          )}
        </Stack>
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(t('cancel'))}</Button>
        <Button variant="contained" disabled={busy || !answeredOn} onClick={() => void save()} data-testid="provider-answer-confirm">
          {translate(t('save'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The course's end as the provider reported it: end date and the register's end status. */
const OutcomeDialog = ({ referral, onClose, onDone }: { referral: Referral; onClose: () => void; onDone: (message: string) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [statuses, setStatuses] = useState<RegisterEndStatus[]>([]);
  const [endDate, setEndDate] = useState(referral.outcomeEndDate ?? todayLocal());
  const [endStatus, setEndStatus] = useState(referral.outcomeEndStatus ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchEndStatuses().then(setStatuses, () => setStatuses([]));
  }, []);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await recordProviderOutcome(referral.id, { endDate, endStatus, version: referral.version });
      onDone(t('provider_outcome_saved'));
    } catch (error) {
      setProblem(translate(problemOf(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="provider-outcome-title" fullWidth maxWidth="sm">
      <DialogTitle id="provider-outcome-title">{translate(t('provider_outcome_title'))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField type="date" label={translate(t('provider_end_date'))} value={endDate} onChange={(e) => setEndDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} data-testid="provider-end-date" />
          <TextField select label={translate(t('provider_end_status'))} value={endStatus} onChange={(e) => setEndStatus(e.target.value)} data-testid="provider-end-status">
            {statuses.map((s) => (
              <MenuItem key={s.code} value={s.code}>
                {endStatusLabel(s, locale, s.code)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(t('cancel'))}</Button>
        <Button variant="contained" disabled={busy || !endDate || !endStatus} onClick={() => void save()} data-testid="provider-outcome-confirm">
          {translate(t('save'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * On an outgoing referral to an approved provider: the provider has no users, so the referring staff
 * record its answer and, once it accepted, the outcome it reports (decision 107).
 */
export const ProviderRecords = ({ referral, onChanged }: { referral: Referral; onChanged: (message: string) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState<'answer' | 'outcome' | null>(null);
  const done = (message: string) => {
    setOpen(null);
    onChanged(message);
  };
  return (
    <Box sx={{ mt: 1 }} data-testid="provider-records">
      {referral.state !== 'sent' && referral.answeredOn && (
        <Typography variant="body2">{translate(t(referral.state === 'accepted' ? 'provider_accepted_on' : referral.state === 'declined' ? 'provider_declined_on' : 'withdrawn_on'), { date: formatDate(referral.answeredOn, locale) })}</Typography>
      )}
      {referral.outcomeEndDate && (
        <Typography variant="body2" data-testid="provider-outcome">
          {translate(t('provider_outcome_line'), { date: formatDate(referral.outcomeEndDate, locale) })} <EndStatusText code={referral.outcomeEndStatus} />
        </Typography>
      )}
      {referral.state === 'sent' && (
        <Button variant="contained" size="small" sx={{ mr: 1 }} onClick={() => setOpen('answer')} data-testid="provider-record-answer">
          {translate(t('provider_record_answer'))}
        </Button>
      )}
      {referral.state === 'accepted' && (
        <Button variant="outlined" size="small" onClick={() => setOpen('outcome')} data-testid="provider-record-outcome">
          {translate(t(referral.outcomeEndDate ? 'provider_correct_outcome' : 'provider_record_outcome'))}
        </Button>
      )}
      {open === 'answer' && <AnswerDialog referral={referral} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'outcome' && <OutcomeDialog referral={referral} onClose={() => setOpen(null)} onDone={done} />}
    </Box>
  );
};
