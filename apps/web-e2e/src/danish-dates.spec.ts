import { mkdirSync } from 'node:fs';
import type { Citizen, Enrolment, EvaluatorGrant, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { apiDelete, apiGet, apiPost, listQuery } from './support/api';
import { freshCpr } from './support/a11y-data';
import { signIn } from './support/auth';
import { baseUrl, openBrowser, screenshot, uniqueSuffix } from './support/browser';

const SHOTS = '/tmp/shots/people';

/** Chromium as a user with an English (United States) browser: `<input type="date">` would show mm/dd/yyyy here. */
const englishBrowser = () => openBrowser({ locale: 'en-US' });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  await screenshot(page, name);
}

/** A day `days` from now in Danish time, as written by hand: ISO and the Danish d.m.yyyy. */
function dayFromNow(days: number): { iso: string; danish: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
  const [y, m, d] = parts.split('-');
  return { iso: parts, danish: `${Number(d)}.${Number(m)}.${y}` };
}

const DANISH_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;
const DANISH_MOMENT = /^\d{1,2}\.\d{1,2}\.\d{4} \d{2}\.\d{2}$/;

describe('Danish dates in an English browser', () => {
  let browser: Awaited<ReturnType<typeof englishBrowser>>;

  beforeEach(async () => {
    browser = await englishBrowser();
  });

  afterEach(async () => {
    await browser.close();
  });

  it('shows and takes dd.mm.yyyy in a form, refuses a day that does not exist in Danish, and saves ISO', async () => {
    const { page, pageErrors } = browser;
    const admin = demoEmail('admin', 'odense');
    const purpose = `Datoformat ${uniqueSuffix()}`;
    const until = dayFromNow(30);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');

    await signIn(page, admin);
    await page.goto(`${baseUrl()}/#/evaluator-grants/create`);
    const from = page.getByRole('textbox', { name: 'Fra' });
    await from.waitFor();
    // Not the browser's date input: a text box in the Danish format, with today's date by default.
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.inputValue()).toMatch(DANISH_DATE);
    expect(await from.inputValue()).toBe(dayFromNow(0).danish);

    await page.getByRole('textbox', { name: 'Evaluator (e-mail)' }).fill(demoEmail('evaluator', 'aarhus'));
    await page.getByRole('textbox', { name: 'Formål' }).fill(purpose);
    const to = page.getByRole('textbox', { name: 'Til og med' });
    expect(await to.getAttribute('placeholder')).toBe('dd.mm.åååå');
    await to.fill('31.2.2027');
    await to.blur();
    await page.getByText('Skriv datoen som dag.måned.år, f.eks. 5.12.2026').waitFor();
    await page.getByRole('button', { name: 'Gem' }).click();
    await shot(page, 'danish-date-input-refused');
    expect(page.url()).toContain('/evaluator-grants/create');

    await to.fill(until.danish.replace(/^(\d)\./, '0$1.'));
    await to.blur();
    expect(await to.inputValue()).toBe(until.danish);
    await shot(page, 'danish-date-input-typed');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Elementet er oprettet').waitFor();

    const [grant] = await apiGet<EvaluatorGrant[]>(`evaluator-grants${listQuery({ q: purpose })}`, admin);
    expect(grant?.validUntil).toBe(until.iso);
    // The list shows the same date the same way.
    const row = page.locator('tbody tr', { hasText: purpose });
    await row.getByText(until.danish, { exact: true }).waitFor();
    await shot(page, 'danish-dates-grant-list');
    // Revoked again: the grant was only for the date box, and grants.spec starts from Aarhus's evaluator without one.
    await apiDelete<EvaluatorGrant>(`evaluator-grants/${grant?.id ?? ''}`, admin);
    expect(pageErrors).toEqual([]);
  });

  it('filters the access log by a Danish date and shows every moment as 5.12.2026 10.46', async () => {
    const { page, pageErrors } = browser;
    const today = dayFromNow(0);
    await signIn(page, demoEmail('admin', 'aarhus'));
    await page.goto(`${baseUrl()}/#/access-log`);
    const fromBox = page.getByRole('textbox', { name: 'Fra dato' });
    await fromBox.waitFor();
    // Text that is no date stays in the box with a Danish message; the list is not asked with it.
    await fromBox.fill('40.13.2026');
    await fromBox.blur();
    await page.getByText('Skriv datoen som dag.måned.år, f.eks. 5.12.2026').waitFor();
    expect(decodeURIComponent(page.url())).not.toContain('40.13');
    await fromBox.fill(today.danish);
    await page.waitForURL((url) => decodeURIComponent(url.toString()).includes(`"at_gte":"${today.iso}"`));
    const times = page.locator('tbody tr td:first-child');
    await times.first().waitFor();
    const shown = await times.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text).toMatch(DANISH_MOMENT);
    expect(shown[0]?.startsWith(`${today.danish} `)).toBe(true);
    expect(await page.getByText(/must be|Invalid/).count()).toBe(0);
    await shot(page, 'danish-dates-access-log');
    expect(pageErrors).toEqual([]);
  });

  it('lists the sessions of the chosen days, the last day included', async () => {
    const { page, pageErrors } = browser;
    const staff = demoEmail('staff', 'aarhus');
    const day = dayFromNow(-3);
    const dayBefore = dayFromNow(-4);
    const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Dato${uniqueSuffix()}`, lastName: 'Filter' }, staff);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: dayFromNow(-10).iso }, staff);
    const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: dayFromNow(-9).iso, version: referred.version }, staff);
    // Midday in Denmark on that day (10.00 UTC is 11.00 or 12.00 there).
    await apiPost<TreatmentSession>('sessions', { enrolmentId: enrolment.id, startsAt: `${day.iso}T10:00:00.000Z`, durationMinutes: 45, kind: 'individual-session', attendance: 'attended' }, staff);
    await signIn(page, staff);
    // From and to the same day, as a user who picked both: that day's session is in the list. Sent
    // as the bare day, "to" meant midnight at its start and the list was empty.
    await page.goto(`${baseUrl()}/#/sessions${listQuery({ citizenId: citizen.id, startsAt_gte: day.iso, startsAt_lte: day.iso })}`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect((await rows.first().textContent()) ?? '').toContain(`${day.danish} `);
    await shot(page, 'danish-dates-sessions-to-day');
    // "Til dato" the day before: no session.
    const toBox = page.getByRole('textbox', { name: 'Til dato' });
    await toBox.fill(dayBefore.danish);
    await toBox.blur();
    await page.waitForURL((url) => decodeURIComponent(url.toString()).includes(`"startsAt_lte":"${dayBefore.iso}"`));
    await page.getByText(/^Ingen samtaler fundet/).first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('shows and takes a session’s date and time as 5.12.2026 10.45', async () => {
    const { page, pageErrors } = browser;
    await signIn(page, demoEmail('staff', 'aarhus'));
    await page.goto(`${baseUrl()}/#/sessions/create`);
    const when = page.getByRole('textbox', { name: 'Tidspunkt' });
    await when.waitFor();
    expect(await when.getAttribute('type')).toBe('text');
    // Now, by default, in the app's format.
    expect(await when.inputValue()).toMatch(DANISH_MOMENT);
    await when.fill('5.12.2026 kl. 9:05');
    await when.blur();
    expect(await when.inputValue()).toBe('5.12.2026 09.05');
    await when.fill('5.12.2026');
    await when.blur();
    await page.getByText('Skriv dato og klokkeslæt som dag.måned.år time.minut, f.eks. 5.12.2026 10.45').waitFor();
    await shot(page, 'danish-datetime-input');
    expect(pageErrors).toEqual([]);
  });
});
