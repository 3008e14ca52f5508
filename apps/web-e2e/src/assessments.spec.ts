import type { Assessment, Citizen, Enrolment, FollowUpAttempt, WorklistItem } from '@outcomes/contracts';
import { ASI_INTAKE_EXAMPLE, DEMO_IDS, demoEmail } from '@outcomes/seeds';
import type { Locator, Page } from 'playwright-core';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';
import { danishMonthsFromToday } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');

const randomLetters = (n: number): string =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** Today (the Danish date, as the API counts) moved by whole months. */
const monthsFromToday = (months: number): string => danishMonthsFromToday(months);

/**
 * The clock is not faked: the enrolment lies in the past instead. Referred and started nine months
 * ago, completed six months ago, so its 6-month follow-up falls due about today (its 3-month one is overdue).
 */
async function completedHcsEnrolment(): Promise<{ citizen: Citizen; enrolment: Enrolment; name: string; started: string; ended: string }> {
  const firstName = `As${randomLetters(6)}`;
  const lastName = `Iversen${randomLetters(5)}`;
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const citizen = await apiPost<Citizen>('citizens', { cpr: `1203854${serial}`, firstName, lastName }, AARHUS_STAFF);
  const started = monthsFromToday(-9);
  const ended = monthsFromToday(-6);
  const referred = await apiPost<Enrolment>(
    'enrolments',
    { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.hcs, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: started },
    AARHUS_STAFF,
  );
  const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: started, version: referred.version }, AARHUS_STAFF);
  const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'completed', date: ended, endStatus: 'drug_free', version: active.version }, AARHUS_STAFF);
  return { citizen, enrolment, name: `${firstName} ${lastName}`, started, ended };
}

/** The intake answers: seeds' worked example, the API test's vector too (apps/api/test/assessments.e2e-spec.ts). */
const INTAKE: Record<string, number | string> = { ...ASI_INTAKE_EXAMPLE };

const TYPED = /^(M6|E11|E12|E17|D1|D2|D26|D23|D3|D4|D5|D6|D7|D8|D9|D10|D11|D12|D13|D27|L27|F30|P11)$/;
const YES_NO = /^(E4|E5|L24|P\d+)$/;
const RELATIONSHIPS = /^F(1[89]|2[0-6])$/;

/** The button that gives an item its answer, by the label the staff member sees. */
function answerLabel(code: string, answer: number | string): string {
  if (code === 'F3') return { no: 'Nej', indifferent: 'Ligeglad', yes: 'Ja' }[answer as string] as string;
  if (RELATIONSHIPS.test(code)) return answer === 'N' ? 'Har ingen' : answer === 1 ? 'Ja' : 'Nej';
  if (YES_NO.test(code) && !/^P1[123]$/.test(code)) return answer === 1 ? 'Ja' : 'Nej';
  return String(answer);
}

const item = (page: Page, code: string): Locator => page.getByTestId(`asi-item-${code}`);

async function answer(page: Page, code: string, value: number | string): Promise<void> {
  if (TYPED.test(code)) await item(page, code).getByRole('textbox').fill(String(value));
  else await item(page, code).getByRole('button', { name: answerLabel(code, value), exact: true }).click();
}

const composite = (page: Page, domain: string): Locator => page.getByTestId(`composite-${domain}`).getByTestId('composite-value');

