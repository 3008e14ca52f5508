import type { CaseRequest, Citizen, Enrolment, Referral } from '@outcomes/contracts';
import { ASI_INTAKE_EXAMPLE, demoEmail } from '@outcomes/seeds';
import { freshCpr } from './support/a11y-data';
import { expectNoAxeViolations } from './support/a11y';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, pickOption, recordFailedResponses, screenshot } from './support/browser';
import { danishDaysFromToday, typedDanish } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const ODENSE_STAFF = demoEmail('staff', 'odense');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

describe('free choice: Aarhus refers a citizen to Odense, Odense accepts', () => {
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
    'Aarhus refers from the request with the citizen\'s own choice; Odense sees the referral, accepts it into its own course; Aarhus follows the course',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Valg${letters(5)}`, lastName: `Frit${letters(6)}` }, AARHUS_STAFF);
      const fullName = `${citizen.firstName} ${citizen.lastName}`;
      const request = await apiPost<CaseRequest>('case-requests', { citizenId: citizen.id, requestedOn: danishDaysFromToday(-2), channel: 'phone' }, AARHUS_STAFF);
      const today = danishDaysFromToday(0);

      // Aarhus: from the request's page, a referral to Odense's place, the citizen's own choice.
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/case-requests/${request.id}`);
      await page.getByTestId('request-referrals').getByText('Ingen henvisninger fra denne henvendelse.').waitFor();
      await page.getByTestId('request-refer').click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/referrals/create'));
      await page.getByRole('link', { name: fullName }).waitFor();
      await pickOption(page, 'Behandlingssted i en anden kommune', 'Misbrugscenter Odense Syd (Odense)');
      await page.getByRole('textbox', { name: 'Borgerens eget valg af stedet (dato)' }).fill(typedDanish(today));
      await page.getByRole('textbox', { name: 'Besked til behandlingsstedet' }).fill('Borgeren vil gerne behandles tæt på sin søster i Odense');
      await expectNoAxeViolations(page, 'new referral');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/referrals'));
      const outgoing = page.getByTestId('referrals-outgoing').getByTestId('referral-outgoing').filter({ hasText: fullName });
      await outgoing.getByText('Afventer svar').waitFor();
      await outgoing.getByText(`Borgerens eget valg ${Number(today.slice(8, 10))}.${Number(today.slice(5, 7))}.${today.slice(0, 4)}`).waitFor();
      // The citizen's own choice is the guarantee's waiver, on the request.
      const waived = await apiGet<CaseRequest>(`case-requests/${request.id}`, AARHUS_STAFF);
      expect(waived.waiverOn).toBe(today);
      expect(waived.guarantee?.status).toBe('waived');
      await signOut(page);

      // Odense: the incoming referral, as it shows the citizen; accept into ICM at Odense Syd.
      await signIn(page, ODENSE_STAFF);
      await page.getByRole('menuitem', { name: 'Henvisninger' }).click();
      const incoming = page.getByTestId('referrals-incoming').getByTestId('referral-incoming').filter({ hasText: fullName });
      await incoming.getByText('Fra: Aarhus').waitFor();
      await incoming.getByText('Borgeren vil gerne behandles tæt på sin søster i Odense').waitFor();
      await expectNoAxeViolations(page, 'referrals, incoming');
      await screenshot(page, 'referrals-incoming');
      await incoming.getByTestId('referral-accept').click();
      const dialog = page.getByRole('dialog', { name: 'Modtag henvisningen' });
      await pickOption(page, 'Tilbud hos os', 'ICM – intensiv case management');
      await expectNoAxeViolations(page, 'accept dialog');
      await dialog.getByTestId('referral-confirm').click();
      await page.getByText('Henvisningen er modtaget, og borgeren er indskrevet').waitFor();
      const accepted = page.getByTestId('referrals-incoming').getByTestId('referral-incoming').filter({ hasText: fullName });
      await accepted.getByText('Modtaget').waitFor();
      await accepted.getByRole('link', { name: 'Åbn forløbet' }).waitFor();
      const [mine] = (await apiGet<Referral[]>('referrals/incoming', ODENSE_STAFF)).filter((r) => r.lastName === citizen.lastName);
      expect(mine).toMatchObject({ state: 'accepted', direction: 'incoming' });
      expect(mine?.citizenId).not.toBe(citizen.id);
      // Odense starts the course and records an intake ASI (the seeds' example interview), for Aarhus to see its outcome.
      const odenseCourse = await apiGet<Enrolment>(`enrolments/${mine?.enrolmentId}`, ODENSE_STAFF);
      await apiPost(`enrolments/${odenseCourse.id}/transitions`, { to: 'active', date: danishDaysFromToday(0), version: odenseCourse.version }, ODENSE_STAFF);
      await apiPost('assessments', { enrolmentId: odenseCourse.id, timepoint: 'intake', date: danishDaysFromToday(0), items: { ...ASI_INTAKE_EXAMPLE } }, ODENSE_STAFF);
      await signOut(page);

      // Aarhus: the referral accepted; the course's progress, as the referring side may see it.
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/referrals`);
      const followed = page.getByTestId('referrals-outgoing').getByTestId('referral-outgoing').filter({ hasText: fullName });
      await followed.getByText('Modtaget').waitFor();
      await followed.getByTestId('referral-show-progress').click();
      await followed.getByTestId('referral-sessions').getByText('0 af 0 registrerede samtaler gennemført').waitFor();
      // The outcome: the latest ASI's composites, by hand from docs/asi-scoring.md and the example's items:
      // medical 9/90 + 3/12 + 2/12 = 0,517; drug (2 + 10 + 1 + 5)/390 + 2/52 + 3/52 = 0,142.
      const asi = followed.getByTestId('referral-asi');
      await asi.getByText(`Seneste ASI-udredning ${typedDanish(danishDaysFromToday(0))}`, { exact: false }).waitFor();
      await expect(asi.textContent()).resolves.toContain('Fysisk helbred0,517');
      await expect(asi.textContent()).resolves.toContain('Stoffer0,142');
      await expectNoAxeViolations(page, 'referrals, outgoing with progress');
      await screenshot(page, 'referrals-outgoing-progress');
      const [outgoingReferral] = await apiGet<Referral[]>(`referrals${listQuery({ caseRequestId: request.id })}`, AARHUS_STAFF);
      expect(outgoingReferral?.state).toBe('accepted');
      expect(failed).toEqual([]);
    },
    240_000,
  );
});
