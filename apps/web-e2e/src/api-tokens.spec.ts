import type { ApiToken } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { expectNoAxeViolations, settle } from './support/a11y';
import { apiGet } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, recordFailedResponses, screenshot, uniqueSuffix } from './support/browser';

/**
 * Personal API tokens (issue 24) as a user meets them: Aarhus's evaluator makes a token on "API-nøgler"
 * for reading exports, sees it once, uses it from a script (here: fetch with the bearer) for what it
 * may and is refused what it may not, revokes it, and the script is refused after. What each page and
 * answer must show is written here by hand.
 */

const EVALUATOR = demoEmail('evaluator', 'aarhus');
const ADMIN = demoEmail('admin', 'aarhus');

const withToken = async (method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: { code?: string; errors?: Record<string, string> } }> => {
  const res = await fetch(`${baseUrl()}/api/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { code?: string; errors?: Record<string, string> } };
};

describe('a personal API token, from making it to revoking it', () => {
  let browser: OpenBrowser;
  const failed: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    await browser.page.setViewportSize({ width: 1280, height: 900 });
    recordFailedResponses(browser.page, failed);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is shown once, works within its scope, is refused outside it, and is refused after it is revoked', async () => {
    const { page } = browser;
    const purpose = `Månedligt udtræk til R ${uniqueSuffix()}`;
    await signIn(page, EVALUATOR);
    await page.getByRole('menuitem', { name: 'API-nøgler' }).click();
    await page.getByText(/lader et script \(R, Python\) kalde API’et som dig/).first().waitFor();
    await page.getByRole('link', { name: 'Opret' }).click();
    await page.getByRole('textbox', { name: 'Formål' }).fill(purpose);
    await page.getByRole('spinbutton', { name: 'Gælder i (dage)' }).fill('30');
    // The choices are the evaluator's own permissions; citizens are not among them.
    expect(await page.getByRole('checkbox', { name: /\(citizens:/ }).count()).toBe(0);
    await page.getByRole('checkbox', { name: /\(export-projects:list\)$/ }).check();
    await page.getByRole('checkbox', { name: /\(export-jobs:read\)$/ }).check();
    await settle(page);
    await screenshot(page, 'api-token-create');
    await expectNoAxeViolations(page, 'a new API token');
    await page.getByRole('button', { name: 'Gem' }).click();

    // Shown once, with the warning and a copy button.
    const dialog = page.getByRole('dialog', { name: 'Din nye API-nøgle' });
    await dialog.getByText('Den vises kun denne ene gang').waitFor();
    await dialog.getByRole('button', { name: 'Kopiér' }).waitFor();
    const token = (await dialog.getByTestId('api-token-secret').textContent())?.trim() ?? '';
    expect(token).toMatch(/^otk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    await settle(page);
    await screenshot(page, 'api-token-shown-once');
    await expectNoAxeViolations(page, 'the token shown once');
    await dialog.getByRole('button', { name: 'Jeg har kopieret den' }).click();

    // The list: the token's prefix, never the token.
    const row = page.locator('tbody tr', { hasText: purpose });
    await row.getByText('Aktiv', { exact: true }).waitFor();
    await row.getByText(token.slice(0, 12), { exact: true }).waitFor();
    expect(await page.content()).not.toContain(token);

    // A script with the token: allowed within its scope, refused outside it (naming what is missing).
    expect((await withToken('GET', 'export-projects', token)).status).toBe(200);
    const refused = await withToken('POST', 'export-projects', token, { name: 'Ikke tilladt' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TOKEN_SCOPE');
    expect(refused.body.errors?.['scope']).toContain('export-projects:create');
    // The municipality's admin sees the evaluator's token too (to revoke it).
    expect((await apiGet<ApiToken[]>('api-tokens', ADMIN)).map((t) => t.purpose)).toContain(purpose);

    // Its last use shows after a reload.
    await page.reload();
    await row.getByText('Aktiv', { exact: true }).waitFor();
    expect((await row.textContent()) ?? '').toMatch(/\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}\.\d{2}.*\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}\.\d{2}.*\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}\.\d{2}/);
    await settle(page);
    await screenshot(page, 'api-tokens-list');
    await expectNoAxeViolations(page, 'the API tokens');

    await row.getByRole('button', { name: 'Tilbagekald' }).click();
    await page.getByText('Scripts, der bruger den, afvises straks').waitFor();
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Nøglen er tilbagekaldt').waitFor();
    await row.getByText('Tilbagekaldt', { exact: true }).waitFor();
    const after = await withToken('GET', 'export-projects', token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_REVOKED');
    await screenshot(page, 'api-tokens-revoked');
    expect(browser.pageErrors).toEqual([]);
    expect(failed.filter((f) => !f.includes('/api/api-tokens'))).toEqual([]);
  });
});
