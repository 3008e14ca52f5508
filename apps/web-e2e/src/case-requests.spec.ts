import type { CaseDecision, CaseRequest, Citizen, Enrolment } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { freshCpr } from './support/a11y-data';
import { danishDaysFromToday } from './support/dates';
import { apiGet, apiPost, listQuery } from './support/api';
import { expectNoAxeViolations } from './support/a11y';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, pickOption, recordFailedResponses, screenshot } from './support/browser';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');




describe('a request taken to a decision and a start within the treatment guarantee', () => {
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
    'registers the request with its afdækning, decides (PDF), refers and starts on the same day: the guarantee is kept; an overdue one shows on the worklist in words',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Frej${letters(5)}`, lastName: `Garanti${letters(5)}` }, AARHUS_STAFF);
      const fullName = `${citizen.firstName} ${citizen.lastName}`;
      // Another citizen whose request is 16 days old and not started: 2 days overdue.
      const late = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Sen${letters(5)}`, lastName: `Overskredet${letters(5)}` }, AARHUS_STAFF);
      await apiPost<CaseRequest>('case-requests', { citizenId: late.id, requestedOn: danishDaysFromToday(-16), channel: 'written' }, AARHUS_STAFF);

      await signIn(page, AARHUS_STAFF);
      // The worklist: the overdue request in words (and red), not by colour alone.
      const overdue = page.getByTestId('worklist-guarantee').filter({ hasText: late.lastName });
      await overdue.getByText('garanti overskredet med 2 dage').waitFor();
      await screenshot(page, 'case-requests-worklist');
      await expectNoAxeViolations(page, 'worklist with the guarantee');

      // From the citizen's page: a new request with the afdækning.
      await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
      await page.getByTestId('citizen-case-requests').getByText('Ingen henvendelser registreret').waitFor();
      await page.getByRole('link', { name: 'Ny henvendelse' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/case-requests/create'));
      await page.getByRole('link', { name: fullName }).waitFor();
      await pickOption(page, 'Henvendelsesform', 'Telefon');
      await page.getByRole('textbox', { name: 'Forbrug af rusmidler og alkohol' }).fill('Dagligt forbrug af hash gennem to år');
      await page.getByRole('textbox', { name: 'Bolig' }).fill('Bor hos sin søster');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Elementet er oprettet').waitFor();
      await page.waitForFunction(() => /^#\/case-requests\/[0-9a-f-]{36}$/.test(document.location.hash));
      const [request] = await apiGet<CaseRequest[]>(`case-requests${listQuery({ citizenId: citizen.id })}`, AARHUS_STAFF);
      if (!request) throw new Error('the request was not stored');
      expect([request.channel, request.assessment.drugsAndAlcohol, request.assessment.housing, request.assessment.health]).toEqual(['phone', 'Dagligt forbrug af hash gennem to år', 'Bor hos sin søster', null]);
      // Requested today: 14 calendar days left (13 if Danish midnight passed since).
      await page.getByTestId('guarantee-status').getByText(/garanti: 1[34] dage tilbage/).waitFor();

      // The written decision: legal basis and complaint guidance come filled in.
      const decisions = page.getByTestId('decisions');
      await decisions.getByText('Ingen afgørelse endnu').waitFor();
      expect(await decisions.getByRole('textbox', { name: 'Lovgrundlag' }).inputValue()).toContain('§ 101');
      expect(await decisions.getByRole('textbox', { name: 'Klagevejledning' }).inputValue()).toContain('Ankestyrelsen');
      await pickOption(page, 'Tilbud (program)', 'ICM – intensiv case management');
      await pickOption(page, 'Behandlingssted', 'Rusmiddelcenter Aarhus, Centrum');
      await decisions.getByRole('textbox', { name: 'Begrundelse' }).fill('Afdækningen viser behov for intensiv støtte til at komme i behandling.');
      await decisions.getByRole('button', { name: 'Gem afgørelse' }).click();
      await page.getByText('Afgørelsen er gemt').waitFor();
      const card = decisions.getByTestId('decision');
      await card.getByText('Bevilget').waitFor();
      await card.getByText('gældende').waitFor();
      const [decision] = await apiGet<CaseDecision[]>(`case-requests/${request.id}/decisions`, AARHUS_STAFF);
      expect([decision?.outcome, decision?.programmeId, decision?.centreId]).toEqual(['granted', DEMO_IDS.programmes.icm, DEMO_IDS.centres.aarhusCentrum]);
      // The PDF link downloads the letter with the session's cookie.
      const href = await card.getByTestId('decision-pdf').getAttribute('href');
      const pdf = await page.request.get(`${baseUrl()}${href ?? ''}`);
      expect([pdf.status(), pdf.headers()['content-type'], (await pdf.body()).subarray(0, 5).toString('latin1')]).toEqual([200, 'application/pdf', '%PDF-']);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'case-request-decision');
      await expectNoAxeViolations(page, 'request edit with decisions');

      // Refer from the request and start the same day: within the guarantee.
      await page.getByRole('link', { name: 'Opret forløb til henvendelsen' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/enrolments/create'));
      await pickOption(page, 'Program', 'ICM – intensiv case management');
      await pickOption(page, 'Behandlingscenter', 'Rusmiddelcenter Aarhus, Centrum');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Elementet er oprettet').waitFor();
      await page.waitForFunction(() => /^#\/enrolments\/[0-9a-f-]{36}\/show/.test(document.location.hash));
      await page.getByRole('button', { name: 'Start forløbet' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Bekræft' }).click();
      await page.getByText('Forløbet er nu: Aktiv').waitFor();
      const enrolments = await apiGet<Enrolment[]>(`enrolments${listQuery({ citizenId: citizen.id })}`, AARHUS_STAFF);
      expect(enrolments.map((e) => [e.caseRequestId, e.state])).toEqual([[request.id, 'active']]);

      // The citizen's page shows the guarantee kept.
      await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
      await page.getByTestId('citizen-case-request').getByText(/garanti holdt: startet efter [01] dag/).waitFor();
      await page.getByTestId('citizen-case-requests').scrollIntoViewIfNeeded();
      await screenshot(page, 'case-request-citizen-page');
      await expectNoAxeViolations(page, 'citizen page with requests');
      // The requests page with the guarantee's figures for a period.
      await page.getByRole('menuitem', { name: 'Henvendelser' }).click();
      await page.getByTestId('guarantee-figures').getByRole('button', { name: 'Vis tal' }).click();
      await page.getByTestId('figures-share').waitFor();
      await screenshot(page, 'case-requests-figures');
      await expectNoAxeViolations(page, 'requests list with figures');
      const kept = await apiGet<CaseRequest>(`case-requests/${request.id}`, AARHUS_STAFF);
      expect(kept.guarantee?.status).toBe('met');
      expect(failed).toEqual([]);
      expect(browser.pageErrors).toEqual([]);
      await signOut(page);
    },
    180_000,
  );

  it(
    'asks for the reason when the start is after the guarantee’s last day, in Danish, and keeps it with the request',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Sen${letters(5)}`, lastName: `Start${letters(5)}` }, AARHUS_STAFF);
      const request = await apiPost<CaseRequest>('case-requests', { citizenId: citizen.id, requestedOn: danishDaysFromToday(-20), channel: 'personal' }, AARHUS_STAFF);
      const enrolment = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-20), caseRequestId: request.id }, AARHUS_STAFF);
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/enrolments/${enrolment.id}/show`);
      await page.getByRole('button', { name: 'Start forløbet' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Bekræft' }).click();
      await dialog.getByText('Starten ligger efter behandlingsgarantiens sidste dag: skriv årsagen (den gemmes på henvendelsen)').waitFor();
      await dialog.getByRole('textbox', { name: 'Årsag til at behandlingsgarantien ikke blev holdt' }).fill('Ingen ledig plads i ICM før nu');
      await screenshot(page, 'case-request-missed-reason');
      await dialog.getByRole('button', { name: 'Bekræft' }).click();
      await page.getByText('Forløbet er nu: Aktiv').waitFor();
      const missed = await apiGet<CaseRequest>(`case-requests/${request.id}`, AARHUS_STAFF);
      expect([missed.guarantee?.status, missed.guarantee?.daysToStart, missed.missedReason]).toEqual(['missed', 20, 'Ingen ledig plads i ICM før nu']);
      expect(browser.pageErrors).toEqual([]);
    },
    120_000,
  );
});
