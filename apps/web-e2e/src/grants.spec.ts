import type { EvaluatorGrant } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiStatus, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';

// Issue #17: an evaluator reaches another municipality's data only by a grant from that
// municipality's admin, who can revoke it; the evaluator loses access at once.
describe('evaluator grants, as the data owner’s admin makes and revokes them', () => {
  let browser: OpenBrowser;
  const admin = demoEmail('admin', 'odense');
  const evaluator = demoEmail('evaluator', 'aarhus');
  const odenseReport = `outcomes/report?programmeId=${DEMO_IDS.programmes.hcs}&municipalityId=${DEMO_IDS.municipalities.odense}&from=2020-01-01&to=2030-12-31`;

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('grants Odense’s data to Aarhus’s evaluator for a purpose, then revokes it', async () => {
    const { page } = browser;
    const purpose = `Tværkommunal evaluering af HCS ${uniqueSuffix()}`;
    expect(await apiStatus(odenseReport, evaluator)).toBe(403);

    await page.getByRole('menuitem', { name: 'Evaluatoradgange' }).click();
    await page.getByText('En anden kommunes evaluator må kun læse').waitFor();
    await page.getByRole('link', { name: 'Opret' }).click();
    await page.getByRole('textbox', { name: 'Evaluator (e-mail)' }).fill('staff@aarhus.demo');
    await page.getByRole('textbox', { name: 'Formål' }).fill(purpose);
    await page.getByRole('button', { name: 'Gem' }).click();
    // A colleague who is not an evaluator cannot be granted anything: the API's reason beside the field.
    await page.locator('.ra-input-evaluatorEmail').getByText('Ingen aktiv evaluator har denne e-mailadresse').waitFor();
    await page.getByRole('textbox', { name: 'Evaluator (e-mail)' }).fill(evaluator);
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Elementet er oprettet').waitFor();

    const row = page.locator('tbody tr', { hasText: purpose });
    await row.getByText('Aktiv', { exact: true }).waitFor();
    await row.getByText('Aarhus', { exact: true }).waitFor();
    await screenshot(page, 'grants-active');
    const [grant] = await apiGet<EvaluatorGrant[]>(`evaluator-grants${listQuery({ q: purpose })}`, admin);
    expect(grant).toMatchObject({ evaluatorEmail: evaluator, municipalityId: DEMO_IDS.municipalities.odense, status: 'active' });
    // Both sides see it, and the evaluator now reads Odense's figures (with disclosure control).
    expect((await apiGet<EvaluatorGrant[]>(`evaluator-grants${listQuery({ q: purpose })}`, demoEmail('admin', 'aarhus'))).map((g) => g.id)).toEqual([grant?.id]);
    expect(await apiStatus(odenseReport, evaluator)).toBe(200);

    await row.getByRole('button', { name: 'Tilbagekald' }).click();
    await page.getByText('Evaluatoren mister straks adgangen').waitFor();
    await screenshot(page, 'grants-revoke-confirm');
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Adgangen er tilbagekaldt').waitFor();
    await row.getByText('Tilbagekaldt', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: 'Tilbagekald' }).count()).toBe(0);
    expect(await apiStatus(odenseReport, evaluator)).toBe(403);
    await screenshot(page, 'grants-revoked');
    expect(browser.pageErrors).toEqual([]);
  });
});
