import type { Citizen, Enrolment, Municipality } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail, sampleAsiItems } from '@outcomes/seeds';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiGet, apiPost, apiPut } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';

const ODENSE_STAFF = demoEmail('staff', 'odense');
const ODENSE_EVALUATOR = demoEmail('evaluator', 'odense');
const REFERRED = '2025-02-03';
const STARTED = '2025-02-10';
const ENDED = '2025-05-12';

/** The CPR numbers of the cohort, which no export may contain. */
const cohortCprs: string[] = [];

/** A young citizen of Odense (born 2006, so 18 at referral: MOVE takes 15-25), unique per run. */
async function youngCitizen(index: number): Promise<Citizen> {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const month = String(1 + (index % 12)).padStart(2, '0');
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const cpr = `${day}${month}064${serial}`;
  cohortCprs.push(cpr);
  return apiPost<Citizen>('citizens', { cpr, firstName: 'Ung', lastName: `Borger${index}` }, ODENSE_STAFF);
}

/**
 * Sixteen MOVE enrolments referred in February 2025: fourteen complete, two drop out. Twelve are
 * assessed at the end (seven drug-free), eleven at the six-month follow-up (six drug-free). Enough for
 * the evaluator to see rates and changes; the two drop-outs stay a small, hidden cell.
 */
async function moveCohort(): Promise<void> {
  for (let i = 0; i < 16; i++) {
    const citizen = await youngCitizen(i);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.move, centreId: DEMO_IDS.centres.odenseSyd, referralDate: REFERRED }, ODENSE_STAFF);
    const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: STARTED, version: referred.version }, ODENSE_STAFF);
    await apiPost('assessments', { enrolmentId: active.id, timepoint: 'intake', date: STARTED, items: sampleAsiItems(20, 3) }, ODENSE_STAFF);
    for (let week = 1; week <= 3; week++) {
      const startsAt = new Date(Date.UTC(2025, 1, 10 + 7 * week, 9)).toISOString();
      await apiPost('sessions', { enrolmentId: active.id, startsAt, durationMinutes: 60, kind: 'move-session', attendance: 'attended' }, ODENSE_STAFF);
    }
    const completes = i < 14;
    await apiPost(`enrolments/${active.id}/transitions`, { to: completes ? 'completed' : 'dropped_out', date: ENDED, version: active.version }, ODENSE_STAFF);
    if (i < 12) await apiPost('assessments', { enrolmentId: active.id, timepoint: 'end', date: ENDED, items: sampleAsiItems(i < 7 ? 0 : 6, 1 + (i % 3)) }, ODENSE_STAFF);
    if (i < 11) await apiPost('assessments', { enrolmentId: active.id, timepoint: 'follow-up-6', date: '2025-11-12', items: sampleAsiItems(i < 6 ? 0 : 4, 1 + (i % 2)) }, ODENSE_STAFF);
  }
}

/** Odense's hourly rate, so the economic view shows a cost. */
async function setOdenseHourlyRate(hourlyRate: number): Promise<void> {
  const admin = demoEmail('admin', 'odense');
  const odense = await apiGet<Municipality>(`municipalities/${DEMO_IDS.municipalities.odense}`, admin);
  await apiPut(`municipalities/${odense.id}`, { code: odense.code, name: odense.name, hourlyRate, version: odense.version }, admin);
}

/** Opens the dashboard from the menu and asks for MOVE, referred in February 2025. */
async function openMoveReport(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Resultater' }).click();
  await page.getByTestId('outcome-filters').waitFor();
  await page.getByRole('combobox', { name: 'Program' }).click();
  await page.getByRole('option', { name: /^MOVE/ }).click();
  await page.getByLabel('Henvist fra').fill('2025-02-01');
  await page.getByLabel('Henvist til og med').fill('2025-02-28');
  await page.getByTestId('outcome-report').waitFor();
}

/** Moves the pointer off the charts, so no tooltip covers them in a screenshot. */
const pointerAway = (page: Page) => page.mouse.move(0, 0);

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\u00a0/g, ' ');

