import type { ResourceName } from '@outcomes/contracts';
import type { Page } from 'playwright-core';
import { DEMO_IDS } from '@outcomes/seeds';
import { apiGet } from './api';

export type A11yRole = 'staff' | 'coordinator' | 'evaluator' | 'admin' | 'operator';

/**
 * A page to audit: `path` is the hash route; `{resource}` in it stands for the id of the first record
 * of that resource the role can read (read through the API as that role when the test runs).
 */
export interface A11yPage {
  name: string;
  path: string;
  /** Which helper's files build the page (issue 25's ownership), for the findings report. */
  owner: 'theme' | 'keys' | 'reflow' | 'axe';
  /** The outcomes page shows its report only once a programme is chosen: audit it with HCS's. */
  report?: boolean;
}

// Written out by hand from the resources' screens (apps/web/src/*/index.ts), the permissions table and
// the menus (layout/role-home.ts): each role's menu entries, the create form of what it may create,
// and a show or edit page of each record type it opens.
export const ROLE_PAGES: Record<A11yRole, A11yPage[]> = {
  staff: [
    { name: 'worklist (Oversigt)', path: '/', owner: 'reflow' },
    { name: 'citizens list', path: '/citizens', owner: 'keys' },
    { name: 'citizen create', path: '/citizens/create', owner: 'reflow' },
    { name: 'citizen show', path: '/citizens/{citizens}/show', owner: 'reflow' },
    { name: 'citizen edit', path: '/citizens/{citizens}', owner: 'reflow' },
    { name: 'sessions list', path: '/sessions', owner: 'keys' },
    { name: 'session create', path: '/sessions/create', owner: 'axe' },
    { name: 'session edit', path: '/sessions/{sessions}', owner: 'axe' },
    { name: 'outreach list', path: '/outreach-contacts', owner: 'keys' },
    { name: 'outreach create', path: '/outreach-contacts/create', owner: 'reflow' },
    { name: 'enrolments list', path: '/enrolments', owner: 'keys' },
    { name: 'enrolment create', path: '/enrolments/create', owner: 'reflow' },
    { name: 'enrolment show', path: '/enrolments/{enrolments}/show', owner: 'reflow' },
    { name: 'enrolment edit', path: '/enrolments/{enrolments}', owner: 'reflow' },
    { name: 'ASI create', path: '/assessments/create', owner: 'keys' },
    { name: 'ASI edit', path: '/assessments/{assessments}', owner: 'keys' },
    { name: 'groups list', path: '/groups', owner: 'keys' },
    { name: 'group create', path: '/groups/create', owner: 'reflow' },
    // Two kinds of group page: an HCS course (its grid of members × meetings) and a SMART group (its logged meetings).
    { name: 'HCS course show', path: `/groups/${DEMO_IDS.groups.odense.hcsCourse}/show`, owner: 'reflow' },
    { name: 'SMART group show', path: `/groups/${DEMO_IDS.groups.odense.smartTuesday}/show`, owner: 'reflow' },
    { name: 'meetings calendar', path: '/group-meetings', owner: 'reflow' },
    { name: 'meeting log create', path: '/group-meetings/create', owner: 'reflow' },
    { name: 'outcomes', path: '/outcomes', owner: 'reflow', report: true },
    { name: 'register readiness', path: '/register', owner: 'reflow' },
    // Issue 21: requests (the citizen's page holds the treatment plan section), the guarantee's figures.
    { name: 'requests list', path: '/case-requests', owner: 'axe' },
    { name: 'request create', path: '/case-requests/create', owner: 'axe' },
    { name: 'request edit', path: '/case-requests/{case-requests}', owner: 'axe' },
    { name: 'treatment guarantee figures', path: '/guarantee-figures', owner: 'axe' },
    // Issue 22: referrals under free choice (incoming and outgoing on one page).
    { name: 'referrals', path: '/referrals', owner: 'axe' },
    { name: 'referral create', path: '/referrals/create', owner: 'axe' },
    // Free choice (decision 105): the national register of approved providers, read by staff.
    { name: 'providers list', path: '/treatment-providers', owner: 'axe' },
    // Issue 22: hand-overs of citizens who move (incoming and outgoing on one page).
    { name: 'hand-overs', path: '/handovers', owner: 'axe' },
    // Issue 22: emergency access (the staff's openings and a new one; the record under it is audited by emergency-access.spec.ts).
    { name: 'emergency accesses list', path: '/emergency-accesses', owner: 'axe' },
    { name: 'emergency access create', path: '/emergency-accesses/create', owner: 'axe' },
    // Issue 24: personal API tokens (every role's own; the token shown once: api-tokens.spec.ts).
    { name: 'API tokens list', path: '/api-tokens', owner: 'axe' },
    { name: 'API token create', path: '/api-tokens/create', owner: 'axe' },
    // Issue 24: import of a CSV/XLSX (the whole flow, dry run and errors included: imports.spec.ts).
    { name: 'imports list', path: '/imports', owner: 'axe' },
    { name: 'import create', path: '/imports/create', owner: 'axe' },
    { name: 'municipalities list', path: '/municipalities', owner: 'keys' },
    { name: 'centres list', path: '/centres', owner: 'keys' },
    { name: 'programmes list', path: '/programmes', owner: 'keys' },
    { name: 'accessibility statement (in the app)', path: '/tilgaengelighedserklaering', owner: 'theme' },
  ],
  coordinator: [
    { name: 'coordinator dashboard', path: '/coordinator-dashboard', owner: 'reflow' },
    { name: 'groups list', path: '/groups', owner: 'keys' },
    { name: 'HCS course show', path: `/groups/${DEMO_IDS.groups.odense.hcsCourse}/show`, owner: 'reflow' },
    { name: 'SMART group show', path: `/groups/${DEMO_IDS.groups.odense.smartThursday}/show`, owner: 'reflow' },
    { name: 'meetings calendar', path: '/group-meetings', owner: 'reflow' },
    { name: 'volunteers list', path: '/volunteers', owner: 'keys' },
    { name: 'volunteer create', path: '/volunteers/create', owner: 'axe' },
    { name: 'volunteer show', path: '/volunteers/{volunteers}/show', owner: 'keys' },
    { name: 'volunteer edit', path: '/volunteers/{volunteers}', owner: 'axe' },
    { name: 'trainings list', path: '/trainings', owner: 'keys' },
    { name: 'training create', path: '/trainings/create', owner: 'axe' },
    { name: 'training edit', path: '/trainings/{trainings}', owner: 'axe' },
    { name: 'organisations list', path: '/organisations', owner: 'keys' },
    { name: 'organisation create', path: '/organisations/create', owner: 'axe' },
    { name: 'organisation edit', path: '/organisations/{organisations}', owner: 'axe' },
  ],
  evaluator: [
    { name: 'outcomes', path: '/outcomes', owner: 'reflow', report: true },
    { name: 'export projects list', path: '/export-projects', owner: 'keys' },
    { name: 'export project create', path: '/export-projects/create', owner: 'axe' },
    { name: 'export project show', path: '/export-projects/{export-projects}/show', owner: 'axe' },
    { name: 'export project edit', path: '/export-projects/{export-projects}', owner: 'axe' },
    { name: 'grants list', path: '/evaluator-grants', owner: 'keys' },
  ],
  admin: [
    { name: 'users list', path: '/users', owner: 'keys' },
    { name: 'user create', path: '/users/create', owner: 'axe' },
    { name: 'user edit', path: '/users/{users}', owner: 'axe' },
    { name: 'treatment guarantee figures', path: '/guarantee-figures', owner: 'axe' },
    // Issue 22: the emergency-access review queue (an opening's page with its review: emergency-access.spec.ts).
    { name: 'emergency access review queue', path: '/emergency-accesses', owner: 'axe' },
    { name: 'access log', path: '/access-log', owner: 'keys' },
    // Issue 22: the citizen's access report (GDPR art. 15); the report itself is audited in citizen-access-report.spec.ts.
    { name: 'subject access (art. 15)', path: '/citizen-access-reports', owner: 'axe' },
    { name: 'grants list', path: '/evaluator-grants', owner: 'keys' },
    { name: 'grant create', path: '/evaluator-grants/create', owner: 'axe' },
    { name: 'centres list', path: '/centres', owner: 'keys' },
    { name: 'centre create', path: '/centres/create', owner: 'axe' },
    { name: 'centre edit', path: '/centres/{centres}', owner: 'axe' },
    { name: 'programmes list', path: '/programmes', owner: 'keys' },
    { name: 'programme create', path: '/programmes/create', owner: 'theme' },
    { name: 'programme edit', path: '/programmes/{programmes}', owner: 'theme' },
    { name: 'municipalities list', path: '/municipalities', owner: 'keys' },
    { name: 'municipality edit', path: '/municipalities/{municipalities}', owner: 'axe' },
    // Issue 22: retention (the dry run, the runs).
    { name: 'retention', path: '/retention', owner: 'axe' },
    { name: 'providers list', path: '/treatment-providers', owner: 'axe' },
  ],
  operator: [
    { name: 'programmes list', path: '/programmes', owner: 'keys' },
    { name: 'programme create', path: '/programmes/create', owner: 'theme' },
    { name: 'programme edit', path: '/programmes/{programmes}', owner: 'theme' },
    // Free choice (decision 105): the national register of approved providers, the operator's.
    { name: 'providers list', path: '/treatment-providers', owner: 'axe' },
    { name: 'provider create', path: '/treatment-providers/create', owner: 'axe' },
    { name: 'provider edit', path: '/treatment-providers/{treatment-providers}', owner: 'axe' },
    { name: 'municipalities list', path: '/municipalities', owner: 'keys' },
    { name: 'municipality create', path: '/municipalities/create', owner: 'axe' },
    { name: 'municipality edit', path: '/municipalities/{municipalities}', owner: 'axe' },
    { name: 'centres list', path: '/centres', owner: 'keys' },
    { name: 'access log', path: '/access-log', owner: 'keys' },
  ],
};

