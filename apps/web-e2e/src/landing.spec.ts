import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser } from './support/browser';

const OPERATOR_PASSWORD = 'Grøn-Cykel-Lampe-2026!';

/** A national operator, made as an installation makes one: the CLI's create-operator against the test database. */
function createOperator(): string {
  const databaseUrl = process.env['E2E_DATABASE_URL'];
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: the global setup did not start the test stack');
  const email = `operator-${randomUUID().slice(0, 8)}@national.test`;
  const cli = resolve(__dirname, '../../../dist/apps/api/cli.js');
  const result = spawnSync(process.execPath, [cli, 'create-operator', '--email', email, '--name', 'National operatør'], {
    input: `${OPERATOR_PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'operator-cli-')), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`create-operator exited ${result.status}: ${result.stderr}`);
  return email;
}

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
    menu: ['Oversigt', 'Borgere', 'Samtaler', 'Opsøgende kontakter', 'Forløb', 'Grupper', 'Gruppemøder', 'Resultater'],
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
    menu: ['Oversigt', 'Brugere', 'Adgangslog', 'Evaluatoradgange', 'Behandlingscentre', 'Programmer', 'Kommuner'],
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

  it('operator: lands on the programme catalogue, "Oversigt" goes there too, the menu starts with Programmer, Kommuner', async () => {
    const { page } = browser;
    const email = createOperator();
    await signIn(page, email, OPERATOR_PASSWORD);
    const landing: Landing = { hash: '#/programmes', shows: 'table', menu: ['Oversigt', 'Programmer', 'Kommuner', 'Behandlingscentre', 'Adgangslog'], elsewhere: 'Kommuner' };
    await landsOn(page, landing);
    expect(await menuItems(page)).toEqual(landing.menu);

    await page.getByRole('menuitem', { name: 'Kommuner' }).click();
    await page.waitForFunction(() => document.location.hash.startsWith('#/municipalities'));
    await page.getByRole('menuitem', { name: 'Oversigt', exact: true }).click();
    await landsOn(page, landing);
    expect(browser.pageErrors).toEqual([]);
  });
});
