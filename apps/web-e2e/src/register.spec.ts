import { readFileSync } from 'node:fs';
import type { CaseRequest, Citizen, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost } from './support/api';
import { axeFindings, describeFindings, settle } from './support/a11y';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, screenshot } from './support/browser';
import { addDays, danishMonthDay, danishToday } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const CENTRE = DEMO_IDS.centres.aarhusCentrum;
const ICM = DEMO_IDS.programmes.icm;

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const two = (n: number): string => String(n).padStart(2, '0');
/** An adult (born 1970-1989) with a fresh CPR number. */
const adultCpr = (): string => `${two(1 + Math.floor(Math.random() * 28))}${two(1 + Math.floor(Math.random() * 12))}${70 + Math.floor(Math.random() * 20)}${Math.floor(Math.random() * 4)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
/** A replacement CPR number (day + 60), born in 1975. */
const replacementCpr = (): string => `${two(61 + Math.floor(Math.random() * 28))}0375${Math.floor(Math.random() * 4)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
/** "5.12.2026" for 2026-12-05, as the page writes a date. */
const shown = (iso: string): string => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;
/** "05.12.2026", as the register's file writes a date. */
const filed = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

async function citizen(cpr: string, lastName: string): Promise<Citizen> {
  return apiPost<Citizen>('citizens', { cpr, firstName: `Reg${letters(5)}`, lastName: `${lastName}${letters(5)}` }, AARHUS_STAFF);
}

/** A started course: referred (linked to `request` when given) on `referred`, started on `started`. */
async function startedCourse(citizenId: string, referred: string, started: string, request?: CaseRequest): Promise<Enrolment> {
  const enrolment = await apiPost<Enrolment>('enrolments', { citizenId, programmeId: ICM, centreId: CENTRE, referralDate: referred, ...(request ? { caseRequestId: request.id } : {}) }, AARHUS_STAFF);
  return apiPost<Enrolment>(`enrolments/${enrolment.id}/transitions`, { to: 'active', date: started, version: enrolment.version }, AARHUS_STAFF);
}

describe('register readiness: a staff member ends a course with its register status, sees what the others lack, and downloads the month\'s file', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('ends a course with the end status from the code list, lists the incomplete and the left-out courses, and downloads last month\'s file', async () => {
    const { page } = browser;
    // Last month: its first day and the 15th of this month (the due date), counted on the calendar.
    const first = danishMonthDay(-1, 1);
    const lastMonth = first.slice(0, 7);
    const dueOn = `${danishToday().slice(0, 7)}-15`;

    // X: a request on last month's first day, started the day after: complete once it ends.
    const xCpr = adultCpr();
    const x = await citizen(xCpr, 'Komplet');
    const request = await apiPost<CaseRequest>('case-requests', { citizenId: x.id, requestedOn: first, channel: 'phone' }, AARHUS_STAFF);
    const xCourse = await startedCourse(x.id, first, addDays(first, 1), request);
    // Y: no request recorded: no request date for the register.
    const yCpr = adultCpr();
    const y = await citizen(yCpr, 'Mangler');
    await startedCourse(y.id, first, addDays(first, 2));
    // Z: a replacement CPR number: left out of the register.
    const zCpr = replacementCpr();
    const z = await citizen(zCpr, 'Erstatning');
    await startedCourse(z.id, first, addDays(first, 2));

    await signIn(page, AARHUS_STAFF);

    // End X's course: the dialog asks for the register's status at the end, from the code list.
    await page.goto(`${baseUrl()}/#/enrolments/${xCourse.id}/show`);
    await page.getByRole('button', { name: 'Afslut som gennemført' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status ved afslutning' }).waitFor();
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await dialog.getByText('Skal udfyldes').first().waitFor();
    await dialog.getByRole('combobox', { name: 'Status ved afslutning' }).click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual([
      'Stoffri', 'Reduceret forbrug', 'Stabiliseret forbrug', 'Uændret forbrug', 'Øget forbrug', 'Udeblevet eller afbrudt behandlingen',
      'Overgået til anden behandling', 'Fraflyttet kommunen', 'Fængsling', 'Død', 'Ukendt',
    ]);
    await page.getByRole('option', { name: 'Stoffri' }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.waitForTimeout(500); // the menu's fading exit (MUI's transition), for the screenshot
    // The choice cleared the field's message.
    expect(await dialog.getByText('Skal udfyldes').count()).toBe(0);
    await screenshot(page, 'register-end-status');
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Forløbet er nu: Gennemført').waitFor();
    await page.getByText('Stoffri', { exact: true }).first().waitFor();
    const ended = await apiGet<Enrolment>(`enrolments/${xCourse.id}`, AARHUS_STAFF);
    expect([ended.state, ended.endStatus, ended.endDate]).toEqual(['completed', 'drug_free', danishToday()]);

    // The register's page, from the menu.
    await page.getByRole('menuitem', { name: 'Indberetning' }).click();
    await page.getByTestId('register-summary').waitFor();
    const incomplete = page.getByTestId('register-incomplete-row');
    const yRow = incomplete.filter({ hasText: y.lastName });
    await yRow.getByTestId('issue-no-request-date').waitFor();
    expect((await yRow.locator('[data-testid^="issue-"]').allInnerTexts()).map((t) => t.trim())).toEqual(['Ingen henvendelsesdato']);
    expect(await incomplete.filter({ hasText: x.lastName }).count()).toBe(0);
    const zRow = page.getByTestId('register-left-out-row').filter({ hasText: z.lastName });
    await zRow.getByText('Erstatningspersonnummer').waitFor();
    await page.getByText('erstatningspersonnumre kender registret ikke', { exact: false }).waitFor();
    expect((await page.getByTestId('register-due').innerText()).trim()).toBe(`Frist for indberetning: ${shown(dueOn)}`);
    await screenshot(page, 'register-readiness');
    await settle(page);
    expect(describeFindings('register readiness', await axeFindings(page))).toBe('register readiness: no violations');

    // Last month's file: X's request and start, Y's start; nobody with a replacement number.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-download').click()]);
    expect(download.suggestedFilename()).toBe(`stofmisbrugsdatabasen-${lastMonth}.csv`);
    const file = readFileSync(await download.path()).toString('utf8');
    const [header, ...rows] = file.trim().split('\r\n');
    expect(header).toBe('haendelse;haendelsesdato;forloeb_id;cpr;koen;kommunekode;henvendelsesdato;startdato;behandlingssted_id;behandlingssted_navn;tilbud;slutdato;slutstatus;slutstatus_gruppe');
    const xRows = rows.filter((r) => r.includes(xCpr)).map((r) => r.split(';').slice(0, 2).join(';'));
    expect(xRows).toEqual([`henvendelse;${filed(first)}`, `start;${filed(addDays(first, 1))}`]);
    const yRows = rows.filter((r) => r.includes(yCpr)).map((r) => r.split(';'));
    expect(yRows.map((r) => [r[0], r[1], r[6]])).toEqual([['start', filed(addDays(first, 2)), '']]);
    expect(file.includes(zCpr)).toBe(false);

    // The same page in English.
    await page.getByRole('button', { name: 'Dansk' }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'English' }).first().waitFor();
    await page.getByText('Reporting to the national drug treatment register').first().waitFor();
    expect((await yRow.locator('[data-testid^="issue-"]').allInnerTexts()).map((t) => t.trim())).toEqual(['No request date']);
    await zRow.getByText('Replacement CPR number').waitFor();
    expect((await page.getByTestId('register-due').innerText()).trim()).toBe(`Due by ${shown(dueOn)}`);
    await screenshot(page, 'register-readiness-en');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
