import type { CaseRequest, Citizen, Enrolment } from '@outcomes/contracts';
import { demoEmail } from '@outcomes/seeds';
import { freshCpr } from './support/a11y-data';
import { apiGet, apiPost, listQuery } from './support/api';
import { expectNoAxeViolations, settle } from './support/a11y';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, pickOption, screenshot } from './support/browser';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');



/**
 * Anonymous treatment (Serviceloven § 101 a): staff register a request for a citizen without a CPR
 * number as anonymous treatment, and the pages say "ingen behandlingsgaranti" where the clock would be;
 * no decision form, and the request is not on the guarantee's worklist.
 */
describe('anonymous treatment (§ 101 a)', () => {
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'registers an anonymous request for a citizen without a CPR number: "ingen behandlingsgaranti", no decision, not on the worklist; a citizen with a CPR number is not offered the kind',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: null, firstName: `Anonym${letters(5)}`, lastName: `Uden${letters(5)}`, birthYear: 1991, sex: 'female' }, AARHUS_STAFF);
      const fullName = `${citizen.firstName} ${citizen.lastName}`;

      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
      await page.getByTestId('citizen-case-requests').getByText('Ingen henvendelser registreret').waitFor();
      await page.getByRole('link', { name: 'Ny henvendelse' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/case-requests/create'));
      await page.getByRole('link', { name: fullName }).waitFor();
      await pickOption(page, 'Forløbstype', 'Anonym behandling (§ 101 a)');
      await page.getByText('uden behandlingsgaranti og uden afgørelse, der kan påklages', { exact: false }).waitFor();
      await pickOption(page, 'Henvendelsesform', 'Telefon');
      await page.getByRole('textbox', { name: 'Forbrug af rusmidler og alkohol' }).fill('Kokain i weekenderne');
      await screenshot(page, 'anonymous-request-create');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Elementet er oprettet').waitFor();
      await page.waitForFunction(() => /^#\/case-requests\/[0-9a-f-]{36}$/.test(document.location.hash));

      const [request] = await apiGet<CaseRequest[]>(`case-requests${listQuery({ citizenId: citizen.id })}`, AARHUS_STAFF);
      if (!request) throw new Error('the request was not stored');
      expect([request.courseKind, request.guarantee, request.channel, request.assessment.drugsAndAlcohol]).toEqual(['sel-101a', null, 'phone', 'Kokain i weekenderne']);

      // The request's page: the kind, no clock, no decision form, no guarantee inputs.
      await page.getByTestId('course-kind').getByText('Anonym behandling (§ 101 a)').waitFor();
      await page.getByTestId('guarantee-status').getByText('ingen behandlingsgaranti', { exact: true }).waitFor();
      await page.getByTestId('no-decision').getByText('afgørelser efter § 101 a kan ikke påklages', { exact: false }).waitFor();
      expect(await page.getByTestId('decisions').count()).toBe(0);
      expect(await page.getByRole('textbox', { name: 'Frit valg af andet sted (dato)' }).count()).toBe(0);
      await screenshot(page, 'anonymous-request');
      await expectNoAxeViolations(page, 'an anonymous request');

      // The enrolment answering it: no choice of kind (it has the request's); the age is unknown without
      // a CPR number, so the programme's age range asks for a written reason.
      await page.getByRole('link', { name: 'Opret forløb til henvendelsen' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/enrolments/create'));
      await pickOption(page, 'Program', 'ICM – intensiv case management');
      await pickOption(page, 'Behandlingscenter', 'Rusmiddelcenter Aarhus, Centrum');
      expect(await page.getByRole('combobox', { name: 'Forløbstype' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('eligibility-failures').waitFor();
      await page.getByRole('textbox', { name: 'Begrundelse for dispensation' }).fill('Anonym borger; oplyst alder 35 år');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Elementet er oprettet').waitFor();
      await page.waitForFunction(() => /^#\/enrolments\/[0-9a-f-]{36}\/show/.test(document.location.hash));
      await page.getByText('Anonym behandling (§ 101 a)', { exact: true }).waitFor();
      const [enrolment] = await apiGet<Enrolment[]>(`enrolments${listQuery({ citizenId: citizen.id })}`, AARHUS_STAFF);
      expect([enrolment?.courseKind, enrolment?.caseRequestId]).toEqual(['sel-101a', request.id]);

      // The citizen's page says so too: the request and the enrolment.
      await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
      await page.getByTestId('citizen-case-request').getByText('Anonym behandling (§ 101 a) · ingen behandlingsgaranti').waitFor();
      await page.getByTestId('enrolment-anonymous').getByText('Anonym behandling (§ 101 a) · ingen behandlingsgaranti').waitFor();
      await screenshot(page, 'anonymous-citizen');
      await expectNoAxeViolations(page, 'the page of a citizen in anonymous treatment');

      // Not on the guarantee's worklist (§ 101 requests only).
      await page.goto(`${baseUrl()}/#/`);
      await page.getByTestId('worklist-guarantees').waitFor();
      await settle(page);
      expect(await page.getByTestId('worklist-guarantee').filter({ hasText: citizen.lastName }).count()).toBe(0);

      // A citizen with a CPR number is not offered anonymous treatment.
      const withCpr = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Med${letters(5)}`, lastName: `Cpr${letters(5)}` }, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/citizens/${withCpr.id}/show`);
      await page.getByRole('link', { name: 'Ny henvendelse' }).click();
      await page.getByTestId('course-kind-cpr').getByText('Stofmisbrugsbehandling (serviceloven § 101)').waitFor();
      expect(await page.getByRole('combobox', { name: 'Forløbstype' }).count()).toBe(0);
    },
    120_000,
  );

  it(
    'refers a citizen without a CPR number to anonymous treatment without a request: the kind is chosen on the referral',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: null, firstName: `Anonym${letters(5)}`, lastName: `Henvist${letters(5)}` }, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/citizens/${citizen.id}/show`);
      await page.getByRole('link', { name: 'Henvis til program' }).click();
      await pickOption(page, 'Forløbstype', 'Anonym behandling (§ 101 a)');
      await pickOption(page, 'Program', 'ICM – intensiv case management');
      await pickOption(page, 'Behandlingscenter', 'Rusmiddelcenter Aarhus, Centrum');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByTestId('eligibility-failures').waitFor();
      await page.getByRole('textbox', { name: 'Begrundelse for dispensation' }).fill('Anonym borger; oplyst alder 29 år');
      await screenshot(page, 'anonymous-enrolment-create');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Elementet er oprettet').waitFor();
      const [enrolment] = await apiGet<Enrolment[]>(`enrolments${listQuery({ citizenId: citizen.id })}`, AARHUS_STAFF);
      expect([enrolment?.courseKind, enrolment?.caseRequestId]).toEqual(['sel-101a', null]);
    },
    60_000,
  );

  it(
    'in English: "no treatment guarantee"',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: null, firstName: `Anon${letters(5)}`, lastName: `Without${letters(5)}` }, AARHUS_STAFF);
      const request = await apiPost<CaseRequest>('case-requests', { citizenId: citizen.id, courseKind: 'sel-101a', requestedOn: '2025-01-06', channel: 'digital' }, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/case-requests/${request.id}`);
      await page.getByRole('button', { name: 'Dansk' }).first().click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('button', { name: 'English' }).first().waitFor();
      await page.getByTestId('course-kind').getByText('Anonymous treatment (§ 101 a)').waitFor();
      await page.getByTestId('guarantee-status').getByText('no treatment guarantee', { exact: true }).waitFor();
      await page.getByTestId('no-decision').getByText('decisions under § 101 a cannot be appealed', { exact: false }).waitFor();
      await screenshot(page, 'anonymous-request-en');
    },
    60_000,
  );
});
