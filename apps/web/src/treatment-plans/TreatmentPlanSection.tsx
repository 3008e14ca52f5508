import AddIcon from '@mui/icons-material/PlaylistAdd';
import EditIcon from '@mui/icons-material/EditNote';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import type { Enrolment, Programme, TreatmentPlan, TreatmentPlanRevision } from '@outcomes/contracts';
import { isOpen } from '@outcomes/domain';
import { useCallback, useEffect, useState } from 'react';
import { useGetList, useGetMany, useLocaleState, useTranslate } from 'react-admin';
import { formatDate, formatDateTime } from '../common/dates';
import { fetchTreatmentPlan } from './plan-api';
import { PlanDialog } from './PlanDialog';

const Revision = ({ revision, summary }: { revision: TreatmentPlanRevision; summary: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const list = (items: string[]) => (
    <Box component="ul" sx={{ m: 0, pl: 3 }} lang="da">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </Box>
  );
  const line = (label: string, value: string | null) =>
    value && (
      <Typography variant="body2">
        <strong>{translate(label)}:</strong> <span lang="da">{value}</span>
      </Typography>
    );
  return (
    <Stack spacing={0.5} data-testid={`plan-revision-${revision.revision}`}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.treatment_plans.revision', { revision: revision.revision, name: revision.revisedByName, at: formatDateTime(revision.revisedAt, locale) })}
      </Typography>
      {line('app.treatment_plans.reason', revision.revisionReason)}
      <Typography variant="body2" component="div">
        <strong>{translate('app.treatment_plans.goals_heading')}</strong>
        {list(revision.goals)}
      </Typography>
      {!summary && (
        <>
          {revision.actions.length > 0 && (
            <Typography variant="body2" component="div">
              <strong>{translate('app.treatment_plans.actions_heading')}</strong>
              {list(revision.actions)}
            </Typography>
          )}
          {line('app.treatment_plans.citizen_resources', revision.citizenResources)}
          {line('app.treatment_plans.other_actors', revision.otherActors)}
          {line('app.treatment_plans.responsible', revision.responsible)}
        </>
      )}
      <Typography variant="body2" color="text.secondary">
        {[
          translate('app.treatment_plans.weeks', { smart_count: revision.expectedDurationWeeks }),
          revision.madeWithCitizen && revision.madeWithCitizenOn
            ? translate('app.treatment_plans.made_with', { date: formatDate(revision.madeWithCitizenOn, locale) })
            : translate('app.treatment_plans.not_made_with'),
          translate('app.treatment_plans.review_on', { date: formatDate(revision.reviewDate, locale) }),
        ].join(' · ')}
      </Typography>
    </Stack>
  );
};

const EnrolmentPlan = ({ enrolment, programme }: { enrolment: Enrolment; programme: string }) => {
  const translate = useTranslate();
  const [plan, setPlan] = useState<TreatmentPlan | null>();
  const [editing, setEditing] = useState(false);
  const load = useCallback(() => {
    void fetchTreatmentPlan(String(enrolment.id)).then((found) => setPlan(found ?? null));
  }, [enrolment.id]);
  useEffect(load, [load]);
  if (plan === undefined) return null;
  const open = isOpen(enrolment.state);
  const earlier = plan ? plan.revisions.slice(1) : [];
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="treatment-plan">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {programme}
        </Typography>
        {open && (
          <Button size="small" startIcon={plan ? <EditIcon /> : <AddIcon />} onClick={() => setEditing(true)}>
            {translate(plan ? 'app.treatment_plans.revise' : 'app.treatment_plans.make')}
          </Button>
        )}
      </Stack>
      {plan?.current ? (
        <>
          <Revision revision={plan.current} summary={false} />
          {earlier.length > 0 && (
            <Box component="details" sx={{ mt: 1 }}>
              <Box component="summary" sx={{ cursor: 'pointer' }}>
                <Typography variant="body2" component="span">
                  {translate('app.treatment_plans.history', { smart_count: earlier.length })}
                </Typography>
              </Box>
              <Stack spacing={1.5} sx={{ mt: 1, pl: 2, borderLeft: 2, borderColor: 'divider' }}>
                {earlier.map((r) => (
                  <Revision key={r.id} revision={r} summary={false} />
                ))}
              </Stack>
            </Box>
          )}
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.treatment_plans.none')}
        </Typography>
      )}
      {editing && (
        <PlanDialog
          enrolmentId={String(enrolment.id)}
          programme={programme}
          current={plan?.current ?? undefined}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            load();
          }}
        />
      )}
    </Paper>
  );
};

/** The citizen page's treatment plans: one per open or earlier enrolment that has one (§ 101 stk. 8). */
export const TreatmentPlanSection = ({ citizenId }: { citizenId: string }) => {
  const translate = useTranslate();
  const { data: enrolments } = useGetList<Enrolment>('enrolments', { filter: { citizenId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'referralDate', order: 'DESC' } });
  const ids = [...new Set((enrolments ?? []).map((e) => e.programmeId))];
  const { data: programmes } = useGetMany<Programme>('programmes', { ids }, { enabled: ids.length > 0 });
  if (!enrolments || enrolments.length === 0) return null;
  const name = (id: string) => programmes?.find((p) => p.id === id)?.name ?? '';
  return (
    <Box component="section" aria-labelledby="treatment-plans-heading" sx={{ mt: 3 }} data-testid="treatment-plans">
      <Typography id="treatment-plans-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.treatment_plans.title')}
      </Typography>
      <Stack spacing={1}>
        {enrolments.map((e) => (
          <EnrolmentPlan key={e.id} enrolment={e} programme={name(e.programmeId)} />
        ))}
      </Stack>
    </Box>
  );
};