describe('ASI assessments, the chart and the worklist', () => {
  let browser: OpenBrowser;
  let setup: Awaited<ReturnType<typeof completedHcsEnrolment>>;

  beforeAll(async () => {
    setup = await completedHcsEnrolment();
    // A second interview, at the end of the programme, so that the chart has a line to draw.
    const better = Object.fromEntries(Object.entries(INTAKE).map(([code, value]) => [code, typeof value === 'number' && !/^(E4|E12)$/.test(code) ? Math.floor(value / 2) : value]));
    await apiPost<Assessment>('assessments', { enrolmentId: setup.enrolment.id, timepoint: 'end', date: setup.ended, items: better }, AARHUS_STAFF);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'fills an intake interview with a live preview, saves it, shows the composites over time on the citizen page, and edits it',
    async () => {
      const { page } = browser;
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/citizens/${setup.citizen.id}/show`);
      const section = page.getByTestId('citizen-assessments');
      await section.getByRole('link', { name: 'Registrér ASI' }).click();

      // The citizen is given; the enrolment is chosen among theirs.
      await page.getByTestId('composite-preview').waitFor();
      await page.getByRole('combobox', { name: 'Forløb' }).click();
      await page.getByRole('option', { name: new RegExp(setup.name) }).click();
      await page.locator('input[name="date"]').fill(setup.started);

      // Nothing answered: every composite is absent, naming what it misses.
      expect(await composite(page, 'medical').innerText()).toBe('—');
      await page.getByTestId('composite-medical').getByText('Mangler: M6, M7, M8').waitFor();

      // Medical: 9/90 + 3/12 + 2/12; one more day with problems moves it.
      for (const code of ['M6', 'M7', 'M8']) await answer(page, code, INTAKE[code] as number);
      await page.getByTestId('composite-medical').getByText('0,517').waitFor();
      await answer(page, 'M6', 18);
      await page.getByTestId('composite-medical').getByText('0,617').waitFor();
      await screenshot(page, 'asi-form-top');

      // An out-of-range item says its rule at once, and the preview treats it as missing.
      await answer(page, 'M6', 31);
      await item(page, 'M6').getByText('Et helt antal dage fra 0 til 30').waitFor();
      expect(await composite(page, 'medical').innerText()).toBe('—');
      await answer(page, 'M6', 9);
      await page.getByTestId('composite-medical').getByText('0,517').waitFor();
      expect(await item(page, 'M6').getByText('Et helt antal dage fra 0 til 30').count()).toBe(0);

      for (const [code, value] of Object.entries(INTAKE)) {
        if (!/^M[678]$/.test(code)) await answer(page, code, value);
      }
      // Drug: (2 + 10 + 1 + 5)/390 + 2/52 + 3/52; cocaine and cannabis days: not drug-free.
      await page.getByTestId('composite-drug').getByText('0,142').waitFor();
      for (const domain of ['employment', 'alcohol', 'legal', 'family', 'psychiatric']) {
        expect(await composite(page, domain).innerText()).toMatch(/^-?\d,\d{3}$/);
      }
      expect(await page.getByTestId('drug-free-value').innerText()).toBe('Nej');
      await item(page, 'D8').scrollIntoViewIfNeeded();
      await screenshot(page, 'asi-form-preview');

      await page.getByRole('button', { name: 'Gem' }).click();
      await page.waitForURL(new RegExp(`#/citizens/${setup.citizen.id}/show`));
      await page.getByTestId('composite-chart').locator('svg').first().waitFor();
      await section.getByTestId('assessment-row').nth(1).waitFor();
      expect(await section.getByTestId('assessment-row').first().innerText()).toContain('Indskrivning');
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'asi-citizen-chart');

      const stored = await apiGet<Assessment[]>(`assessments${listQuery({ enrolmentId: setup.enrolment.id, timepoint: 'intake' })}`, AARHUS_STAFF);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.composites.medical).toBeCloseTo(9 / 90 + 3 / 12 + 2 / 12, 12);
      expect(stored[0]).toMatchObject({ date: setup.started, drugFree: false, missing: {} });

      // An edit starts from the stored answers and is scored again.
      await section.getByTestId('assessment-row').first().getByRole('link', { name: 'Redigér' }).click();
      await page.getByTestId('composite-medical').getByText('0,517').waitFor();
      expect(await item(page, 'E12').getByRole('textbox').inputValue()).toBe('8000');
      expect(await item(page, 'F19').getByRole('button', { name: 'Har ingen' }).getAttribute('aria-pressed')).toBe('true');
      await answer(page, 'M6', 18);
      await page.getByTestId('composite-medical').getByText('0,617').waitFor();
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.waitForURL(new RegExp(`#/citizens/${setup.citizen.id}/show`));
      await section.getByTestId('assessment-row').first().getByText('0,617').waitFor();
      const edited = await apiGet<Assessment>(`assessments/${stored[0]?.id}`, AARHUS_STAFF);
      expect(edited).toMatchObject({ version: 2, items: expect.objectContaining({ M6: 18, F19: 'N' }) });
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );

  it(
    'lists the 6-month follow-up on the staff member’s worklist once it falls due, logs a contact attempt and opens the form',
    async () => {
      const { page } = browser;
      await page.goto(`${baseUrl()}/#/`);
      await page.getByTestId('worklist').waitFor();
      const due = page.getByTestId('worklist-row').filter({ hasText: setup.name }).filter({ hasText: 'Opfølgning efter 6 måneder' });
      await due.waitFor();
      const listed = await apiGet<WorklistItem[]>(`worklist${listQuery({ staffUserId: DEMO_IDS.users.aarhus.staff })}&range=${encodeURIComponent('[0,499]')}`, AARHUS_STAFF);
      expect(listed.find((w) => w.id === `${setup.enrolment.id}:follow-up-6`)?.status).toBe('in-window');
      await page.getByTestId('worklist-overdue').getByTestId('worklist-row').filter({ hasText: setup.name }).filter({ hasText: 'Opfølgning efter 3 måneder' }).waitFor();
      expect(await due.getByTestId('worklist-attempts').innerText()).toBe('Ingen endnu');

      await due.getByRole('button', { name: 'Kontaktforsøg' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'SMS' }).click();
      await dialog.getByRole('button', { name: 'Ingen kontakt' }).click();
      await screenshot(page, 'worklist-attempt-dialog');
      await dialog.getByRole('button', { name: 'Gem forsøg' }).click();
      await due.getByTestId('worklist-attempts').getByText('1 forsøg').waitFor();
      expect(await due.getByTestId('worklist-attempts').innerText()).toMatch(/sms: ingen kontakt/);
      await due.scrollIntoViewIfNeeded();
      await screenshot(page, 'worklist-home');
      const schedule = await apiGet<{ attempts: FollowUpAttempt[] }>(`enrolments/${setup.enrolment.id}/follow-ups`, AARHUS_STAFF);
      expect(schedule.attempts).toEqual([expect.objectContaining({ timepoint: 'follow-up-6', channel: 'sms', reached: false })]);

      await due.getByRole('link', { name: 'Tag ASI' }).click();
      await page.getByTestId('composite-preview').waitFor();
      await page.getByRole('combobox', { name: 'Tidspunkt' }).getByText('Opfølgning efter 6 måneder').waitFor();
      await page.getByRole('link', { name: setup.name }).waitFor();
      expect(browser.pageErrors).toEqual([]);
    },
    60_000,
  );
});
