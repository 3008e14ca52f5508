import { Alert, Box, Button, FormControlLabel, Radio, RadioGroup, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { Enrolment, YouthConsent, YouthConsentKind, YouthConsentStatus } from '@outcomes/contracts';
import { isOpen } from '@outcomes/domain';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useCanAccess, useDataProvider, useGetList, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { DanishDateTextField } from '../common/DanishDateField';
import { formatDate, todayLocal } from '../common/dates';
import { apiErrorOf } from '../common/http-errors';
import { ScrollRegion } from '../common/ScrollRegion';
import type { AppDataProvider } from '../data/data-provider';
import { translatableMessage } from '../data/field-errors';

const t = (key: string) => `resources.youth-consents.${key}`;

/**
 * The consents a young person's treatment needs (a custodial parent's; from 15 also their own), on the
 * enrolment page: shown when the citizen is under 18 on the start (or today) or consents are on record.
 */
export const YouthConsents = () => {
  const enrolment = useRecordContext<Enrolment>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const provider = useRef(dataProvider);
  provider.current = dataProvider;
  const [status, setStatus] = useState<YouthConsentStatus | null>(null);
  const { canAccess: canCreate } = useCanAccess({ resource: 'youth-consents', action: 'create' });
  const enrolmentId = enrolment ? String(enrolment.id) : '';
  const { data: consents, refetch } = useGetList<YouthConsent>('youth-consents', { filter: { enrolmentId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'createdAt', order: 'ASC' } }, { enabled: enrolmentId !== '' });
  const version = enrolment?.version;

  const reload = () => {
    void refetch();
    provider.current.youthConsentStatus(enrolmentId).then(setStatus, () => setStatus(null));
  };
  useEffect(() => {
    if (enrolmentId === '') return;
    let live = true;
    provider.current.youthConsentStatus(enrolmentId).then((s) => live && setStatus(s), () => live && setStatus(null));
    return () => {
      live = false;
    };
  }, [enrolmentId, version]);

  if (!enrolment || !status || (!status.required && (consents?.length ?? 0) === 0)) return null;
  return (
    <Box component="section" aria-labelledby="youth-consents-title" data-testid="youth-consents">
      <Typography id="youth-consents-title" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {translate(t('title'))}
      </Typography>
      {status.required && status.missing.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="youth-consents-missing">
          {translate(t(enrolment.state === 'referred' ? 'missing' : 'missing_now'), { age: status.ageOnDate ?? '', kinds: status.missing.map((k) => translate(t(`kinds.${k}`))).join('; ') })}
        </Alert>
      )}
      {status.required && status.missing.length === 0 && (
        <Alert severity="success" sx={{ mb: 1 }} data-testid="youth-consents-complete">
          {translate(t('complete'), { age: status.ageOnDate ?? '' })}
        </Alert>
      )}
      {consents && consents.length > 0 && <ConsentTable consents={consents} onChanged={reload} />}
      {canCreate && isOpen(enrolment.state) && <ConsentForm enrolmentId={enrolmentId} onSaved={reload} />}
    </Box>
  );
};

