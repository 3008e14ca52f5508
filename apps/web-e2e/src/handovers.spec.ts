import type { AccessLogEntry, Citizen, Enrolment, Handover } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { freshCpr } from './support/a11y-data';
import { expectNoAxeViolations } from './support/a11y';
import { apiGet, apiPost, listQuery } from './support/api';
import { signIn, signOut } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser, pickOption, recordFailedResponses, screenshot } from './support/browser';
import { danishDaysFromToday } from './support/dates';

const AARHUS_STAFF = demoEmail('staff', 'aarhus');
const AARHUS_ADMIN = demoEmail('admin', 'aarhus');
const ODENSE_STAFF = demoEmail('staff', 'odense');

const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

describe('moves: Aarhus hands a citizen over to Odense, Odense accepts and reads the history', () => {
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
    'Aarhus ends the course as transferred to Odense and hands over; Odense accepts into its own course and opens the old record read-only',
    async () => {
      const { page } = browser;
      const citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Flyt${letters(5)}`, lastName: `Borger${letters(6)}` }, AARHUS_STAFF);
      const fullName = `${citizen.firstName} ${citizen.lastName}`;
      const started = danishDaysFromToday(-10);
      const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: started }, AARHUS_STAFF);
      const active = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: started, version: referred.version }, AARHUS_STAFF);

      // Aarhus: the course ends transferred to Odense; the hand-over form follows with all filled in.
      await signIn(page, AARHUS_STAFF);
      await page.goto(`${baseUrl()}/#/enrolments/${active.id}/show`);
      await page.getByRole('button', { name: 'Registrér overførsel' }).click();
      await pickOption(page, 'Status ved afslutning', 'Overgået til anden behandling');
      await pickOption(page, 'Flytter til kommune', 'Odense');
      await expectNoAxeViolations(page, 'transferred dialog');
      await page.getByRole('button', { name: 'Bekræft' }).click();
      await page.waitForFunction(() => document.location.hash.startsWith('#/handovers/create'));
      await page.getByRole('link', { name: fullName }).waitFor();
      await page.getByRole('textbox', { name: 'Besked til den nye kommune' }).fill('Borgeren flytter til Odense og ønsker at fortsætte behandlingen');
      await expectNoAxeViolations(page, 'new hand-over');
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.waitForFunction(() => document.location.hash === '#/handovers');
      const outgoing = page.getByTestId('handovers-outgoing').getByTestId('handover-outgoing').filter({ hasText: fullName });
      await outgoing.getByText('Afventer svar').waitFor();
      await outgoing.getByText('Til: Odense').waitFor();
      const ended = await apiGet<Enrolment>(`enrolments/${active.id}`, AARHUS_STAFF);
      expect(ended).toMatchObject({ state: 'transferred', endStatus: 'transferred', transferredToMunicipalityId: DEMO_IDS.municipalities.odense });
      const [sent] = await apiGet<Handover[]>(`handovers${listQuery({ citizenId: citizen.id })}`, AARHUS_STAFF);
      expect(sent).toMatchObject({ state: 'sent', enrolmentId: active.id, toMunicipalityId: DEMO_IDS.municipalities.odense });
      await signOut(page);

      // Odense: the incoming hand-over; accept into ICM at Odense Syd; then the old record, read-only.
      await signIn(page, ODENSE_STAFF);
      await page.getByRole('menuitem', { name: 'Overdragelser' }).click();
      const incoming = page.getByTestId('handovers-incoming').getByTestId('handover-incoming').filter({ hasText: fullName });
      await incoming.getByText('Fra: Aarhus').waitFor();
      await incoming.getByText('Borgeren flytter til Odense og ønsker at fortsætte behandlingen').waitFor();
      await expectNoAxeViolations(page, 'hand-overs, incoming');
      await incoming.getByTestId('handover-accept').click();
      const dialog = page.getByRole('dialog', { name: 'Modtag overdragelsen' });
      await pickOption(page, 'Tilbud hos os', 'ICM – intensiv case management');
      await pickOption(page, 'Behandlingssted hos os', 'Misbrugscenter Odense Syd');
      await expectNoAxeViolations(page, 'accept dialog');
      await dialog.getByTestId('handover-confirm').click();
      await page.getByText('Overdragelsen er modtaget, og borgeren er indskrevet').waitFor();
      const accepted = page.getByTestId('handovers-incoming').getByTestId('handover-incoming').filter({ hasText: fullName });
      await accepted.getByText('Modtaget').waitFor();
      await accepted.getByRole('link', { name: 'Åbn jeres forløb' }).waitFor();
      await screenshot(page, 'handovers-incoming-accepted');
      await accepted.getByRole('link', { name: 'Læs den gamle journal' }).click();
      const record = page.getByTestId('handover-record');
      await record.getByText('Den gamle journal fra Aarhus').waitFor();
      await record.getByTestId('handover-citizen-name').getByText(fullName).waitFor();
      await record.getByTestId('handover-courses').getByText('Overført').waitFor();
      await expectNoAxeViolations(page, 'old record under a hand-over');
      await screenshot(page, 'handover-old-record');
      await signOut(page);

      // Both logs: Aarhus's admin sees Odense's read of its citizen under the hand-over.
      const reads = await apiGet<AccessLogEntry[]>(`access-log${listQuery({ recordId: sent?.id, action: 'read' })}`, AARHUS_ADMIN);
      expect(reads.some((r) => r.citizenId === citizen.id && r.userId === DEMO_IDS.users.odense.staff && r.resource === 'handovers')).toBe(true);
      expect(failed).toEqual([]);
    },
    240_000,
  );
});
