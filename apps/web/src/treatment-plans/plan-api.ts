import type { PlanReviewDue, TreatmentPlan } from '@outcomes/contracts';
import { createHttpClient } from '../data/http-client';

/** The treatment plan's own calls (the routes live under /api/enrolments/:id and /api/worklist). */
const httpClient = createHttpClient();

/** The enrolment's plan with every revision, or undefined when none is made yet (current null). */
export async function fetchTreatmentPlan(enrolmentId: string): Promise<TreatmentPlan | undefined> {
  const plan = (await httpClient(`/api/enrolments/${encodeURIComponent(enrolmentId)}/treatment-plan`)).json as TreatmentPlan;
  return plan.current === null ? undefined : plan;
}

/** POST the first plan, or PUT a revision based on the one loaded. */
export async function saveTreatmentPlan(enrolmentId: string, body: Record<string, unknown>, revision: boolean): Promise<TreatmentPlan> {
  return (await httpClient(`/api/enrolments/${encodeURIComponent(enrolmentId)}/treatment-plan`, { method: revision ? 'PUT' : 'POST', body: JSON.stringify(body) })).json as TreatmentPlan;
}

/** The plan reviews due, narrowed as the worklist's other lines are: a centre, and "Mine borgere" (the staff member). */
export async function fetchPlanReviews(filter: { centreId?: string; staffUserId?: string }): Promise<PlanReviewDue[]> {
  const params = new URLSearchParams();
  if (filter.centreId) params.set('centreId', filter.centreId);
  if (filter.staffUserId) params.set('staffUserId', filter.staffUserId);
  const query = params.toString();
  return (await httpClient(`/api/worklist/plan-reviews${query ? `?${query}` : ''}`)).json as PlanReviewDue[];
}
