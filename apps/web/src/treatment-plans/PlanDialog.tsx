import { Button as MuiButton, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import type { TreatmentPlanRevision } from '@outcomes/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { DanishDateTextField } from '../common/DanishDateField';
import { todayLocal } from '../common/dates';
import { DANISH_TEXT } from '../common/danish-text';
import { apiErrorOf } from '../common/http-errors';
import { translatableMessage } from '../data/field-errors';
import { planBody, planForm } from './plan-body';
import type { PlanForm } from './plan-body';
import { saveTreatmentPlan } from './plan-api';

/** Makes the first plan or revises it (from the plan as it is); the API keeps every revision. */
export const PlanDialog = ({ enrolmentId, programme, current, onClose, onSaved }: { enrolmentId: string; programme: string; current: TreatmentPlanRevision | undefined; onClose: () => void; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [form, setForm] = useState<PlanForm>(() => planForm(current, todayLocal()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof PlanForm) => (value: string | boolean) => setForm((f) => ({ ...f, [field]: value }));
  const errorOf = (field: string) => (errors[field] ? translate(translatableMessage(errors[field])) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = planBody(form, current ? current.revision : null);
    if ((body['goals'] as string[]).length === 0) {
      setErrors({ goals: 'app.treatment_plans.goal_required' });
      return;
    }
    setBusy(true);
    try {
      await saveTreatmentPlan(enrolmentId, body, current !== undefined);
      notify('app.treatment_plans.saved', { type: 'success' });
      onSaved();
    } catch (error) {
      const answer = apiErrorOf(error);
      if (answer.errors && Object.keys(answer.errors).length > 0) setErrors(answer.errors);
      else notify(answer.status === 409 ? 'app.notification.version_conflict_reloaded' : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const text = (field: keyof PlanForm, label: string, extra: { required?: boolean; helper?: string; rows?: number } = {}) => (
    <TextField
      name={field}
      label={translate(label)}
      value={form[field] as string}
      onChange={(event) => set(field)(event.target.value)}
      multiline
      minRows={extra.rows ?? 2}
      required={extra.required}
      fullWidth
      error={errorOf(field) !== undefined}
      helperText={errorOf(field) ?? (extra.helper ? translate(extra.helper) : undefined)}
      slotProps={DANISH_TEXT}
    />
  );

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle>{translate(current ? 'app.treatment_plans.revise_title' : 'app.treatment_plans.make_title', { programme })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {text('goals', 'app.treatment_plans.goals', { required: true, helper: 'app.treatment_plans.goals_hint', rows: 3 })}
            {text('actions', 'app.treatment_plans.actions', { rows: 3 })}
            <TextField
              name="expectedDurationWeeks"
              label={translate('app.treatment_plans.expected_duration')}
              value={form.expectedDurationWeeks}
              onChange={(event) => set('expectedDurationWeeks')(event.target.value)}
              type="number"
              required
              slotProps={{ htmlInput: { min: 1, max: 520, step: 1 } }}
              error={errorOf('expectedDurationWeeks') !== undefined}
              helperText={errorOf('expectedDurationWeeks')}
            />
            {text('citizenResources', 'app.treatment_plans.citizen_resources')}
            {text('otherActors', 'app.treatment_plans.other_actors')}
            {text('responsible', 'app.treatment_plans.responsible')}
            <FormControlLabel
              control={<Checkbox checked={form.madeWithCitizen} onChange={(event) => set('madeWithCitizen')(event.target.checked)} />}
              label={translate('app.treatment_plans.made_with_citizen')}
            />
            {form.madeWithCitizen && (
              <DanishDateTextField
                name="madeWithCitizenOn"
                label={translate('app.treatment_plans.made_with_citizen_on')}
                value={form.madeWithCitizenOn}
                onChange={set('madeWithCitizenOn')}
                required
                error={errorOf('madeWithCitizenOn') !== undefined}
                helperText={errorOf('madeWithCitizenOn')}
              />
            )}
            <DanishDateTextField
              name="reviewDate"
              label={translate('app.treatment_plans.review_date')}
              value={form.reviewDate}
              onChange={set('reviewDate')}
              required
              error={errorOf('reviewDate') !== undefined}
              helperText={errorOf('reviewDate')}
            />
            {current && text('revisionReason', 'app.treatment_plans.revision_reason', { required: true })}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton type="submit" variant="contained" disabled={busy}>
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};
