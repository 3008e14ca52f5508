import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { AccessReportLabel, AccessReportSection, CitizenAccessReport, CitizenAccessReportRequest } from '@outcomes/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { HttpError, Title, useLocaleState, useTranslate } from 'react-admin';
import { accessRequestDueOn, danishToday } from '@outcomes/domain';
import { formatDate, formatDateTime, parseDanishDate } from '../common/dates';
import { ScrollRegion } from '../common/ScrollRegion';
import { fetchAccessReport, fetchAccessReportPdf, saveFile } from './api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A stored value on screen: dates the Danish way, yes/no, structured values as compact JSON. */
function shown(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string') return DATE.test(value) ? formatDate(value) : INSTANT.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const Panel = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Card variant="outlined" data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** One table's rows, each row a list of label and value (a record has too many columns for a table on a phone). */
const Section = ({ section, label }: { section: AccessReportSection; label: (l: AccessReportLabel) => string }) => {
  const translate = useTranslate();
  return (
    <Box component="section" data-testid={`access-report-section-${section.table}`} sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
        {`${label(section.label)} (${section.rows.length})`}
      </Typography>
      {section.rows.length === 0 ? (
        <Typography variant="body2">{translate('app.access_report.none')}</Typography>
      ) : (
        section.rows.map((row, i) => (
          <Box key={i} component="dl" sx={{ m: 0, mb: 1, pl: 1, borderLeft: 2, borderColor: 'divider', overflowWrap: 'anywhere' }} aria-label={translate('app.access_report.row', { n: i + 1 })}>
            {Object.entries(row).map(([key, value]) => (
              <Box key={key} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                <Typography component="dt" variant="body2" sx={{ fontWeight: 'bold' }}>
                  {`${section.columns[key] ? label(section.columns[key]) : key}:`}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  {shown(value, translate('ra.boolean.true'), translate('ra.boolean.false'))}
                </Typography>
              </Box>
            ))}
          </Box>
        ))
      )}
    </Box>
  );
};

const Report = ({ report, who, onNew }: { report: CitizenAccessReport; who: CitizenAccessReportRequest; onNew: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = (l: AccessReportLabel): string => (locale === 'en' ? l.en : l.da);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pdf = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveFile(await fetchAccessReportPdf(who), `indsigt-${report.producedOn}.pdf`);
    } catch {
      setError('app.access_report.failed');
    } finally {
      setBusy(false);
    }
  };
  // The JSON file is the report already on screen (produced and logged once), saved from memory.
  const json = () => saveFile(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }), `indsigt-${report.producedOn}.json`);
  return (
    <Stack spacing={2} data-testid="access-report">
      <Box>
        <Typography variant="h5" component="h2" data-testid="access-report-about">
          {translate('app.access_report.about', { name: `${report.citizen.firstName} ${report.citizen.lastName}` })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {`${report.municipality.name} · ${translate('app.access_report.produced', { date: formatDateTime(report.producedAt) })}`}
        </Typography>
        <Typography variant="body2" data-testid="access-report-deadline">
          {`${translate('app.access_report.requested_on')}: ${formatDate(report.requestedOn)} · ${translate('app.access_report.due_on')}: ${formatDate(report.dueOn)}`}
        </Typography>
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void pdf()} disabled={busy} data-testid="access-report-pdf">
          {translate('app.access_report.pdf')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={json} data-testid="access-report-json">
          {translate('app.access_report.json')}
        </Button>
        <Button onClick={onNew}>{translate('app.access_report.new')}</Button>
      </Stack>
      {error && <Alert severity="error">{translate(error)}</Alert>}
      <Panel title={translate('app.access_report.summary')} testId="access-report-summary">
        <ScrollRegion label={translate('app.access_report.summary')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.access_report.kind')}</TableCell>
                <TableCell align="right">{translate('app.access_report.rows')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.counts.map((c) => (
                <TableRow key={c.table} data-testid={`access-report-count-${c.table}`}>
                  <TableCell>{label(c.label)}</TableCell>
                  <TableCell align="right">{c.rows}</TableCell>
                </TableRow>
              ))}
              <TableRow data-testid="access-report-count-lookups">
                <TableCell>{translate('app.access_report.lookups_count')}</TableCell>
                <TableCell align="right">{report.lookups.length}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </ScrollRegion>
      </Panel>
      <Panel title={translate('app.access_report.lookups')} testId="access-report-lookups">
        {report.lookups.length === 0 ? (
          <Typography variant="body2">{translate('app.access_report.none')}</Typography>
        ) : (
          <ScrollRegion label={translate('app.access_report.lookups')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.access_report.at')}</TableCell>
                  <TableCell>{translate('app.access_report.what')}</TableCell>
                  <TableCell>{translate('app.access_report.why')}</TableCell>
                  <TableCell>{translate('app.access_report.role')}</TableCell>
                  <TableCell>{translate('app.access_report.municipality')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.lookups.map((l, i) => (
                  <TableRow key={i}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.at)}</TableCell>
                    <TableCell>{label(l.what)}</TableCell>
                    <TableCell>{label(l.why)}</TableCell>
                    <TableCell>{translate(`app.roles.${l.role}`, { _: l.role })}</TableCell>
                    <TableCell>{l.municipality ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </Panel>
      <Panel title={translate('app.access_report.records')} testId="access-report-records">
        {report.sections.map((s) => (
          <Section key={s.table} section={s} label={label} />
        ))}
      </Panel>
    </Stack>
  );
};

/**
 * "Indsigt (art. 15)": the admin produces a citizen's access report (decision 93). The CPR number goes
 * in a POST body; it and the report live in this page's memory only (no URL, no browser storage) and
 * are gone when the admin leaves the page or starts a new report.
 */
export const CitizenAccessReportPage = () => {
  const translate = useTranslate();
  const [byId, setById] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  // The day the citizen's request came (required; art. 12(3) counts the month from it), as typed.
  const [requestedText, setRequestedText] = useState('');
  const [requestedError, setRequestedError] = useState<string>();
  const requestedOn = parseDanishDate(requestedText);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: CitizenAccessReport; who: CitizenAccessReportRequest }>();

  const produce = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    const dateRule = requestedOn === null ? 'app.access_report.requested_required' : requestedOn > danishToday() ? 'app.access_report.requested_future' : undefined;
    setRequestedError(dateRule && translate(dateRule));
    setError(value === '' ? translate('app.access_report.required') : undefined);
    if (value === '' || dateRule || requestedOn === null) return;
    const who: CitizenAccessReportRequest = byId ? { citizenId: value, requestedOn } : { cpr: value, requestedOn };
    setBusy(true);
    try {
      setResult({ report: await fetchAccessReport(who), who });
      setText('');
      setRequestedText('');
    } catch (e) {
      const body = e instanceof HttpError ? (e.body as { errors?: Record<string, string> } | undefined) : undefined;
      if (body?.errors?.['requestedOn']) setRequestedError(translate('app.access_report.requested_future'));
      const rule = body?.errors?.['cpr'] ?? body?.errors?.['citizenId'];
      setError(e instanceof HttpError && e.status === 404 ? translate('app.access_report.not_found') : rule ? translate(rule, { _: rule }) : translate('app.access_report.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack sx={{ p: 2 }} spacing={2} data-testid="access-report-page">
      <Title title="app.access_report.title" />
      <Typography variant="body2" color="text.secondary">
        {translate('app.access_report.intro')}
      </Typography>
      {result ? (
        <Report report={result.report} who={result.who} onNew={() => setResult(undefined)} />
      ) : (
        <Box component="form" onSubmit={(e) => void produce(e)} noValidate data-testid="access-report-form" sx={{ maxWidth: 480 }}>
          <Stack spacing={2}>
            <TextField
              name={byId ? 'citizenId' : 'cpr'}
              label={translate(byId ? 'app.access_report.by_id' : 'app.access_report.by_cpr')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': 'access-report-input', inputMode: byId ? 'text' : 'numeric', spellCheck: false } }}
              error={error !== undefined}
              helperText={error ?? (byId ? translate('app.access_report.by_id_hint') : undefined)}
              size="small"
            />
            <TextField
              name="requestedOn"
              label={translate('app.access_report.requested_on')}
              value={requestedText}
              onChange={(e) => {
                setRequestedText(e.target.value);
                setRequestedError(undefined);
              }}
              autoComplete="off"
              placeholder={translate('app.dates.placeholder')}
              slotProps={{ htmlInput: { 'data-testid': 'access-report-requested-on', inputMode: 'numeric', spellCheck: false } }}
              error={requestedError !== undefined}
              helperText={requestedError ?? (requestedOn ? `${translate('app.access_report.due_on')}: ${formatDate(accessRequestDueOn(requestedOn))}` : translate('app.access_report.requested_hint'))}
              size="small"
              required
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
              <Button type="submit" variant="contained" disabled={busy} data-testid="access-report-produce">
                {translate('app.access_report.produce')}
              </Button>
              <Button
                onClick={() => {
                  setById(!byId);
                  setText('');
                  setError(undefined);
                }}
              >
                {translate(byId ? 'app.access_report.use_cpr' : 'app.access_report.use_id')}
              </Button>
            </Stack>
          </Stack>
        </Box>
      )}
    </Stack>
  );
};
