import type { ResourceName } from '@outcomes/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** Answers that name people other than citizens (users), or only the log itself: no citizens to collect from them. */
const NO_CITIZENS: readonly ResourceName[] = ['users', 'evaluator-grants', 'access-log', 'volunteers', 'trainings', 'coordinator-dashboard'];

export interface AnswerPeople {
  /** Citizens the answer names directly. */
  citizenIds: string[];
  /** Enrolments the answer names (group members, attendance, follow-up attempts): their citizens are looked up. */
  enrolmentIds: string[];
}

/**
 * Every citizen a personal-data answer carries, by its shape (contracts): a citizen record's `id` (in a
 * list of citizens or a lookup's `citizen`), any `citizenId`, and the enrolments named by `enrolmentId`
 * or `memberEnrolmentIds`, whose citizens the caller looks up. Walks at most a few levels down.
 */
export function answerPeople(resource: ResourceName, action: 'list' | 'read' | 'create' | 'update' | 'delete', answer: unknown): AnswerPeople {
  const citizenIds = new Set<string>();
  const enrolmentIds = new Set<string>();
  if (NO_CITIZENS.includes(resource)) return { citizenIds: [], enrolmentIds: [] };
  if (resource === 'citizens' && action === 'list') {
    const rows = Array.isArray(answer) ? answer : [(answer as { citizen?: unknown } | null)?.citizen];
    for (const row of rows) {
      const id = (row as { id?: unknown } | null | undefined)?.id;
      if (isId(id)) citizenIds.add(id.toLowerCase());
    }
  }
  const walk = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'citizenId' && isId(v)) citizenIds.add(v.toLowerCase());
      else if (key === 'enrolmentId' && isId(v)) enrolmentIds.add(v.toLowerCase());
      else if (key === 'memberEnrolmentIds' && Array.isArray(v)) v.filter(isId).forEach((id) => enrolmentIds.add(id.toLowerCase()));
      else if (typeof v === 'object') walk(v, depth + 1);
    }
  };
  walk(answer, 0);
  return { citizenIds: [...citizenIds], enrolmentIds: [...enrolmentIds] };
}
