import { demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser } from './support/browser';
import { createOperator, OPERATOR_PASSWORD } from './support/operator';

const menuItems = async (page: Page): Promise<string[]> => (await page.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());

interface Landing {
  /** The page's address after sign-in, and after "Oversigt". */
  hash: string;
  /** What that page shows. */
  shows: string;
  /** The menu's first entries, in order ("Oversigt" first for every role). */
  menu: string[];
  /** Another page of the role's, to come back from through "Oversigt". */
  elsewhere: string;
}

// Written out by hand from the task: each role lands on its own work, the menu in the order of what it does most.
const LANDINGS: Record<'staff' | 'coordinator' | 'evaluator' | 'admin', Landing> = {
  staff: {
    hash: '#/',
    shows: '[data-testid="worklist"]',
    menu: ['Oversigt', 'Borgere', 'Henvendelser', 'Henvisninger', 'Overdragelser', 'Samtaler', 'Opsøgende kontakter', 'Forløb', 'Grupper', 'Gruppemøder', 'Resultater', 'Indberetning', 'Behandlingsgaranti', 'Nødadgange', 'Behandlingssteder', 'Indlæs'],
    elsewhere: 'Kommuner',
  },
  coordinator: {
    hash: '#/coordinator-dashboard',
    shows: '[data-testid="coordinator-dashboard"]',
    menu: ['Oversigt', 'Koordinatoroversigt', 'Grupper', 'Gruppemøder', 'Frivillige', 'Uddannelser', 'Organisationer'],
    elsewhere: 'Frivillige',
  },
  evaluator: {
    hash: '#/outcomes',
    shows: '[data-testid="outcomes-dashboard"]',
    menu: ['Oversigt', 'Resultater', 'Eksporter', 'Evaluatoradgange'],
    elsewhere: 'Programmer',
  },
  admin: {
    hash: '#/users',
    shows: 'table',
    menu: ['Oversigt', 'Brugere', 'Behandlingsgaranti', 'Nødadgange', 'Adgangslog', 'Indsigt (art. 15)', 'Evaluatoradgange', 'Behandlingscentre', 'Programmer', 'Kommuner', 'Behandlingssteder', 'Sletning'],
    elsewhere: 'Kommuner',
  },
};

describe('each role lands on its own work', () => {
  let browser: OpenBrowser;

  beforeEach(async () => {
    browser = await openBrowser();
    await browser.page.setViewportSize({ width: 1280, height: 800 });
  });

  afterEach(async () => {
    await browser?.close();
  });

  const landsOn = async (page: Page, landing: Landing) => {
    await page.waitForFunction((hash) => document.location.hash === hash, landing.hash);
    await page.locator(landing.shows).first().waitFor();
  };

  for (const [role, landing] of Object.entries(LANDINGS) as [keyof typeof LANDINGS, Landing][]) {
    it(`${role}: lands on ${landing.hash}, "Oversigt" goes there too, the menu starts with ${landing.menu.slice(1, 3).join(', ')}`, async () => {
      const { page } = browser;
      await signIn(page, demoEmail(role, 'odense'));
      await landsOn(page, landing);
      expect((await menuItems(page)).slice(0, landing.menu.length)).toEqual(landing.menu);

      await page.getByRole('menuitem', { name: landing.elsewhere, exact: true }).click();
      await page.waitForFunction((hash) => document.location.hash !== hash, landing.hash);
      await page.getByRole('menuitem', { name: 'Oversigt', exact: true }).click();
      await landsOn(page, landing);
      expect(browser.pageErrors).toEqual([]);
    });
  }

  it('operator: lands on the programme catalogue, "Oversigt" goes there too, the menu starts with Programmer, Behandlingssteder', async () => {
    const { page } = browser;
    const email = createOperator();
    await signIn(page, email, OPERATOR_PASSWORD);
    const landing: Landing = { hash: '#/programmes', shows: 'table', menu: ['Oversigt', 'Programmer', 'Behandlingssteder', 'Kommuner', 'Behandlingscentre', 'Adgangslog', 'API-nøgler'], elsewhere: 'Kommuner' };
    await landsOn(page, landing);
    expect(await menuItems(page)).toEqual(landing.menu);

    await page.getByRole('menuitem', { name: 'Kommuner' }).click();
    await page.waitForFunction(() => document.location.hash.startsWith('#/municipalities'));
    await page.getByRole('menuitem', { name: 'Oversigt', exact: true }).click();
    await landsOn(page, landing);
    expect(browser.pageErrors).toEqual([]);
  });
});
