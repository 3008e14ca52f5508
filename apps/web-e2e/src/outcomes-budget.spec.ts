import type { OutcomeReport, ReportBudget, User } from '@outcomes/contracts';
import { DEMO_IDS, DEMO_PASSWORD, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';

const ODENSE_ADMIN = demoEmail('admin', 'odense');
/** The test stack's budget: REPORT_QUERY_BUDGET's default (docs/disclosure.md). */
const BUDGET = 200;

/** Three whole months starting `offset` months after January 2000: a distinct report query each. */
function distinctQuery(offset: number): string {
  const first = new Date(Date.UTC(2000, offset, 1));
  const last = new Date(Date.UTC(2000, offset + 3, 0));
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  return new URLSearchParams({ programmeId: DEMO_IDS.programmes.move, municipalityId: DEMO_IDS.municipalities.odense, from: day(first), to: day(last) }).toString();
}

describe('an evaluator’s daily budget of report queries', () => {
  let browser: OpenBrowser;
  let evaluator: string;

  beforeAll(async () => {
    // A fresh evaluator of Odense, so the demo evaluator's budget is left for the other specs.
    evaluator = `budget-${uniqueSuffix()}@odense.demo`;
    await apiPost<User>('users', { email: evaluator, displayName: 'Budget Evaluator', role: 'evaluator', password: DEMO_PASSWORD, active: true }, ODENSE_ADMIN);
    // The day's budget spent through the API, as a script would: 200 distinct questions.
    for (let i = 0; i < BUDGET; i++) {
      const report = await apiGet<OutcomeReport>(`outcomes/report?${distinctQuery(i)}`, evaluator);
      if (!report.disclosureControlled) throw new Error('an evaluator’s report came back exact');
    }
    const budget = await apiGet<ReportBudget>('outcomes/budget', evaluator);
    if (budget.used !== BUDGET) throw new Error(`expected the budget spent, found ${budget.used} of ${budget.limit}`);
    browser = await openBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('says in Danish, on the page, that the day’s queries are spent, and shows 200 af 200', async () => {
    const { page } = browser;
    await signIn(page, evaluator);
    await page.getByRole('menuitem', { name: 'Resultater' }).click();
    await page.getByTestId('outcome-filters').waitFor();
    await page.getByLabel('Henvist fra').fill('2025-02');
    await page.getByLabel('Henvist til og med').fill('2025-04');
    await page.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /^MOVE/ }).click();
    const refusal = page.getByTestId('outcome-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Du har brugt dagens forespørgsler\. En evaluator kan bede om et begrænset antal forskellige opgørelser pr\. dag/);
    expect(await page.getByTestId('outcome-report').count()).toBe(0);
    expect((await page.getByTestId('report-budget').textContent())?.startsWith(`${BUDGET} af ${BUDGET} forespørgsler i dag`)).toBe(true);
    await screenshot(page, 'outcomes-evaluator-budget-spent');
    // A question already asked today is answered: it costs nothing and gives the same figures.
    const repeat = await apiGet<OutcomeReport>(`outcomes/report?${distinctQuery(0)}`, evaluator);
    expect(repeat.budget).toMatchObject({ used: BUDGET, limit: BUDGET });
    expect(browser.pageErrors).toEqual([]);
  });
});
