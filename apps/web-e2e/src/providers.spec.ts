import type { CaseRequest, Citizen, Referral, TreatmentProvider } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { freshCpr } from './support/a11y-data';
import { expectNoAxeViolations } from './support/a11y';
import { apiGet, apiPost } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, pickOption, recordFailedResponses, screenshot } from './support/browser';
import { danishDaysFromToday, typedDanish } from './support/dates';
import { createOperator, OPERATOR_PASSWORD } from './support/operator';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

describe('free choice of an approved private provider (decision 105)', () => {
  let browser: OpenBrowser;
  const failed: string[] = [];

  beforeAll(async () => {
    browser = await openBrowser();
    recordFailedResponses(browser.page, failed);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'the operator adds a provider to the national register; staff refer a citizen to it and record its answer',
    async () => {
      const { page } = browser;
      const name = `Privat Behandling ${letters(6)} ApS`;
      const today = danishDaysFromToday(0);

      // The national operator: "Behandlingssteder", a new approved provider.
      await signIn(page, createOperator(), OPERATOR_PASSWORD);
      await page.getByRole('menuitem', { name: 'Behandlingssteder' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/treatment-providers'));
      await page.getByRole('link', { name: 'Opret' }).click();
      await page.getByRole('textbox', { name: 'Navn' }).fill(name);
      // A CVR number failing its check is refused in the form (12345678: 2+14+18+20+20+18+14+8 = 114, not a multiple of 11).
      await page.getByRole('textbox', { name: 'CVR-nummer' }).fill('12345678');
      await page.getByRole('textbox', { name: 'Kommunekode' }).fill('751');
      await page.getByRole('textbox', { name: 'Adresse' }).fill('Prøvevej 12, 8000 Aarhus C');
      await page.getByRole('textbox', { name: 'Godkendt af' }).fill('Socialtilsyn Midt');
      await page.getByRole('textbox', { name: 'Godkendelsens journalnummer' }).fill('ST-MIDT-2026-0042');
      await page.getByRole('textbox', { name: 'Godkendt fra' }).fill(typedDanish(danishDaysFromToday(-30)));
      await pickOption(page, 'Behandlingsform', 'Dagbehandling');
      await page.getByRole('button', { name: 'Gem' }).click();
      await screenshot(page, 'providers-cvr-check');
      await page.getByText('CVR-nummeret findes ikke (kontrolcifferet passer ikke)').waitFor();
      // 23456788: 4+21+24+25+24+21+16+8 = 143 = 11 * 13.
      await page.getByRole('textbox', { name: 'CVR-nummer' }).fill('23456788');
      await expectNoAxeViolations(page, 'new provider');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.waitForFunction(() => /^#\/treatment-providers\/?(\?.*)?$/.test(document.location.hash));
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText('Godkendt', { exact: true }).waitFor();
      await row.getByText('Dagbehandling').waitFor();
      await screenshot(page, 'providers-operator-list');
      await signOut(page);

      const [provider] = (await apiGet<TreatmentProvider[]>(`treatment-providers?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`, AARHUS_STAFF));
      expect(provider).toMatchObject({ name, cvr: '23456788', kind: 'day', municipalityCode: '751', approvedBy: 'Socialtilsyn Midt', approvedUntil: null });

      // Staff in Aarhus: from the request's page, a referral to the new provider.
      const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Privat${letters(5)}`, lastName: `Valg${letters(6)}` }, AARHUS_STAFF);
      const fullName = `${citizen.firstName} ${citizen.lastName}`;
      const request = await apiPost<CaseRequest>('case-requests', { citizenId: citizen.id, requestedOn: danishDaysFromToday(-2), channel: 'phone' }, AARHUS_STAFF);
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/case-requests/${request.id}`);
      await page.getByTestId('request-refer').waitFor().catch(async (error: unknown) => {
        await screenshot(page, 'providers-request-page');
        throw new Error(`${String(error)}; page errors: ${browser.pageErrors.join(' | ')}`);
      });
      await page.getByTestId('request-refer').click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/referrals/create'));
      await page.getByRole('link', { name: fullName }).waitFor();
      await page.getByRole('radio', { name: 'Et godkendt privat behandlingssted' }).check();
      // The lapsed demo provider is not offered; the new one is.
      await page.getByRole('combobox', { name: 'Godkendt privat behandlingssted' }).click();
      expect(await page.getByRole('option', { name: /godkendelse udløbet/ }).count()).toBe(0);
      await page.getByRole('option', { name: `${name} (Dagbehandling, Socialtilsyn Midt)` }).click();
      await page.getByRole('textbox', { name: 'Borgerens eget valg af stedet (dato)' }).fill(typedDanish(today));
      await expectNoAxeViolations(page, 'new referral to a provider');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/referrals'));
      const card = page.getByTestId('referrals-outgoing').getByTestId('referral-outgoing').filter({ hasText: fullName });
      await card.getByText(`Til: ${name} (godkendt privat behandlingssted)`).waitFor();
      await card.getByText('Afventer svar').waitFor();

      // The provider has no users: staff record its answer.
      await card.getByTestId('provider-record-answer').click();
      const dialog = page.getByRole('dialog', { name: 'Behandlingsstedets svar' });
      await dialog.getByTestId('provider-answered-on').locator('input').fill(today);
      await expectNoAxeViolations(page, 'provider answer dialog');
      await dialog.getByTestId('provider-answer-confirm').click();
      await page.getByText('Svaret er registreret').waitFor();
      const answered = page.getByTestId('referrals-outgoing').getByTestId('referral-outgoing').filter({ hasText: fullName });
      await answered.getByText('Modtaget').waitFor();
      await answered.getByText(`Optaget hos stedet ${Number(today.slice(8, 10))}.${Number(today.slice(5, 7))}.${today.slice(0, 4)}`).waitFor();
      await answered.getByTestId('provider-record-outcome').waitFor();
      await screenshot(page, 'providers-referral-answered');

      const [stored] = (await apiGet<Referral[]>(`referrals?filter=${encodeURIComponent(JSON.stringify({ caseRequestId: request.id }))}`, AARHUS_STAFF));
      expect(stored).toMatchObject({ providerId: provider?.id, toCentreId: null, state: 'accepted', answeredOn: today, citizenChoiceOn: today });
      expect(failed.filter((f) => !f.startsWith('400 POST /api/treatment-providers'))).toEqual([]);
    },
    180_000,
  );
});
