import type { Citizen, Enrolment, ExportProject, Municipality, OutcomeReport } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail, sampleAsiItems } from '@outcomes/seeds';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeFindings, describeFindings } from './support/a11y';
import { apiGet, apiPost, apiPut } from './support/api';
import { signIn, signOut, userMenuButton } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';

const ODENSE_STAFF = demoEmail('staff', 'odense');
const ODENSE_EVALUATOR = demoEmail('evaluator', 'odense');
const REFERRED = '2025-02-03';
const STARTED = '2025-02-10';
const ENDED = '2025-05-12';
/** Whole months, February to April 2025, as an evaluator may ask (at least three). */
const EVALUATOR_PERIOD = new URLSearchParams({
  programmeId: DEMO_IDS.programmes.move,
  municipalityId: DEMO_IDS.municipalities.odense,
  from: '2025-02-01',
  to: '2025-04-30',
}).toString();

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
    await apiPost(`enrolments/${active.id}/transitions`, { to: completes ? 'completed' : 'dropped_out', date: ENDED, endStatus: completes ? 'drug_free' : 'dropped_out', version: active.version }, ODENSE_STAFF);
    if (i < 12) await apiPost('assessments', { enrolmentId: active.id, timepoint: 'end', date: ENDED, items: sampleAsiItems(i < 7 ? 0 : 6, 1 + (i % 3)) }, ODENSE_STAFF);
    if (i < 11) await apiPost('assessments', { enrolmentId: active.id, timepoint: 'follow-up-6', date: '2025-11-12', items: sampleAsiItems(i < 6 ? 0 : 4, 1 + (i % 2)) }, ODENSE_STAFF);
  }
}

/**
 * The export's own cohort, referred in June 2025 (outside both report periods above), all women (an
 * even last CPR digit): five born in 2006 complete, five born in 2006 drop out, one born in 2010
 * completes. Worked by hand for k = 5, l = 2: birth years in 5-year bands and months in quarters,
 * the 2006 completers and drop-outs are two groups of five with two states between them, so nothing
 * of theirs is suppressed; the one born in 2010 (band 2010-2014) stays alone however many values are
 * emptied, so that person is left out. 10 rows, 0 values suppressed, 1 person left out.
 */
async function exportCohort(): Promise<void> {
  const people = [
    ...Array.from({ length: 5 }, () => ({ born: '06', state: 'completed' })),
    ...Array.from({ length: 5 }, () => ({ born: '06', state: 'dropped_out' })),
    { born: '10', state: 'completed' },
  ];
  for (const [i, person] of people.entries()) {
    const month = person.born === '10' ? '01' : String(1 + (i % 12)).padStart(2, '0');
    const drawCpr = () =>
      `${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}${month}${person.born}4${String(Math.floor(Math.random() * 50)).padStart(2, '0')}${2 * Math.floor(Math.random() * 5)}`;
    // The demo's synthetic citizens include young people born in those years: a drawn number may be
    // taken already (409), so draw again; what the test needs is the birth year, month and sex.
    let cpr = drawCpr();
    let citizen: Citizen | undefined;
    for (let attempt = 0; !citizen; attempt += 1) {
      try {
        citizen = await apiPost<Citizen>('citizens', { cpr, firstName: 'Ung', lastName: `Borger${100 + i}` }, ODENSE_STAFF);
      } catch (error) {
        if (attempt >= 20 || !String(error).includes('answered 409')) throw error;
        cpr = drawCpr();
      }
    }
    cohortCprs.push(cpr);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.move, centreId: DEMO_IDS.centres.odenseSyd, referralDate: '2025-06-02' }, ODENSE_STAFF);
    if (person.born === '10') {
      // 15 on the start day: treatment starts only with a custodial parent's consent and the young person's own.
      await apiPost('youth-consents', { enrolmentId: referred.id, kind: 'custodial-parent', givenBy: 'Forælder Ung', givenOn: '2025-06-09' }, ODENSE_STAFF);
      await apiPost('youth-consents', { enrolmentId: referred.id, kind: 'young-person', givenOn: '2025-06-09' }, ODENSE_STAFF);
    }
    const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: '2025-06-09', version: referred.version }, ODENSE_STAFF);
    await apiPost(`enrolments/${active.id}/transitions`, { to: person.state, date: '2025-09-08', endStatus: 'unknown', version: active.version }, ODENSE_STAFF);
  }
}

