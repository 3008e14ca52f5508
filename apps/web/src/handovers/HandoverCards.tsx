import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { Centre, Handover, HandoverState } from '@outcomes/contracts';
import { useState } from 'react';
import { Link, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { acceptHandover, declineHandover, withdrawHandover } from './api';

const t = (key: string): string => `app.handovers.${key}`;
const STATE_COLOUR: Record<HandoverState, 'default' | 'info' | 'success' | 'warning'> = { sent: 'info', accepted: 'success', declined: 'warning', withdrawn: 'default' };

export const HandoverStateChip = ({ state }: { state: HandoverState }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATE_COLOUR[state]} label={translate(t(`states.${state}`))} data-testid="handover-state" />;
};

const problemOf = (error: unknown): string => {
  const body = apiErrorOf(error);
  if (body.code === 'VERSION_CONFLICT') return t('stale');
  if (body.code === 'HANDOVER_ANSWERED' || body.status === 404) return t('answered');
  return t('refused');
};

type Dialogue = 'accept' | 'decline' | 'withdraw';

/** Accept (programme and centre), decline or withdraw (reason): one small dialog each. */
const AnswerDialog = ({ handover, kind, onClose, onDone }: { handover: Handover; kind: Dialogue; onClose: () => void; onDone: (message: string) => void }) => {
  const translate = useTranslate();
  const { data: identity } = useGetIdentity();
  const municipalityId = identity?.['municipalityId'] as string | undefined;
  const accepting = kind === 'accept';
  const { data: programmes = [] } = useGetList('programmes', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true } }, { enabled: accepting });
  const { data: centres = [] } = useGetList<Centre>('centres', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { active: true, municipalityId } }, { enabled: accepting && !!municipalityId });
  const [programmeId, setProgrammeId] = useState('');
  const [centreId, setCentreId] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = accepting ? programmeId !== '' && centreId !== '' : reason.trim().length >= 3;
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (accepting) await acceptHandover(handover.id, { programmeId, centreId, version: handover.version });
      else if (kind === 'decline') await declineHandover(handover.id, { reason: reason.trim(), version: handover.version });
      else await withdrawHandover(handover.id, { reason: reason.trim(), version: handover.version });
      onDone(t(accepting ? 'accepted' : kind === 'decline' ? 'declined' : 'withdrawn'));
    } catch (error) {
      setProblem(translate(problemOf(error)));
    } finally {
      setBusy(false);
    }
  };
  const offered = programmes.filter((p) => !p['municipalityId'] || p['municipalityId'] === municipalityId);
  const own = centres.filter((c) => c.municipalityId === municipalityId);
  return (
    <Dialog open onClose={onClose} aria-labelledby="handover-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="handover-dialog-title">{translate(t(`${kind}_title`))}</DialogTitle>
      <DialogContent>
        {accepting ? (
          <>
            <DialogContentText sx={{ mb: 2 }}>{translate(t('accept_text'))}</DialogContentText>
            <TextField select fullWidth label={translate(t('programme'))} value={programmeId} onChange={(e) => setProgrammeId(e.target.value)} data-testid="handover-programme" sx={{ mt: 1 }}>
              {offered.map((p) => (
                <MenuItem key={String(p.id)} value={String(p.id)}>
                  {String(p['name'])}
                </MenuItem>
              ))}
            </TextField>
            <TextField select fullWidth label={translate(t('centre'))} value={centreId} onChange={(e) => setCentreId(e.target.value)} data-testid="handover-centre" sx={{ mt: 2 }}>
              {own.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
          </>
        ) : (
          <TextField
            fullWidth
            multiline
            minRows={2}
            label={translate(t('reason'))}
            helperText={translate(t('reason_hint'))}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000, lang: 'da' } }}
            data-testid="handover-reason"
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
        <Button variant="contained" disabled={!ready || busy} onClick={() => void save()} data-testid="handover-confirm">
          {translate(t(kind))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** One hand-over as a card (cards reflow on a phone; a table would not). */
export const HandoverCard = ({ handover, onChanged }: { handover: Handover; onChanged: (message: string) => void }) => {
  const translate = useTranslate();
  const [dialogue, setDialogue] = useState<Dialogue | null>(null);
  const incoming = handover.direction === 'incoming';
  const name = `${handover.firstName} ${handover.lastName}`;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid={`handover-${handover.direction}`} component="article" aria-labelledby={`handover-${handover.id}`}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
        <Typography variant="subtitle1" component="h3" id={`handover-${handover.id}`}>
          {handover.citizenId ? <Link to={`/citizens/${handover.citizenId}/show`}>{name}</Link> : name}
          {handover.birthYear !== null && (
            <Typography component="span" variant="body2" color="text.secondary">
              {` (${translate(t('born'), { year: handover.birthYear })})`}
            </Typography>
          )}
        </Typography>
        <HandoverStateChip state={handover.state} />
      </Stack>
      <Typography variant="body2">
        {incoming ? `${translate(t('from'))}: ${handover.fromMunicipalityName}` : `${translate(t('to'))}: ${handover.toMunicipalityName}`}
        {` · ${translate(t('sent'))} ${formatDate(handover.createdAt.slice(0, 10))}`}
      </Typography>
      {handover.message && (
        <Typography variant="body2" sx={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>
          {handover.message}
        </Typography>
      )}
      {handover.reason && <Typography variant="body2">{`${translate(t('reason'))}: ${handover.reason}`}</Typography>}
      {handover.state === 'accepted' && handover.readUntil && (
        <Typography variant="body2">{handover.readable ? translate(t('readable_until'), { date: formatDateTime(handover.readUntil) }) : translate(t('read_ended'))}</Typography>
      )}
      {incoming && handover.state === 'sent' && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button variant="contained" size="small" onClick={() => setDialogue('accept')} data-testid="handover-accept">
            {translate(t('accept'))}
          </Button>
          <Button variant="outlined" size="small" onClick={() => setDialogue('decline')} data-testid="handover-decline">
            {translate(t('decline'))}
          </Button>
        </Stack>
      )}
      {incoming && handover.state === 'accepted' && (
        <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }}>
          {handover.readable && (
            <Link to={`/handovers/${handover.id}/show`} data-testid="handover-read">
              {translate(t('read_history'))}
            </Link>
          )}
          {handover.enrolmentId && <Link to={`/enrolments/${handover.enrolmentId}/show`}>{translate(t('open_course'))}</Link>}
        </Stack>
      )}
      {!incoming && handover.state === 'sent' && (
        <Box>
          <Button variant="outlined" size="small" sx={{ mt: 1 }} onClick={() => setDialogue('withdraw')} data-testid="handover-withdraw">
            {translate(t('withdraw'))}
          </Button>
        </Box>
      )}
      {dialogue && (
        <AnswerDialog
          handover={handover}
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