describe('the outcomes dashboard', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    await moveCohort();
    await setOdenseHourlyRate(450);
    browser = await openBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows an evaluator the MOVE benchmark beside the programme’s own figure, small cells hidden', async () => {
    const { page } = browser;
    await signIn(page, ODENSE_EVALUATOR);
    await openMoveReport(page);

    const benchmark = await text(page, 'benchmark-panel');
    expect(benchmark).toContain('50 %');
    expect(benchmark).toContain('MOVE: 50 % drug-free after nine months');
    // Six of the eleven assessed at six months were drug-free; the exact test against 50 %.
    expect(await text(page, 'benchmark-observed')).toContain('54,5 %');
    expect(await text(page, 'benchmark-observed')).toContain('6 af 11 interviewede var stoffri');
    expect(await text(page, 'benchmark-p-value')).toMatch(/p = 1\b/);

    // Two drop-outs: hidden, and said to be hidden, never shown as 0 or 2.
    expect(await text(page, 'count-referred')).toBe('16');
    expect(await text(page, 'count-droppedOut')).toBe('skjult');
    expect(await text(page, 'completion-rate')).toContain('skjult');
    expect(await text(page, 'disclosure-note')).toContain('Et skjult tal er ikke nul');

    // Attrition in plain sight: the rate of those assessed and of all who were due.
    const end = await text(page, 'drug-free-end');
    expect(end).toContain('58,3 % (7 af 12)');
    expect(end).toContain('43,8 % (7 af 16)');
    // The published result's line, labelled, and the intervals' error bars (drawn by ErrorBars, not the chart library).
    const drugFreePanel = page.getByTestId('drug-free-panel');
    await drugFreePanel.locator('.MuiChartsReferenceLine-line').first().waitFor({ state: 'attached' });
    expect((await drugFreePanel.locator('.MuiChartsReferenceLine-label').first().textContent())?.replace(/\u00a0/g, ' ')).toBe('MOVE 50 %');
    expect(await drugFreePanel.locator('.outcomes-error-bar').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('asi-change-panel').locator('.outcomes-error-bar').count()).toBeGreaterThan(0);
    expect(await text(page, 'economy-total')).toContain('2.880 min');
    await pointerAway(page);
    await screenshot(page, 'outcomes-evaluator-top');
    await page.getByTestId('drug-free-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'outcomes-evaluator-drug-free');
    await page.getByTestId('asi-change-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'outcomes-evaluator-asi-economy');
    expect(browser.pageErrors).toEqual([]);
  });

  it('answers an evaluator asking for a municipality not granted with the reason', async () => {
    const { page } = browser;
    await page.getByRole('combobox', { name: 'Kommune' }).click();
    await page.getByRole('option', { name: 'Aarhus' }).click();
    await page.getByTestId('outcome-error').waitFor();
    expect(await text(page, 'outcome-error')).toContain('Du har ikke adgang til denne kommunes tal');
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows staff their own municipality’s counts as they are', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, ODENSE_STAFF);
    await openMoveReport(page);
    expect(await text(page, 'count-droppedOut')).toBe('2');
    expect(await text(page, 'completion-rate')).toContain('87,5 % (14 af 16)');
    expect(await page.getByRole('combobox', { name: 'Kommune' }).getAttribute('aria-disabled')).toBe('true');
    await pointerAway(page);
    await screenshot(page, 'outcomes-staff');
    expect(browser.pageErrors).toEqual([]);
  });

  it('lets an evaluator create an export project, follow the export to its end and download the file', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, ODENSE_EVALUATOR);
    await page.getByRole('menuitem', { name: 'Eksporter' }).click();
    await page.getByRole('link', { name: 'Opret' }).click();

    const name = `MOVE-evaluering ${uniqueSuffix()}`;
    await page.getByRole('textbox', { name: 'Navn' }).fill(name);
    await page.getByRole('textbox', { name: 'Formål' }).fill('Effektevaluering af MOVE i Odense, henvisninger februar 2025.');
    await page.getByRole('combobox', { name: 'Programmer' }).click();
    await page.getByRole('option', { name: /^MOVE/ }).click();
    await page.locator('input[name="periodFrom"]').fill('2025-02-01');
    await page.locator('input[name="periodTo"]').fill('2025-02-28');
    // Aarhus has not been granted to Odense's evaluator: the refusal names it, in Danish.
    await page.getByRole('combobox', { name: 'Kommuner' }).click();
    await page.getByRole('option', { name: 'Aarhus' }).click();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Du har ikke adgang til: Aarhus').waitFor();
    await screenshot(page, 'exports-create-not-granted');
    await page.locator('.MuiChip-root', { hasText: 'Aarhus' }).locator('.MuiChip-deleteIcon').click();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByTestId('start-export').waitFor();
    expect(await text(page, 'export-contents')).toContain('Ingen navne, CPR-numre');

    // The enrolments as CSV (the defaults); the bar fills, then the file can be fetched.
    await page.getByRole('button', { name: 'Start eksport' }).click();
    const progress = page.getByTestId('export-job-progress');
    await progress.getByRole('progressbar').waitFor();
    await screenshot(page, 'exports-progress');
    await progress.getByTestId('export-download').waitFor({ timeout: 60_000 });
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await text(page, 'export-job-status')).toContain('Færdig: 16 rækker');
    await page.getByTestId('export-history-row').first().waitFor();
    await pointerAway(page);
    await page.waitForTimeout(500); // the bar's own CSS transition to full width
    await screenshot(page, 'exports-done');

    const [download] = await Promise.all([page.waitForEvent('download'), progress.getByTestId('export-download').click()]);
    const file = readFileSync(await download.path()).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = file.trim().split(/\r?\n/);
    expect(header).toMatch(/^enrolment_id,person_id,birth_year,sex,municipality_code,programme_code,/);
    expect(rows).toHaveLength(16);
    // No names, CPR numbers or exact dates.
    expect(file).not.toMatch(/Borger\d|2025-02-\d\d/);
    expect(cohortCprs.filter((cpr) => file.includes(cpr) || file.includes(`${cpr.slice(0, 6)}-${cpr.slice(6)}`))).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