const ConsentTable = ({ consents, onChanged }: { consents: YouthConsent[]; onChanged: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { canAccess: canWithdraw } = useCanAccess({ resource: 'youth-consents', action: 'edit' });
  return (
    <ScrollRegion labelledBy="youth-consents-title">
      <Table size="small" data-testid="youth-consents-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate(t('fields.kind'))}</TableCell>
            <TableCell>{translate(t('fields.givenBy'))}</TableCell>
            <TableCell>{translate(t('fields.givenOn'))}</TableCell>
            <TableCell>{translate(t('fields.withdrawnOn'))}</TableCell>
            {canWithdraw && <TableCell>{translate(t('actions'))}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {consents.map((consent) => (
            <TableRow key={consent.id}>
              <TableCell>{translate(t(`kinds.${consent.kind}`))}</TableCell>
              <TableCell>{consent.givenBy ?? translate(t('the_young_person'))}</TableCell>
              <TableCell>{formatDate(consent.givenOn, locale)}</TableCell>
              <TableCell>{consent.withdrawnOn ? formatDate(consent.withdrawnOn, locale) : '—'}</TableCell>
              {canWithdraw && <TableCell>{consent.withdrawnOn === null && <WithdrawButton consent={consent} onDone={onChanged} />}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
};

const WithdrawButton = ({ consent, onDone }: { consent: YouthConsent; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayLocal());
  const [error, setError] = useState<string>();
  const who = consent.givenBy ?? translate(t('the_young_person'));
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)} aria-label={translate(t('withdraw_named'), { who })}>
        {translate(t('withdraw'))}
      </Button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await dataProvider.withdrawYouthConsent(consent.id, { withdrawnOn: date, version: consent.version });
      notify(t('withdrawn'), { type: 'success' });
      setOpen(false);
      onDone();
      refresh();
    } catch (caught) {
      const body = apiErrorOf(caught);
      setError(body.errors?.withdrawnOn ? translate(translatableMessage(body.errors.withdrawnOn)) : translate('ra.notification.http_error'));
    }
  };
  return (
    <Stack component="form" direction="row" spacing={1} onSubmit={(event) => void submit(event)} noValidate sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <DanishDateTextField name="withdrawnOn" label={translate(t('fields.withdrawnOn'))} value={date} onChange={setDate} size="small" error={error !== undefined} helperText={error} />
      <Button type="submit" size="small" variant="outlined">
        {translate(t('withdraw_confirm'))}
      </Button>
    </Stack>
  );
};

const ConsentForm = ({ enrolmentId, onSaved }: { enrolmentId: string; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const [kind, setKind] = useState<YouthConsentKind>('custodial-parent');
  const [givenBy, setGivenBy] = useState('');
  const [givenOn, setGivenOn] = useState(todayLocal());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => (errors[field] ? translate(translatableMessage(errors[field])) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (kind === 'custodial-parent' && givenBy.trim() === '') missing['givenBy'] = 'ra.validation.required';
    if (!givenOn) missing['givenOn'] = 'ra.validation.required';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await dataProvider.create('youth-consents', { data: { enrolmentId, kind, givenBy: kind === 'custodial-parent' ? givenBy.trim() : null, givenOn } });
      notify(t('saved'), { type: 'success' });
      setGivenBy('');
      onSaved();
    } catch (caught) {
      const body = apiErrorOf(caught);
      if (body.errors && Object.keys(body.errors).length > 0) setErrors(body.errors);
      else notify('ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate aria-labelledby="youth-consent-form-title" sx={{ mt: 2 }}>
      <Typography id="youth-consent-form-title" variant="subtitle2" component="h3" sx={{ mb: 1 }}>
        {translate(t('record'))}
      </Typography>
      <Stack spacing={2} sx={{ maxWidth: 480 }}>
        <RadioGroup name="kind" value={kind} onChange={(event) => setKind(event.target.value as YouthConsentKind)} aria-label={translate(t('fields.kind'))}>
          <FormControlLabel value="custodial-parent" control={<Radio />} label={translate(t('kinds.custodial-parent'))} />
          <FormControlLabel value="young-person" control={<Radio />} label={translate(t('kinds.young-person'))} />
        </RadioGroup>
        {kind === 'custodial-parent' && (
          <TextField name="givenBy" label={translate(t('fields.givenBy'))} value={givenBy} onChange={(event) => setGivenBy(event.target.value)} required error={errorOf('givenBy') !== undefined} helperText={errorOf('givenBy') ?? translate(t('given_by_hint'))} autoComplete="off" />
        )}
        <DanishDateTextField name="givenOn" label={translate(t('fields.givenOn'))} value={givenOn} onChange={setGivenOn} required error={errorOf('givenOn') !== undefined} helperText={errorOf('givenOn')} />
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {translate(t('save'))}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};
