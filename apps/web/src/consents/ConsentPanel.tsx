import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { CitizenConsents, ConsentEntry, ConsentEvent, ConsentPurposeState } from '@outcomes/contracts';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { DanishDateTextField } from '../common/DanishDateField';
import { formatDate, formatDateTime, todayLocal } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { ScrollRegion } from '../common/ScrollRegion';
import { consentErrorKey } from './consent-errors';
import { fetchConsents, recordConsent } from './consent-api';

const k = (key: string) => `app.consents.${key}`;
const SHARING = ['job-centre', 'psychiatry', 'relatives', 'parents'];

type Pending = { purpose: ConsentPurposeState; event: ConsentEvent };

/**
 * Consent by purpose on the citizen page (issue 22): each purpose's current state with its date and who
 * recorded it, buttons to record a consent given or refused or to withdraw one, and the whole history.
 * A sharing purpose refused or withdrawn is shown at the top: nothing in the product shares data yet, so
 * this is where a user who shares by other means must look (decision 91).
 */
export const ConsentPanel = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { canAccess: canRecord } = useCanAccess({ resource: 'citizens', action: 'edit' });
  const [data, setData] = useState<CitizenConsents | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [onDate, setOnDate] = useState(todayLocal());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [showHistory, setShowHistory] = useState(false);

  const load = useCallback(() => fetchConsents(citizenId).then(setData, () => setData(null)), [citizenId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!data) return null;
  const label = (p: { labelDa: string; labelEn: string }) => (locale === 'en' ? p.labelEn : p.labelDa);
  const labelOf = (purpose: string) => {
    const p = data.purposes.find((x) => x.purpose === purpose);
    return p ? label(p) : purpose;
  };
  const noSharing = data.purposes.filter((p) => SHARING.includes(p.purpose) && (p.state === 'refused' || p.state === 'withdrawn'));

  const open = (purpose: ConsentPurposeState, event: ConsentEvent) => {
    setPending({ purpose, event });
    setOnDate(todayLocal());
    setError(undefined);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    if (!onDate) {
      setError(translate('ra.validation.required'));
      return;
    }
    setBusy(true);
    try {
      const answer = await recordConsent(citizenId, { purpose: pending.purpose.purpose, event: pending.event, onDate, basedOnEntry: pending.purpose.latest?.entry ?? 0 });
      setData(answer);
      setPending(null);
      notify(k('saved'), { type: 'success' });
    } catch (caught) {
      const body = apiErrorOf(caught);
      setError(translate(consentErrorKey(body)));
      if (body.code === 'VERSION_CONFLICT') void load();
    } finally {
      setBusy(false);
    }
  };

  const when = (entry: ConsentEntry | null) => (entry ? (entry.onDate ? formatDate(entry.onDate, locale) : translate(k('no_date'))) : '');
  const who = (entry: ConsentEntry | null) => (entry ? (entry.recordedByUserId ? (entry.recordedByName ?? '') : translate(k('migrated'))) : '');

  return (
    <Box component="section" aria-labelledby="consents-title" data-testid="consents" sx={{ mb: 2 }}>
      <Typography id="consents-title" variant="subtitle1" component="h2">
        {translate(k('title'))}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(k('intro'))}
      </Typography>
      {noSharing.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="consents-no-sharing">
          {translate(k('sharing_refused'), { purposes: noSharing.map(label).join(', ') })}
        </Alert>
      )}
      <ScrollRegion labelledBy="consents-title">
        <Table size="small" data-testid="consents-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate(k('purpose'))}</TableCell>
              <TableCell>{translate(k('state'))}</TableCell>
              <TableCell>{translate(k('date'))}</TableCell>
              <TableCell>{translate(k('recorded_by'))}</TableCell>
              {canRecord && <TableCell>{translate(k('actions'))}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.purposes.map((p) => (
              <TableRow key={p.purpose} data-testid={`consent-${p.purpose}`}>
                <TableCell>
                  {label(p)}
                  {p.minorsOnly && !p.applies && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {translate(k('not_applicable'))}
                    </Typography>
                  )}
                </TableCell>
                <TableCell data-testid={`consent-${p.purpose}-state`}>
                  <strong>{translate(k(`states.${p.state}`))}</strong>
                  {p.purpose === 'evaluation' && p.state === 'not-asked' && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {translate(k(data.notAskedRule === 'included' ? 'not_asked_included' : 'not_asked_excluded'))}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{when(p.latest)}</TableCell>
                <TableCell>{who(p.latest)}</TableCell>
                {canRecord && (
                  <TableCell>
                    {p.applies && (
                      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                        {p.state === 'given' ? (
                          <Button size="small" color="warning" onClick={() => open(p, 'withdrawn')} aria-label={translate(k('action_named'), { action: translate(k('withdraw')), purpose: label(p) })}>
                            {translate(k('withdraw'))}
                          </Button>
                        ) : (
                          <>
                            <Button size="small" onClick={() => open(p, 'given')} aria-label={translate(k('action_named'), { action: translate(k('record_given')), purpose: label(p) })}>
                              {translate(k('record_given'))}
                            </Button>
                            <Button size="small" onClick={() => open(p, 'refused')} aria-label={translate(k('action_named'), { action: translate(k('record_refused')), purpose: label(p) })}>
                              {translate(k('record_refused'))}
                            </Button>
                          </>
                        )}
                      </Stack>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      {pending && (
        <Box component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate aria-labelledby="consent-form-title" data-testid="consent-form" sx={{ mt: 1 }}>
          <Typography id="consent-form-title" variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            {label(pending.purpose)}: {translate(k(`events.${pending.event}`))}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
            <DanishDateTextField name="consentOnDate" label={translate(k('on_date'))} value={onDate} onChange={setOnDate} size="small" required error={error !== undefined} helperText={error} />
            <Button type="submit" variant="contained" size="small" disabled={busy}>
              {translate(k('confirm'))}
            </Button>
            <Button size="small" onClick={() => setPending(null)}>
              {translate(k('cancel'))}
            </Button>
          </Stack>
        </Box>
      )}
      <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: 1 }}>
        {translate(k('sharing_note'))}
      </Typography>
      {data.historyTotal > 0 ? (
        <Box sx={{ mt: 1 }}>
          <Button size="small" onClick={() => setShowHistory(!showHistory)} aria-expanded={showHistory} aria-controls="consents-history">
            {translate(k('history'), { smart_count: data.historyTotal })}
          </Button>
          {showHistory && (
            <Box component="ol" id="consents-history" data-testid="consents-history" sx={{ m: 0, pl: 3 }}>
              {data.history.map((h) => (
                <li key={h.id}>
                  <Typography variant="body2">
                    {labelOf(h.purpose)}: {translate(k(`events.${h.event}`))} {when(h)} · {who(h)} · {formatDateTime(h.recordedAt, locale)}
                  </Typography>
                </li>
              ))}
              {data.history.length < data.historyTotal && (
                <Typography variant="caption" component="li" sx={{ listStyle: 'none' }}>
                  {translate(k('history_more'), { shown: data.history.length, total: data.historyTotal })}
                </Typography>
              )}
            </Box>
          )}
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate(k('history_empty'))}
        </Typography>
      )}
    </Box>
  );
};