/** Odense's hourly rate, so the economic view shows a cost. */
async function setOdenseHourlyRate(hourlyRate: number): Promise<void> {
  const admin = demoEmail('admin', 'odense');
  const odense = await apiGet<Municipality>(`municipalities/${DEMO_IDS.municipalities.odense}`, admin);
  await apiPut(`municipalities/${odense.id}`, { code: odense.code, name: odense.name, hourlyRate, version: odense.version }, admin);
}

/** Opens the dashboard from the menu and chooses MOVE. */
async function openMoveDashboard(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Resultater' }).click();
  await page.getByTestId('outcome-filters').waitFor();
  await page.getByRole('combobox', { name: 'Program' }).click();
  await page.getByRole('option', { name: /^MOVE/ }).click();
}

/** Staff: MOVE, referred in February 2025, to the day. */
async function openMoveReportAsStaff(page: Page): Promise<void> {
  await openMoveDashboard(page);
  await page.getByLabel('Henvist fra').fill('2025-02-01');
  await page.getByLabel('Henvist til og med').fill('2025-02-28');
  await page.getByTestId('outcome-report').waitFor();
}

/** An evaluator: MOVE over whole months, February to `toMonth` 2025 (month inputs: YYYY-MM). */
async function chooseEvaluatorMonths(page: Page, toMonth: string): Promise<void> {
  await page.getByLabel('Henvist fra').fill('2025-02');
  await page.getByLabel('Henvist til og med').fill(toMonth);
}

/**
 * The cell key method's largest noise (docs/disclosure.md: D = 3, the test stack's setting): a shown count
 * is within 3 of the true one, and "< 5" stands for a perturbed count under 5, so a true one under 8.
 */
const MAX_NOISE = 3;
function fitsTrueCount(shown: string, trueCount: number): boolean {
  if (shown === '< 5') return trueCount < 5 + MAX_NOISE;
  const value = Number(shown.replace(/\./g, ''));
  return Number.isInteger(value) && value !== 1 && value !== 2 && Math.abs(value - trueCount) <= MAX_NOISE;
}

/** Moves the pointer off the charts, so no tooltip covers them in a screenshot. */
const pointerAway = (page: Page) => page.mouse.move(0, 0);

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\u00a0/g, ' ');