/** Pages anyone sees before signing in. */
export const PUBLIC_PAGES: A11yPage[] = [
  { name: 'login', path: '/login', owner: 'theme' },
];

/**
 * The accessibility statement's route outside the layout, which the sign-in page links to (theme
 * builds it: apps/web/src/accessibility/paths.ts); the one inside it is in ROLE_PAGES above.
 */
export const PUBLIC_STATEMENT_PATH = '/was';

/** Fills `{resource}` placeholders with the first record's id that `email` may read. */
export async function resolvePath(path: string, email: string, cache: Map<string, string>): Promise<string> {
  // The operator signs in with its own password, which the API helper does not know; the reference data it
  // opens (programmes, municipalities) is the same rows an Odense admin reads first.
  if (/@national\.test$/.test(email)) return resolvePath(path, 'admin@odense.demo', cache);
  const match = /\{([a-z-]+)\}/.exec(path);
  if (!match) return path;
  const resource = match[1] as ResourceName;
  const key = `${email} ${resource}`;
  let id = cache.get(key);
  if (!id) {
    // The admin's own municipality is the one it may edit; other roles read the first row.
    const rows = await apiGet<{ id: string }[]>(`${resource}?range=${encodeURIComponent('[0,0]')}`, email);
    const first = rows[0];
    if (!first) throw new Error(`${email} can read no ${resource}: the demo data should hold one`);
    id = first.id;
    cache.set(key, id);
  }
  return path.replace(match[0], id);
}

/** Chooses HCS in the outcomes page's programme filter and waits for its report (the demo case is an HCS enrolment). */
export async function showHcsOutcomes(page: Page): Promise<void> {
  await page.getByTestId('outcome-filters').waitFor();
  await page.getByRole('combobox', { name: /^(Program|Programme)$/ }).click();
  await page.getByRole('option', { name: /^HCS/ }).click();
  await page.locator('[data-testid="outcome-report"], [data-testid="outcome-error"]').first().waitFor();
}
