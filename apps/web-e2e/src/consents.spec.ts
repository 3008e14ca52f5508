import type { Citizen, CitizenConsents } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { expectNoAxeViolations, trackRequests } from './support/a11y';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { danishToday } from './support/dates';

const STAFF = demoEmail('staff', 'aarhus');
/** "2026-12-06" as the pages show it: 6.12.2026. */
const shown = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}.${m}.${y}`;
};

/**
 * Consent by purpose on the citizen page (issue 22): a staff member records that the citizen gives
 * their consent to evaluation, then that they withdraw it; the page shows each state with its date and
 * who recorded it, keeps both in the history, and the API agrees.
 */
describe('consent by purpose on the citizen page', () => {
  let browser: OpenBrowser;
  let citizen: Citizen;

  beforeAll(async () => {
    citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Samtykke${uniqueSuffix()}`, lastName: 'Formål' }, STAFF);
    browser = await openBrowser();
    trackRequests(browser.page);
    await signIn(browser.page, STAFF);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('records a consent given, then its withdrawal, with date and who, and keeps both', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
    const panel = page.getByRole('region', { name: 'Samtykker' });
    const evaluation = panel.getByTestId('consent-evaluation');
    await evaluation.getByText('Ikke spurgt', { exact: true }).waitFor();
    await evaluation.getByText('Ikke spurgt: kommer med i evalueringsdata (kommunens indstilling)').waitFor();
    await panel.getByText('Ingen samtykker registreret endnu.').waitFor();
    // The parents' purpose is not offered to an adult.
    expect(await panel.getByTestId('consent-parents').getByText('Kun for borgere under 18 år').count()).toBe(1);
    expect(await panel.getByTestId('consent-parents').getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'citizen page with consents');

    // Given today.
    await panel.getByRole('button', { name: 'Registrér givet: Evaluering' }).click();
    const form = panel.getByRole('form', { name: 'Evaluering: Givet' });
    expect(await form.getByRole('textbox', { name: 'Hvornår (dato)' }).inputValue()).toBe(shown(danishToday()));
    await expectNoAxeViolations(page, 'citizen page, consent form open');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Samtykket er registreret').first().waitFor();
    await panel.getByTestId('consent-evaluation-state').getByText('Givet', { exact: true }).waitFor();
    expect(await evaluation.textContent()).toContain(shown(danishToday()));
    expect(await evaluation.textContent()).toContain('Behandler (Aarhus)');
    await screenshot(page, 'consents-given');

    // Withdrawn today: the button now offers only the withdrawal.
    expect(await evaluation.getByRole('button', { name: 'Registrér givet: Evaluering' }).count()).toBe(0);
    await evaluation.getByRole('button', { name: 'Tilbagekald: Evaluering' }).click();
    await panel.getByRole('form', { name: 'Evaluering: Tilbagekaldt' }).getByRole('button', { name: 'Gem' }).click();
    await panel.getByTestId('consent-evaluation-state').getByText('Tilbagekaldt', { exact: true }).waitFor();

    // Both entries stay, newest first.
    await panel.getByRole('button', { name: 'Historik (2)' }).click();
    const history = panel.getByTestId('consents-history').locator('li');
    expect(await history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('Evaluering: Tilbagekaldt');
    expect(await history.nth(1).textContent()).toContain('Evaluering: Givet');
    await screenshot(page, 'consents-withdrawn');
    await expectNoAxeViolations(page, 'citizen page with a withdrawn consent and its history');

    const consents = await apiGet<CitizenConsents>(`citizens/${citizen.id}/consents`, STAFF);
    expect(consents.purposes.find((p) => p.purpose === 'evaluation')).toMatchObject({ state: 'withdrawn', latest: { entry: 2, onDate: danishToday() } });
    expect(consents.history.map((h) => h.event)).toEqual(['withdrawn', 'given']);
  });

  it('warns at the top when sharing with the job centre is refused, in English too', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
    const panel = page.getByRole('region', { name: 'Samtykker' });
    await panel.getByRole('button', { name: 'Registrér afvist: Deling med jobcentret' }).click();
    await panel.getByRole('form', { name: 'Deling med jobcentret: Afvist' }).getByRole('button', { name: 'Gem' }).click();
    await panel.getByTestId('consents-no-sharing').getByText('Må ikke deles med: Deling med jobcentret').waitFor();

    await page.getByRole('button', { name: 'Dansk' }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'English' }).first().waitFor();
    const english = page.getByRole('region', { name: 'Consents' });
    await english.getByTestId('consents-no-sharing').getByText('Must not be shared with: Sharing with the job centre').waitFor();
    await english.getByTestId('consent-evaluation-state').getByText('Withdrawn', { exact: true }).waitFor();
    await english.getByRole('button', { name: 'Record given: Evaluation' }).waitFor();
    await screenshot(page, 'consents-en');
    await expectNoAxeViolations(page, 'citizen page with consents, in English');
  });
});
