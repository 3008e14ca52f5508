import MergeIcon from '@mui/icons-material/MergeType';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, Paper, Stack, TextField, Typography } from '@mui/material';
import type { Citizen, CitizenMerge, CitizenMergePreview, MergeCounts } from '@outcomes/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { formatDate } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { listMerges, mergeCitizens, previewMerge, undoMerge } from './api';

const label = (key: string): string => `app.citizen_merges.${key}`;
const MIN_REASON = 10;

/** "2 forløb, 3 samtaler": the tables with rows, in the answer's order. */
function useCountsText(): (counts: MergeCounts) => string {
  const translate = useTranslate();
  return (counts) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${translate(label(`tables.${table}`), { smart_count: n, _: table })}`)
      .join(', ');
}

/** The problem an API refusal names, in the user's words; the server's message when it is a rule of its own. */
function problemOf(error: unknown, translate: (key: string) => string): string {
  const body = apiErrorOf(error);
  if (body.status === 404 || body.code === 'NOT_FOUND') return translate(label('not_found'));
  if (body.code === 'VERSION_CONFLICT') return translate(label('stale'));
  const named = body.errors ? Object.values(body.errors).join('; ') : '';
  return `${translate(label('refused'))}${named ? `: ${named}` : body.message ? `: ${body.message}` : ''}`;
}

/** Find the record by CPR number, see what moves, give the reason, confirm. The CPR number is sent in a POST body only and never kept. */
const MergeDialog = ({ citizen, onClose }: { citizen: Citizen; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const countsText = useCountsText();
  const [cpr, setCpr] = useState('');
  const [preview, setPreview] = useState<CitizenMergePreview | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setBusy(true);
    setProblem(null);
    setPreview(null);
    try {
      setPreview(await previewMerge(citizen.id, cpr.replace(/[\s-]/g, '')));
    } catch (error) {
      setProblem(problemOf(error, translate));
    } finally {
      setBusy(false);
    }
  };
  const merge = async () => {
    if (!preview) return;
    setBusy(true);
    setProblem(null);
    try {
      await mergeCitizens({ sourceId: citizen.id, sourceVersion: preview.source.version, targetId: preview.target.id, targetVersion: preview.target.version, reason: reason.trim() });
      notify(label('done'), { type: 'success' });
      onClose();
      redirect('show', 'citizens', preview.target.id);
    } catch (error) {
      setProblem(problemOf(error, translate));
    } finally {
      setBusy(false);
    }
  };
  const moving = preview ? countsText(preview.counts) : '';
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="merge-dialog-title">
      <DialogTitle id="merge-dialog-title">{translate(label('dialog_title'))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>{translate(label('dialog_text'))}</DialogContentText>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
            <TextField
              label={translate(label('cpr'))}
              value={cpr}
              onChange={(e) => {
                setCpr(e.target.value);
                setPreview(null);
              }}
              autoComplete="off"
              fullWidth
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 11, 'data-testid': 'merge-cpr' } }}
            />
            <Button variant="outlined" onClick={() => void find()} disabled={busy || cpr.replace(/[\s-]/g, '').length !== 10} sx={{ whiteSpace: 'nowrap', minHeight: 56 }}>
              {translate(label('find'))}
            </Button>
          </Stack>
          {preview && (
            <Box data-testid="merge-preview">
              <Typography variant="subtitle1" component="p">
                {translate(label('target'), { name: `${preview.target.firstName} ${preview.target.lastName}`, cpr: preview.target.cprMasked ?? '', year: preview.target.birthYear ?? '' })}
              </Typography>
              <Typography variant="body2">{moving ? `${translate(label('moves'))} ${moving}` : translate(label('nothing_moves'))}</Typography>
              <TextField
                label={translate(label('reason'))}
                helperText={translate(label('reason_hint'))}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                multiline
                minRows={2}
                required
                fullWidth
                sx={{ mt: 2 }}
                slotProps={{ htmlInput: { maxLength: 2000, lang: 'da', 'data-testid': 'merge-reason' } }}
              />
            </Box>
          )}
          {problem && (
            <Alert severity="error" data-testid="merge-problem">
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !preview || reason.trim().length < MIN_REASON} onClick={() => void merge()}>
          {translate(label('confirm'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const UndoDialog = ({ merge, onClose, onDone }: { merge: CitizenMerge; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await undoMerge(merge.id, { version: merge.version, reason: reason.trim() });
      notify(label('undo_done'), { type: 'success' });
      onDone();
    } catch (error) {
      setProblem(problemOf(error, translate));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="undo-merge-title">
      <DialogTitle id="undo-merge-title">{translate(label('undo_title'))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>{translate(label('undo_text'), { name: merge.sourceName })}</DialogContentText>
          <TextField
            label={translate(label('undo_reason'))}
            helperText={translate(label('reason_hint'))}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            required
            fullWidth
            slotProps={{ htmlInput: { maxLength: 2000, lang: 'da', 'data-testid': 'undo-merge-reason' } }}
          />
          {problem && (
            <Alert severity="error" data-testid="undo-merge-problem">
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || reason.trim().length < MIN_REASON} onClick={() => void undo()}>
          {translate(label('undo_confirm'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** One merge as the target's page shows it: from whom, when, who, why, what moved, and the undo while its period lasts. */
const MergeItem = ({ merge, onUndo }: { merge: CitizenMerge; onUndo: () => void }) => {
  const translate = useTranslate();
  const countsText = useCountsText();
  const moved = countsText(merge.counts);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="citizen-merge">
      <Typography variant="subtitle1" component="h3">
        {translate(label('merged_from'), { name: merge.sourceName, date: formatDate(merge.mergedAt), user: merge.mergedBy })}
      </Typography>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {translate(label('reason_label'), { reason: merge.reason })}
      </Typography>
      {moved && <Typography variant="body2">{translate(label('moved'), { counts: moved })}</Typography>}
      {merge.undoneAt ? (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {translate(label('undone'), { date: formatDate(merge.undoneAt), user: merge.undoneBy ?? '', reason: merge.undoReason ?? '' })}
        </Typography>
      ) : merge.undoable ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: { sm: 'center' } }}>
          <Typography variant="body2" color="text.secondary">
            {translate(label('undo_until'), { date: formatDate(merge.undoUntil) })}
          </Typography>
          <Button size="small" variant="outlined" startIcon={<UndoIcon />} onClick={onUndo}>
            {translate(label('undo'))}
          </Button>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(label('undo_closed'), { date: formatDate(merge.undoUntil) })}
        </Typography>
      )}
    </Paper>
  );
};

/**
 * On a citizen's page (issue 22): on a record without a CPR number, the action to merge it into the
 * record with the person's CPR number; on a record that received merges, each merge with its undo
 * while the municipality's period lasts.
 */
export const CitizenMerges = () => {
  const citizen = useRecordContext<Citizen>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [merges, setMerges] = useState<CitizenMerge[]>([]);
  const [merging, setMerging] = useState(false);
  const [undoing, setUndoing] = useState<CitizenMerge | null>(null);
  const citizenId = citizen?.id ? String(citizen.id) : null;
  const load = useCallback(() => {
    if (!citizenId) return;
    listMerges(citizenId)
      .then(setMerges)
      // The panel is a view of the page; a failed read leaves it empty, the page itself still stands.
      .catch(() => setMerges([]));
  }, [citizenId]);
  useEffect(load, [load]);
  if (!citizen) return null;
  const received = merges.filter((m) => m.targetCitizenId === citizen.id);
  const withoutCpr = !citizen.cpr;
  if (!withoutCpr && received.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="citizen-merges-title" sx={{ mb: 2 }} data-testid="citizen-merges">
      <Typography variant="h6" component="h2" id="citizen-merges-title">
        {translate(label('title'))}
      </Typography>
      {withoutCpr && (
        <Button variant="outlined" startIcon={<MergeIcon />} onClick={() => setMerging(true)} sx={{ my: 1 }}>
          {translate(label('action'))}
        </Button>
      )}
      {received.length > 0 && (
        <List disablePadding>
          {received.map((m) => (
            <ListItem key={m.id} disableGutters>
              <Box sx={{ width: '100%' }}>
                <MergeItem merge={m} onUndo={() => setUndoing(m)} />
              </Box>
            </ListItem>
          ))}
        </List>
      )}
      {merging && <MergeDialog citizen={citizen} onClose={() => setMerging(false)} />}
      {undoing && (
        <UndoDialog
          merge={undoing}
          onClose={() => setUndoing(null)}
          onDone={() => {
            setUndoing(null);
            load();
            refresh();
          }}
        />
      )}
    </Box>
  );
};