describe('the outcomes dashboard', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    await moveCohort();
    await exportCohort();
    await setOdenseHourlyRate(450);
    browser = await openBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows an evaluator whole months of perturbed figures, "< 5" for small ones, the noise in one Danish sentence and the day’s budget', async () => {
    const { page } = browser;
    // The exact figures of the same period, as Odense's staff see them: what the noise is measured against.
    const exact = await apiGet<OutcomeReport>(`outcomes/report?${EVALUATOR_PERIOD}`, ODENSE_STAFF);
    expect(exact.disclosureControlled).toBe(false);
    expect(exact.counts.droppedOut).toBeGreaterThanOrEqual(2);

    await signIn(page, ODENSE_EVALUATOR);
    await page.getByRole('menuitem', { name: 'Resultater' }).click();
    await page.getByTestId('outcome-filters').waitFor();
    expect(await text(page, 'period-rule')).toBe('Hele kalendermåneder, mindst 3');
    // The months first, then the programme: the report is asked for once, for February to April 2025.
    await chooseEvaluatorMonths(page, '2025-04');
    await page.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: /^MOVE/ }).click();
    await page.getByTestId('outcome-report').waitFor();

    expect(await text(page, 'noise-sentence')).toBe('Tallene er let afrundede tilfældigt, så ingen enkeltperson kan genkendes.');
    const budget = /^(\d+) af (\d+) forespørgsler i dag/.exec(await text(page, 'report-budget'));
    expect(budget).not.toBeNull();
    const [used, limit] = [Number(budget?.[1]), Number(budget?.[2])];
    expect(used).toBeGreaterThanOrEqual(1);
    expect(used).toBeLessThanOrEqual(limit);

    // Every count perturbed by at most the maximum noise, a small one "< 5", never 1 or 2.
    for (const key of ['referred', 'started', 'completed', 'droppedOut'] as const) {
      const shown = await text(page, `count-${key}`);
      expect({ key, shown, fits: fitsTrueCount(shown, exact.counts[key] ?? -1) }).toEqual({ key, shown, fits: true });
    }
    expect(await text(page, 'count-droppedOut')).toMatch(/^(< 5|5)$/);

    // MOVE counted as published: all who started, nine months after the start against the six-month follow-up.
    expect(await text(page, 'benchmark-time')).toContain('Offentliggjort: 9 måneder efter start; her: opfølgning efter 6 måneder');
    expect(await text(page, 'benchmark-published')).toContain('50 % stoffri 9 måneder efter start, af alle, der startede');
    expect(await text(page, 'benchmark-intentionToTreat')).toContain('Sammenlignes');
    expect(await text(page, 'benchmark-assessed')).not.toContain('Sammenlignes');
    // The record keys are drawn afresh in every database, so the noise differs from run to run: 6 of 16
    // drug-free can be published as 3 to 9, and under 5 the figure (and with it its test) is hidden.
    const intentionToTreat = await text(page, 'benchmark-intentionToTreat');
    if (intentionToTreat.includes('%')) {
      expect(await text(page, 'benchmark-p-value')).toContain('Eksakt binomialtest af intention to treat-andelen mod 50 %');
    } else {
      expect(intentionToTreat).toContain('Skjult: for få bag tallet.');
      expect(await page.getByTestId('benchmark-p-value').count()).toBe(0);
    }
    expect(await text(page, 'economy-total')).toContain('Totaler vises ikke');

    const drugFreePanel = page.getByTestId('drug-free-panel');
    await drugFreePanel.locator('.MuiChartsReferenceLine-line').first().waitFor({ state: 'attached' });
    expect((await drugFreePanel.locator('.MuiChartsReferenceLine-label').first().textContent())?.replace(/\u00a0/g, ' ')).toBe('MOVE 50 %');
    await pointerAway(page);
    await screenshot(page, 'outcomes-evaluator-top');
    await page.getByTestId('benchmark-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'outcomes-evaluator-benchmark');
    await page.getByTestId('drug-free-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'outcomes-evaluator-drug-free');
    expect(browser.pageErrors).toEqual([]);
  });

  it('tells an evaluator in Danish that two months are too few, and asks the API for nothing', async () => {
    const { page } = browser;
    const budgetBefore = await text(page, 'report-budget');
    await page.getByLabel('Henvist til og med').fill('2025-03');
    await page.getByTestId('outcome-report').waitFor({ state: 'detached' });
    expect(await text(page, 'period-rule')).toBe('Perioden skal være mindst 3 hele kalendermåneder, så ingen kan udpeges ved at sammenligne korte perioder.');
    expect(await text(page, 'report-budget')).toBe(budgetBefore);
    await screenshot(page, 'outcomes-evaluator-two-months');
    await page.getByLabel('Henvist til og med').fill('2025-04');
    await page.getByTestId('outcome-report').waitFor();
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

  it('shows staff their own municipality’s exact figures, to the day', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, ODENSE_STAFF);
    await openMoveReportAsStaff(page);
    expect(await text(page, 'count-referred')).toBe('16');
    expect(await text(page, 'count-droppedOut')).toBe('2');
    // The demo data holds no anonymous treatment (§ 101 a): its row counts none, exactly, for staff.
    expect(await text(page, 'anonymous-count-referred')).toBe('0');
    expect(await text(page, 'completion-rate')).toContain('87,5 % (14 af 16)');
    expect(await page.getByRole('combobox', { name: 'Kommune' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByTestId('report-budget').count()).toBe(0);
    expect(await page.getByTestId('noise-sentence').count()).toBe(0);
    // Six of the sixteen who started were drug-free at six months (the unassessed counted as not), six of the eleven assessed.
    expect(await text(page, 'benchmark-intentionToTreat')).toContain('37,5 %');
    expect(await text(page, 'benchmark-intentionToTreat')).toContain('6 af 16 stoffri');
    expect(await text(page, 'benchmark-assessed')).toContain('54,5 %');
    expect(await text(page, 'benchmark-assessed')).toContain('6 af 11 interviewede var stoffri');
    // Exact binomial, 6 of 16 against 50 %: P(X ≤ 6) = 14,893 / 65,536 = 0.2273, doubled by symmetry = 0.45.
    expect(await text(page, 'benchmark-p-value')).toMatch(/p = 0,45$/);
    // Attrition in plain sight: the rate of those assessed and of all who were due.
    const end = await text(page, 'drug-free-end');
    expect(end).toContain('58,3 % (7 af 12)');
    expect(end).toContain('43,8 % (7 af 16)');
    expect(await text(page, 'economy-total')).toContain('2.880 min');
    await pointerAway(page);
    await screenshot(page, 'outcomes-staff');
    expect(browser.pageErrors).toEqual([]);
  });

  it('lets an evaluator create an export project with k and whole months, follow the export to its end, see what disclosure control did and download the file', async () => {
    const { page } = browser;
    // Signed in as staff after the tests above; on a page of its own (-t) there is no one to sign out.
    if (await userMenuButton(page).isVisible()) await signOut(page);
    await signIn(page, ODENSE_EVALUATOR);
    await page.getByRole('menuitem', { name: 'Eksporter' }).click();
    await page.getByRole('link', { name: 'Opret' }).click();

    const name = `MOVE-evaluering ${uniqueSuffix()}`;
    await page.getByRole('textbox', { name: 'Navn' }).fill(name);
    await page.getByRole('textbox', { name: 'Formål' }).fill('Effektevaluering af MOVE i Odense, henvisninger juni 2025.');
    await page.getByRole('combobox', { name: 'Programmer' }).click();
    await page.getByRole('option', { name: /^MOVE/ }).click();
    // Whole months: June 2025, from its first day to its last.
    await page.locator('input[name="periodFrom"]').fill('2025-06');
    await page.locator('input[name="periodTo"]').fill('2025-06');
    await page.getByText('Mindst 5; brug 11 til data, der offentliggøres bredere.', { exact: false }).waitFor();

    // k below 5: refused beside the field, in Danish, and nothing is saved.
    await page.locator('input[name="k"]').fill('4');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('k skal være mindst 5 (11 til data, der offentliggøres bredere).').waitFor();
    await screenshot(page, 'exports-create-k-below-5');
    await page.locator('input[name="k"]').fill('5');

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
    const projectId = /#\/export-projects\/([^/]+)\/show/.exec(page.url())?.[1] ?? '';
    const project = await apiGet<ExportProject>(`export-projects/${projectId}`, ODENSE_EVALUATOR);
    expect({ periodFrom: project.periodFrom, periodTo: project.periodTo, k: project.k }).toEqual({ periodFrom: '2025-06-01', periodTo: '2025-06-30', k: 5 });

    // The enrolments as CSV (the defaults); the bar fills, then the file can be fetched.
    await page.getByRole('button', { name: 'Start eksport' }).click();
    const progress = page.getByTestId('export-job-progress');
    await progress.getByRole('progressbar').waitFor();
    await progress.getByTestId('export-download').waitFor({ timeout: 60_000 });
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    // What disclosure control did, in one line (worked by hand at exportCohort).
    expect(await text(page, 'export-disclosure')).toBe('Fødselsår i 5-års-intervaller, måneder som kvartaler; 0 værdier undertrykt; 1 person udeladt (k = 5)');
    expect(await text(page, 'export-job-status')).toContain('Færdig: 10 rækker');
    await page.getByTestId('export-history-disclosure').first().waitFor();
    await pointerAway(page);
    await page.waitForTimeout(500); // the bar's own CSS transition to full width
    await screenshot(page, 'exports-done');
    await page.getByTestId('export-history').scrollIntoViewIfNeeded();
    // The notification of the start would cover the row in the screenshot; it goes by itself.
    await page.getByText('Eksporten er startet').waitFor({ state: 'hidden', timeout: 10_000 });
    expect(await text(page, 'export-history-disclosure')).toBe('Fødselsår i 5-års-intervaller, måneder som kvartaler; 0 værdier undertrykt; 1 person udeladt (k = 5)');
    await screenshot(page, 'exports-history');

    const [download] = await Promise.all([page.waitForEvent('download'), progress.getByTestId('export-download').click()]);
    const file = readFileSync(await download.path()).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = file.trim().split(/\r?\n/);
    expect(header).toMatch(/^enrolment_id,person_id,/);
    expect(rows).toHaveLength(10);
    // No names, CPR numbers or exact dates, and not the one born in 2010.
    expect(file).not.toMatch(/Borger\d|2025-0[69]-\d\d|2010-2014/);
    expect(cohortCprs.filter((cpr) => file.includes(cpr) || file.includes(`${cpr.slice(0, 6)}-${cpr.slice(6)}`))).toEqual([]);

    // Beside the CSV, syntax that reads it with the codebook's labels: R with Danish labels.
    const csvName = download.suggestedFilename();
    const [rDownload] = await Promise.all([page.waitForEvent('download'), progress.getByRole('link', { name: 'R-syntaks med danske etiketter' }).click()]);
    expect(rDownload.suggestedFilename()).toBe(csvName.replace(/\.csv$/, '-da.R'));
    const r = readFileSync(await rDownload.path()).toString('utf8');
    expect(r).toContain(`enrolments <- read.csv(\n  "${csvName}",\n  fileEncoding = "UTF-8-BOM",`);
    expect(r).toContain('enrolments[["sex"]] <- factor(enrolments[["sex"]], levels = c("male", "female"), labels = c("Mand", "Kvinde"))');
    expect(r).toContain('labels = c("Henvist", "Aktiv", "Gennemført", "Frafaldet", "Overført", "Annulleret")');
    expect(r).toContain('attr(enrolments[["fu6_drug_free"]], "label") <- "Stoffri (opfølgning 6 mdr.)"');
    // Every column of the file it reads, labelled.
    expect((header ?? '').split(',').filter((column) => !r.includes(`attr(enrolments[["${column}"]], "label") <- "`))).toEqual([]);
    // And from the history, Stata with English labels.
    const history = page.getByTestId('export-history');
    const [stataDownload] = await Promise.all([page.waitForEvent('download'), history.getByRole('link', { name: 'Stata-syntaks med engelske etiketter' }).first().click()]);
    expect(stataDownload.suggestedFilename()).toBe(csvName.replace(/\.csv$/, '-en.do'));
    const stata = readFileSync(await stataDownload.path()).toString('utf8');
    expect(stata).toContain(`import delimited using \`"${csvName}"', varnames(nonames) rowrange(2) encoding("utf-8")`);
    expect(stata).toContain('label define sex 1 `"Male"\' 2 `"Female"\', replace');
    expect(stata).toContain('label variable state `"State"\'');
    await progress.getByTestId('export-syntax').scrollIntoViewIfNeeded();
    await pointerAway(page);
    await screenshot(page, 'exports-syntax');
    expect(describeFindings('export page with syntax files (da)', await axeFindings(page))).toBe('export page with syntax files (da): no violations');
    // In English: the same files, named for the English screen (the app bar, hidden while scrolled down, comes back at the top).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Dansk' }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    // The page is drawn again in English: the finished job's panel stays (it is in the address), in English.
    await progress.getByTestId('export-download').waitFor();
    expect(await text(page, 'export-job-status')).toContain('Done: 10 rows');
    const spssEnglish = history.getByRole('link', { name: 'SPSS syntax with English labels' }).first();
    await spssEnglish.waitFor();
    expect(await spssEnglish.getAttribute('href')).toMatch(/^\/api\/export-jobs\/[0-9a-f-]{36}\/syntax\/spss\?lang=en$/);
    await history.scrollIntoViewIfNeeded();
    await pointerAway(page);
    await screenshot(page, 'exports-syntax-en');
    expect(describeFindings('export page with syntax files (en)', await axeFindings(page))).toBe('export page with syntax files (en): no violations');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
