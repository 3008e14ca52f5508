import type { TreatmentPlanRevision } from '@outcomes/contracts';

/** The plan form's state: goals and actions one per line, as staff write them. */
export interface PlanForm {
  goals: string;
  actions: string;
  expectedDurationWeeks: string;
  citizenResources: string;
  otherActors: string;
  responsible: string;
  madeWithCitizen: boolean;
  madeWithCitizenOn: string;
  reviewDate: string;
  revisionReason: string;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const textOrNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** An empty form for a first plan; a revision starts from the plan as it is. */
export function planForm(from: TreatmentPlanRevision | undefined, today: string): PlanForm {
  return {
    goals: from?.goals.join('\n') ?? '',
    actions: from?.actions.join('\n') ?? '',
    expectedDurationWeeks: from ? String(from.expectedDurationWeeks) : '',
    citizenResources: from?.citizenResources ?? '',
    otherActors: from?.otherActors ?? '',
    responsible: from?.responsible ?? '',
    madeWithCitizen: from?.madeWithCitizen ?? true,
    madeWithCitizenOn: from?.madeWithCitizenOn ?? today,
    reviewDate: from?.reviewDate ?? '',
    revisionReason: '',
  };
}

/** The body of POST (first plan) or PUT (a revision, based on the one loaded) /api/enrolments/:id/treatment-plan. */
export function planBody(form: PlanForm, basedOnRevision: number | null): Record<string, unknown> {
  const weeks = Number(form.expectedDurationWeeks);
  return {
    goals: lines(form.goals),
    actions: lines(form.actions),
    expectedDurationWeeks: form.expectedDurationWeeks.trim() !== '' && Number.isFinite(weeks) ? weeks : null,
    citizenResources: textOrNull(form.citizenResources),
    otherActors: textOrNull(form.otherActors),
    responsible: textOrNull(form.responsible),
    madeWithCitizen: form.madeWithCitizen,
    madeWithCitizenOn: form.madeWithCitizen && form.madeWithCitizenOn !== '' ? form.madeWithCitizenOn : null,
    reviewDate: form.reviewDate,
    ...(basedOnRevision === null ? {} : { basedOnRevision, revisionReason: form.revisionReason.trim() }),
  };
}
