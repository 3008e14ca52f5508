import type { Citizen, Enrolment, TreatmentPlan } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { freshCpr } from './support/a11y-data';
import { danishDaysFromToday, danishToday, typedDanish } from './support/dates';

const STAFF = demoEmail('staff', 'aarhus');

/**
 * A staff member makes a treatment plan with the citizen on the citizen's page, then revises it: the
 * first version stays, and a review due within the week is on the worklist (§ 101 stk. 8; issue 21).
 */
describe('the treatment plan', () => {
  let browser: OpenBrowser;
  let citizen: Citizen;
  let enrolment: Enrolment;

  beforeAll(async () => {
    citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Plan${uniqueSuffix()}`, lastName: 'Planlægning' }, STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-10) }, STAFF);
    enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-9), version: referred.version }, STAFF);
    browser = await openBrowser();
    await signIn(browser.page, STAFF);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is made with the citizen, refused without a goal, and revised with the first version kept', async () => {
    const { page } = browser;
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/#/citizens/${citizen.id}/show`);
    const section = page.getByTestId('treatment-plans');
    await section.getByText('Ingen behandlingsplan endnu.').waitFor();
    await section.getByRole('button', { name: 'Lav behandlingsplan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: 'Forventet varighed (uger)' }).fill('26');
    await dialog.getByRole('textbox', { name: 'Opfølgningsdato' }).fill(typedDanish(danishDaysFromToday(5)));
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.getByText('En plan uden mål: skriv mindst ét mål').waitFor();

    await dialog.getByRole('textbox', { name: 'Mål (ét pr. linje)' }).fill('Stoppe med hash\nKomme i praktik');
    await dialog.getByRole('textbox', { name: 'Indsatser (én pr. linje)' }).fill('Ugentlig samtale');
    await dialog.getByRole('textbox', { name: 'Andre aktører og deres opgaver' }).fill('Jobcentret finder praktikplads');
    expect(await dialog.getByRole('checkbox', { name: 'Udarbejdet sammen med borgeren' }).isChecked()).toBe(true);
    await screenshot(page, 'treatment-plan-form');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await section.getByText('Komme i praktik').waitFor();

    await section.getByRole('button', { name: 'Revidér plan' }).click();
    const revision = page.getByRole('dialog');
    await revision.getByRole('textbox', { name: 'Mål (ét pr. linje)' }).fill('Stoppe med hash\nFå egen bolig');
    await revision.getByRole('textbox', { name: 'Hvorfor revideres planen?' }).fill('Bolig før praktik');
    await revision.getByRole('button', { name: 'Gem' }).click();
    await section.getByText('Få egen bolig').waitFor();
    await section.getByText('Tidligere versioner (1)').click();
    await section.getByTestId('plan-revision-1').getByText('Komme i praktik').waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'treatment-plan-revised');

    const stored = await apiGet<TreatmentPlan>(`enrolments/${enrolment.id}/treatment-plan`, STAFF);
    expect(stored.revisions.map((r) => [r.revision, r.goals, r.revisionReason, r.madeWithCitizenOn])).toEqual([
      [2, ['Stoppe med hash', 'Få egen bolig'], 'Bolig før praktik', danishToday()],
      [1, ['Stoppe med hash', 'Komme i praktik'], null, danishToday()],
    ]);

    // The review in five days is on the worklist.
    await page.goto(`${origin}/#/`);
    const reviews = page.getByTestId('plan-reviews');
    await reviews.getByText(`${citizen.firstName} ${citizen.lastName}`).waitFor();
    await reviews.scrollIntoViewIfNeeded();
    await screenshot(page, 'treatment-plan-worklist');
  });
});

/** The same page in English, as a staff member who chose English in the app bar reads it (labels, refusal, history, worklist). */
describe('the treatment plan in English', () => {
  let browser: OpenBrowser;
  let citizen: Citizen;
  let enrolment: Enrolment;

  beforeAll(async () => {
    citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Plan${uniqueSuffix()}`, lastName: 'Planning' }, STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-10) }, STAFF);
    enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-9), version: referred.version }, STAFF);
    browser = await openBrowser();
    await signIn(browser.page, STAFF);
    // English through the language menu in the app bar; the menu's button names the language in use once loaded.
    await browser.page.getByRole('button', { name: 'Dansk' }).first().click();
    await browser.page.getByRole('menuitem', { name: 'English' }).click();
    await browser.page.getByRole('button', { name: 'English' }).first().waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is made, refused without a goal and revised with English labels, the first version kept', async () => {
    const { page } = browser;
    const origin = new URL(page.url()).origin;
    await page.goto(`${origin}/#/citizens/${citizen.id}/show`);
    const section = page.getByTestId('treatment-plans');
    await section.getByRole('heading', { name: 'Treatment plans' }).waitFor();
    await section.getByText('No treatment plan yet.').waitFor();
    await section.getByRole('button', { name: 'Make treatment plan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^Treatment plan: ICM/ }).waitFor();
    await dialog.getByRole('spinbutton', { name: 'Expected duration (weeks)' }).fill('12');
    // Dates stay Danish in English too (decision 54): 5.1.2027.
    await dialog.getByRole('textbox', { name: 'Review date' }).fill(typedDanish(danishDaysFromToday(4)));
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('A plan without a goal: write at least one goal').waitFor();

    await dialog.getByRole('textbox', { name: 'Goals (one per line)' }).fill('Stop using cannabis\nFind a work placement');
    await dialog.getByRole('textbox', { name: 'Actions (one per line)' }).fill('Weekly conversation');
    await dialog.getByRole('textbox', { name: 'Other actors and their tasks' }).fill('The job centre finds a placement');
    await dialog.getByRole('textbox', { name: 'Who is responsible for what' }).fill('The counsellor holds the conversations');
    expect(await dialog.getByRole('checkbox', { name: 'Made together with the citizen' }).isChecked()).toBe(true);
    await screenshot(page, 'treatment-plan-form-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The treatment plan is saved').waitFor();
    await section.getByText('Find a work placement').waitFor();
    await section.getByText(`Made with the citizen ${typedDanish(danishToday())}`).waitFor();
    await section.getByText(`Review ${typedDanish(danishDaysFromToday(4))}`).waitFor();

    await section.getByRole('button', { name: 'Revise plan' }).click();
    const revision = page.getByRole('dialog');
    await revision.getByRole('heading', { name: /^Revise treatment plan: ICM/ }).waitFor();
    await revision.getByRole('textbox', { name: 'Goals (one per line)' }).fill('Stop using cannabis\nFind a home of my own');
    await revision.getByRole('textbox', { name: 'Why is the plan revised?' }).fill('Housing before the placement');
    await revision.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Find a home of my own').waitFor();
    await section.getByText('Earlier versions (1)').click();
    await section.getByTestId('plan-revision-1').getByText('Find a work placement').waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'treatment-plan-revised-en');

    const stored = await apiGet<TreatmentPlan>(`enrolments/${enrolment.id}/treatment-plan`, STAFF);
    expect(stored.revisions.map((r) => [r.revision, r.goals, r.revisionReason])).toEqual([
      [2, ['Stop using cannabis', 'Find a home of my own'], 'Housing before the placement'],
      [1, ['Stop using cannabis', 'Find a work placement'], null],
    ]);

    // The review in four days is on the worklist, under its English heading.
    await page.goto(`${origin}/#/`);
    const reviews = page.getByTestId('plan-reviews');
    await reviews.getByRole('heading', { name: 'Treatment plans to review' }).waitFor();
    await reviews.getByText(`${citizen.firstName} ${citizen.lastName}`).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});
