import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { settle } from './support/a11y';
import { odenseCase, ODENSE_STAFF } from './support/a11y-data';
import { showHcsOutcomes } from './support/a11y-pages';
import { DEMO_PASSWORD } from '@outcomes/seeds';
import { openLoginPage, submitLogin } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { openBrowser } from './support/browser';

/**
 * WCAG 1.4.10 Reflow (issue 25): at 320 CSS px (1280 px at 400 % zoom) the pages read without
 * scrolling sideways; only a data table may, inside its own region that a keyboard user can focus
 * and scroll (role="region", a name, tabIndex 0).
 */

const SHOTS = '/tmp/a11y/shots/axe';

interface Overflow {
  pageWidth: number;
  /** Tables wider than their box whose scrolling box is no named, focusable region. */
  unreachableTables: string[];
}

async function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const scrolling = document.scrollingElement ?? document.documentElement;
    const unreachableTables: string[] = [];
    for (const table of Array.from(document.querySelectorAll('table'))) {
      let box = table.parentElement;
      while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (!box || box === document.body || box.scrollWidth <= box.clientWidth) continue;
      const named = Boolean(box.getAttribute('aria-label') || box.getAttribute('aria-labelledby'));
      if (box.getAttribute('role') !== 'region' || !named || box.tabIndex !== 0) {
        unreachableTables.push(`${box.tagName.toLowerCase()}.${box.className.toString().split(' ').slice(0, 2).join('.')} (role=${box.getAttribute('role')}, named=${named}, tabIndex=${box.tabIndex})`);
      }
    }
    return { pageWidth: scrolling.scrollWidth, unreachableTables };
  });
}

describe('reflow at 320 CSS px: no sideways scrolling but inside a data table’s own region', () => {
  let browser: OpenBrowser;
  let citizenId: string;
  let caseRequestId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const record = await odenseCase();
    citizenId = record.citizen.id;
    caseRequestId = record.caseRequest.id;
    browser = await openBrowser();
    // Narrow before signing in, as a phone or a 400 % zoom is: react-admin keeps a menu opened at desktop
    // width open after a resize, as a modal drawer over the page.
    await browser.page.setViewportSize({ width: 320, height: 640 });
    await openLoginPage(browser.page);
    await submitLogin(browser.page, ODENSE_STAFF, DEMO_PASSWORD);
    await browser.page.getByTestId('worklist').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const PAGES: [string, () => string, string][] = [
    ['the worklist', () => '/', '[data-testid="worklist"]'],
    ['the citizen page', () => `/citizens/${citizenId}/show`, '[data-testid="citizen-assessments"]'],
    ['the outcomes', () => '/outcomes', '[data-testid="outcomes-dashboard"]'],
    // Issue 21: the citizen page above holds the treatment plan (odenseCase makes one); the requests and the guarantee's figures.
    ['the treatment plan on the citizen page', () => `/citizens/${citizenId}/show`, '[data-testid="treatment-plan"]'],
    ['the requests list', () => '/case-requests', '[data-testid="guarantee-figures"]'],
    ['a request', () => `/case-requests/${caseRequestId}`, '[data-testid="decision"]'],
    ['a new request', () => '/case-requests/create', 'form'],
    ['the treatment guarantee figures', () => '/guarantee-figures', '[data-testid="figures-share"]'],
    // Issue 22: referrals (the incoming panel is there with or without referrals).
    ['the referrals', () => '/referrals', '[data-testid="referrals-incoming"]'],
    // Issue 22: hand-overs (the incoming panel is there with or without hand-overs).
    ['the hand-overs', () => '/handovers', '[data-testid="handovers-incoming"]'],
    // Issue 22: the legal hold on the citizen page.
    ['the legal hold on the citizen page', () => `/citizens/${citizenId}/show`, '[data-testid="legal-hold"]'],
    // Issue 22: emergency access (the staff's openings and a new one; the record under an opening: emergency-access.spec.ts).
    ['the emergency accesses', () => '/emergency-accesses', '[role="alert"], .MuiAlert-root'],
    ['a new emergency access', () => '/emergency-accesses/create', 'form'],
    // Free choice (decision 105): the register of approved providers, as staff read it.
    ['the approved providers', () => '/treatment-providers', 'table'],
    // Issue 24: personal API tokens (the list's explanation is there with or without tokens).
    ['the API tokens', () => '/api-tokens', '.MuiAlert-root'],
    ['a new API token', () => '/api-tokens/create', 'form'],
    // Issue 24: import (the upload step; the mapping and the dry run's table: imports.spec.ts).
    ['a new import', () => '/imports/create', '[data-testid="import-kind"]'],
  ];

  it.each(PAGES)('%s', async (name, path, shows) => {
    const { page } = browser;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#${path()}`);
    await page.locator(shows).first().waitFor();
    if (path() === '/outcomes') await showHcsOutcomes(page);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/reflow-320-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
    const overflow = await measure(page);
    expect({ name, ...overflow }).toEqual({ name, pageWidth: 320, unreachableTables: [] });
    expect(browser.pageErrors).toEqual([]);
  });
});
