import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Enrolment, EnrolmentState, RegisterEndStatus } from '@outcomes/contracts';
import { allowedTransitions, COURSE_ENDING_STATES } from '@outcomes/domain';
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetIdentity, useGetList, useLocaleState, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { todayLocal } from '../common/dates';
import { DanishDateTextField } from '../common/DanishDateField';
import { apiErrorOf } from '../common/http-errors';
import type { AppDataProvider } from '../data/data-provider';
import { translatableMessage } from '../data/field-errors';
import type { Failure } from './eligibility';
import { FailureList } from './FailureList';
import { DANISH_TEXT } from '../common/danish-text';
import { endStatusLabel, fetchEndStatuses } from '../register/api';

const MIN_OVERRIDE = 10;

/** Asks for the date (and, when the course ends, the register's end status and a note) of one state change, and makes it. */
const TransitionDialog = ({ enrolment, to, onClose }: { enrolment: Enrolment; to: EnrolmentState; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [date, setDate] = useState(todayLocal());
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [failures, setFailures] = useState<Failure[]>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [locale] = useLocaleState();
  const starting = to === 'active';
  // A started course that ends takes the register's status at the end, from its code list (docs/register.md).
  const ending = COURSE_ENDING_STATES.includes(to);
  const [endStatus, setEndStatus] = useState('');
  const [endStatuses, setEndStatuses] = useState<RegisterEndStatus[]>([]);
  useEffect(() => {
    if (ending) fetchEndStatuses().then(setEndStatuses, () => setEndStatuses([]));
  }, [ending]);
  // Moves (issue 22): a course ends transferred to another municipality, named; then the hand-over is offered.
  const moving = to === 'transferred';
  const [destination, setDestination] = useState('');
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const { data: municipalities = [] } = useGetList('municipalities', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } }, { enabled: moving });

  const overrideTooShort = failures !== undefined && override.trim().length < MIN_OVERRIDE;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date || overrideTooShort || (ending && !endStatus) || (moving && !destination)) {
      setFieldErrors({
        ...(date ? {} : { date: 'ra.validation.required' }),
        ...(ending && !endStatus ? { endStatus: 'ra.validation.required' } : {}),
        ...(moving && !destination ? { transferredToMunicipalityId: 'ra.validation.required' } : {}),
      });
      return;
    }
    setBusy(true);
    try {
      await dataProvider.transitionEnrolment(String(enrolment.id), {
        to,
        date,
        // A start after the treatment guarantee's last day carries its reason (asked once the API named it).
        ...(starting ? (reason.trim() ? { reason: reason.trim() } : {}) : { reason: reason.trim() || null }),
        ...(failures ? { eligibilityOverride: override.trim() } : {}),
        ...(ending ? { endStatus } : {}),
        ...(moving ? { transferredToMunicipalityId: destination } : {}),
        version: enrolment.version,
      });
      notify('resources.enrolments.transitioned', {
        type: 'success',
        messageArgs: { state: translate(`resources.enrolments.states.${to}`) },
      });
      onClose();
      if (moving) {
        redirect('create', 'handovers', undefined, undefined, { record: { citizenId: enrolment.citizenId, toMunicipalityId: destination, enrolmentId: enrolment.id } });
        return;
      }
      refresh();
    } catch (error) {
      const body = apiErrorOf(error);
      if (body.status === 422 && body.code === 'NOT_ELIGIBLE' && body.failures) {
        setFailures(body.failures);
      } else if (body.status === 422 && body.code === 'YOUTH_CONSENT_MISSING') {
        // No override: the consents are recorded on the enrolment page, then the start is tried again.
        notify('resources.youth-consents.start_refused', { type: 'error' });
        onClose();
        refresh();
      } else if (body.status === 409 && body.code === 'ILLEGAL_TRANSITION') {
        const allowed = (body.allowed ?? []).map((state) => translate(`resources.enrolments.states.${state}`));
        notify('resources.enrolments.transition_refused', {
          type: 'error',
          messageArgs: { allowed: allowed.length > 0 ? allowed.join(', ') : translate('resources.enrolments.no_further_states') },
        });
        onClose();
        refresh();
      } else if (body.status === 409) {
        notify('app.notification.version_conflict_reloaded', { type: 'error' });
        onClose();
        refresh();
      } else if (body.errors && Object.keys(body.errors).length > 0) {
        setFieldErrors(body.errors);
      } else {
        notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      }
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => (fieldErrors[field] ? translate(translatableMessage(fieldErrors[field])) : undefined);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle>{translate(`resources.enrolments.transitions.${to}`)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <DanishDateTextField
              name="date"
              label={translate(starting ? 'resources.enrolments.fields.startDate' : 'resources.enrolments.fields.endDate')}
              value={date}
              onChange={setDate}
              required
              error={errorOf('date') !== undefined}
              helperText={errorOf('date')}
            />
            {ending && (
              <TextField
                select
                name="endStatus"
                label={translate('app.register.end_status')}
                value={endStatus}
                onChange={(event) => {
                  setEndStatus(event.target.value);
                  setFieldErrors(({ endStatus: _cleared, ...rest }) => rest);
                }}
                required
                error={errorOf('endStatus') !== undefined}
                helperText={errorOf('endStatus') ?? translate('app.register.end_status_hint')}
              >
                {endStatuses.map((status) => (
                  <MenuItem key={status.code} value={status.code}>
                    {endStatusLabel(status, locale, status.code)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {moving && (
              <TextField
                select
                name="transferredToMunicipalityId"
                label={translate('resources.enrolments.fields.transferredToMunicipalityId')}
                value={destination}
                onChange={(event) => {
                  setDestination(event.target.value);
                  setFieldErrors(({ transferredToMunicipalityId: _cleared, ...rest }) => rest);
                }}
                required
                error={errorOf('transferredToMunicipalityId') !== undefined}
                helperText={errorOf('transferredToMunicipalityId') ?? translate('resources.enrolments.transferred_hint')}
                data-testid="transferred-to"
              >
                {municipalities
                  .filter((m) => String(m.id) !== (identity as { municipalityId?: string } | undefined)?.municipalityId)
                  .map((m) => (
                    <MenuItem key={String(m.id)} value={String(m.id)}>
                      {String(m['name'])}
                    </MenuItem>
                  ))}
              </TextField>
            )}
            {(!starting || fieldErrors['reason'] !== undefined || reason !== '') && (
              <TextField
                name="reason"
                label={translate(starting ? 'app.caseRequests.start_missed_reason' : 'resources.enrolments.fields.endReason')}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                multiline
                minRows={2}
                error={errorOf('reason') !== undefined}
                helperText={starting ? translate('app.caseRequests.start_missed_reason_hint') : (errorOf('reason') ?? translate(`resources.enrolments.reason_hint.${to}`))}
                slotProps={DANISH_TEXT}
              />
            )}
            {failures && (
              <>
                <FailureList failures={failures} />
                <TextField
                  name="eligibilityOverride"
                  label={translate('resources.enrolments.fields.eligibilityOverride')}
                  value={override}
                  onChange={(event) => setOverride(event.target.value)}
                  multiline
                  minRows={2}
                  required
                  error={overrideTooShort && override !== ''}
                  helperText={translate('resources.enrolments.eligibility.override_helper')}
                  slotProps={DANISH_TEXT}
                />
              </>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton type="submit" variant="contained" disabled={busy || overrideTooShort}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** The states the enrolment may move to now (libs/domain's state machine), one button each. */
export const TransitionButtons = () => {
  const enrolment = useRecordContext<Enrolment>();
  const translate = useTranslate();
  const [target, setTarget] = useState<EnrolmentState>();
  if (!enrolment) return null;
  const next = allowedTransitions(enrolment.state);
  return (
    <Box data-testid="transition-buttons">
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {translate('resources.enrolments.next_states')}
      </Typography>
      {next.length === 0 ? (
        <Alert severity="info">{translate('resources.enrolments.final_state')}</Alert>
      ) : (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {next.map((to) => (
            <MuiButton
              key={to}
              variant={to === 'active' || to === 'completed' ? 'contained' : 'outlined'}
              color={to === 'dropped_out' || to === 'cancelled' ? 'warning' : 'primary'}
              onClick={() => setTarget(to)}
            >
              {translate(`resources.enrolments.transitions.${to}`)}
            </MuiButton>
          ))}
        </Stack>
      )}
      {target && <TransitionDialog enrolment={enrolment} to={target} onClose={() => setTarget(undefined)} />}
    </Box>
  );
};
