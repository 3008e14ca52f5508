import type { Citizen, Enrolment, NoteHistory, TreatmentSession } from '@outcomes/contracts';
import { DEMO_IDS, demoEmail } from '@outcomes/seeds';
import { apiGet, apiPost } from './support/api';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser, screenshot, uniqueSuffix } from './support/browser';
import { freshCpr } from './support/a11y-data';
import { danishDaysFromToday } from './support/dates';

const STAFF = demoEmail('staff', 'aarhus');

const ORIGINAL = 'Borgeren fortalte om sin bolig på Trøjborg.';
const CORRECTED = 'Borgeren fortalte om sin bolig i Viby.';
const REASON = 'Forkert bydel noteret';

/**
 * A staff member corrects a session's note: the form asks why, and after saving, the original text is
 * still on the page with the correction, who made it and why. Then the session is marked entered in
 * error: it stays, marked, and the citizen's page shows it so (issue 21; docs/domain.md).
 */
describe('notes that are never lost', () => {
  let browser: OpenBrowser;
  let citizen: Citizen;
  let session: TreatmentSession;

  beforeAll(async () => {
    citizen = await apiPost<Citizen>('citizens', { cpr: freshCpr(), firstName: `Note${uniqueSuffix()}`, lastName: 'Rettelse' }, STAFF);
    const referred = await apiPost<Enrolment>('enrolments', { citizenId: citizen.id, programmeId: DEMO_IDS.programmes.icm, centreId: DEMO_IDS.centres.aarhusCentrum, referralDate: danishDaysFromToday(-10) }, STAFF);
    const enrolment = await apiPost<Enrolment>(`enrolments/${referred.id}/transitions`, { to: 'active', date: danishDaysFromToday(-9), version: referred.version }, STAFF);
    session = await apiPost<TreatmentSession>(
      'sessions',
      { enrolmentId: enrolment.id, startsAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), durationMinutes: 45, kind: 'individual-session', attendance: 'attended', note: ORIGINAL },
      STAFF,
    );
    browser = await openBrowser();
    await signIn(browser.page, STAFF);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('corrects a note with a reason, and the original stays visible', async () => {
    const { page } = browser;
    await page.goto(`${new URL(page.url()).origin}/#/sessions/${session.id}`);
    const note = page.getByRole('textbox', { name: 'Notat' });
    await note.waitFor();
    expect(await note.inputValue()).toBe(ORIGINAL);
    await note.fill(CORRECTED);
    // The form now asks for the reason ("Ret notat"); saving without one is refused on the page.
    await page.getByRole('group', { name: 'Ret notat' }).waitFor();
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Skriv hvorfor notatet rettes').waitFor();
    await page.getByRole('textbox', { name: 'Begrundelse for rettelsen' }).fill(REASON);
    await screenshot(page, 'case-notes-correction-form');
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.waitForFunction(() => document.location.hash.startsWith('#/citizens/'));

    const history = await apiGet<NoteHistory>(`sessions/${session.id}/note-versions`, STAFF);
    expect(history.versions.map((v) => [v.kind, v.text, v.reason])).toEqual([
      ['original', ORIGINAL, null],
      ['correction', CORRECTED, REASON],
    ]);

    // The citizen's page says the note was corrected; the session page shows both texts.
    await page.getByTestId('note-corrected-chip').waitFor();
    await page.goto(`${new URL(page.url()).origin}/#/sessions/${session.id}`);
    const shown = page.getByTestId('note-history');
    await shown.getByText(ORIGINAL).waitFor();
    await shown.getByText(CORRECTED).waitFor();
    await shown.getByText(REASON).waitFor();
    expect(await shown.getByTestId('note-version-original').count()).toBe(1);
    await shown.scrollIntoViewIfNeeded();
    await screenshot(page, 'case-notes-history');
  });

  it('marks the session entered in error with a reason; it stays, marked, on the citizen\'s page', async () => {
    const { page } = browser;
    await page.goto(`${new URL(page.url()).origin}/#/sessions/${session.id}`);
    await page.getByRole('button', { name: 'Markér som fejlregistreret' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await dialog.getByText('Skriv hvorfor samtalen er fejlregistreret').waitFor();
    await dialog.getByRole('textbox', { name: 'Begrundelse' }).fill('Registreret på den forkerte borger');
    await dialog.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByTestId('entered-in-error').waitFor();
    expect(await page.getByRole('button', { name: 'Gem' }).count()).toBe(0);
    await screenshot(page, 'case-notes-entered-in-error');

    const stored = await apiGet<TreatmentSession>(`sessions/${session.id}`, STAFF);
    expect(stored.enteredInError?.reason).toBe('Registreret på den forkerte borger');

    await page.goto(`${new URL(page.url()).origin}/#/citizens/${citizen.id}/show`);
    await page.getByTestId('entered-in-error-chip').waitFor();
    await page.getByText('Registreret på den forkerte borger').waitFor();
    await screenshot(page, 'case-notes-citizen-page');
  });
});
