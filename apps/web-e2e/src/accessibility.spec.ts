import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoEmail } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import type { Finding } from './support/a11y';
import { axeFindings, describeFindings, settle, trackRequests } from './support/a11y';
import type { A11yPage, A11yRole } from './support/a11y-pages';
import { PUBLIC_PAGES, resolvePath, showHcsOutcomes, ROLE_PAGES, PUBLIC_STATEMENT_PATH } from './support/a11y-pages';
import { odenseCase, odenseExportProject, ODENSE_EVALUATOR, ODENSE_STAFF } from './support/a11y-data';
import { openLoginPage, signIn } from './support/auth';
import type { OpenBrowser } from './support/browser';
import { baseUrl, openBrowser } from './support/browser';
import { createOperator, OPERATOR_PASSWORD } from './support/operator';

/**
 * axe-core (WCAG 2.1 A and AA rules) on every page of every role (issue 25): every page in Danish, the
 * users' language, and each distinct page once more in English. A violation fails the page's test with
 * the rule, its help text and each offending element's selector.
 * With A11Y_REPORT=<file> the run also writes every finding there as Markdown (for the helpers fixing them).
 */

type Language = 'da' | 'en';

interface Row {
  page: string;
  role: string;
  language: Language;
  owner: string;
  findings: Finding[];
}
const report: Row[] = [];

/** The app bar's parts (title, municipality, language and user menus, loading indicator): theme's AppBar.tsx on every page. */
const APP_BAR = /RaUserMenu|simple-menu|RaConfigurable-root|RaLoadingIndicator|^\.MuiTypography-h6$|app-bar|MuiAppBar/;

/**
 * Who fixes a finding: the app bar's are theme's, and so is every contrast failure in the first place
 * (the light theme's palette); anything else belongs to the page's owner.
 */
function ownerOf(rule: string, target: string, pageOwner: string): string {
  if (APP_BAR.test(target)) return 'theme (app bar)';
  if (rule === 'color-contrast') return `theme (palette), else ${pageOwner}`;
  return pageOwner;
}

/** Goes to a route inside the running app without reloading it (the chosen language lives in memory). */
async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${path}`);
  await page.waitForFunction((hash) => window.location.hash === hash || window.location.hash.startsWith(`${hash}?`), `#${path}`);
  await settle(page);
}

/** Switches the signed-in app to English through the language menu in the app bar (or on the login page). */
async function chooseEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Dansk' }).first().click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  // The menu's button names the language in use once the English messages are loaded.
  await page.getByRole('button', { name: 'English' }).first().waitFor();
}

async function audit(page: Page, entry: A11yPage, role: string, language: Language): Promise<void> {
  // WCAG 3.1.1: the page says which language it is in (axe checks only that lang is valid, not that it is right).
  expect(`${entry.name}: html lang=${await page.evaluate(() => document.documentElement.lang)}`).toBe(`${entry.name}: html lang=${language}`);
  // WCAG 3.1.2: what staff write in their own words (notes, reasons, purposes) is Danish, so on an
  // English page each such box says so (MUI's hidden twin that sizes a box is not read: aria-hidden).
  const unmarked = await page.evaluate(() =>
    [...document.querySelectorAll('textarea:not([aria-hidden="true"])')].filter((box) => box.getAttribute('lang') !== 'da').map((box) => box.getAttribute('name') ?? '?'),
  );
  expect(`${entry.name}: text boxes not marked Danish: ${unmarked.join(', ') || 'none'}`).toBe(`${entry.name}: text boxes not marked Danish: none`);
  const findings = await axeFindings(page);
  report.push({ page: `${entry.name} (#${entry.path})`, role, language, owner: entry.owner, findings });
  expect(describeFindings(`${entry.name} as ${role} in ${language}`, findings)).toBe(`${entry.name} as ${role} in ${language}: no violations`);
}

const EMAILS: Record<Exclude<A11yRole, 'operator'>, string> = {
  staff: demoEmail('staff', 'odense'),
  coordinator: demoEmail('coordinator', 'odense'),
  evaluator: demoEmail('evaluator', 'odense'),
  admin: demoEmail('admin', 'odense'),
};

// English once per distinct page: a page several roles see (the programmes list, ...) only for its first role.
const englishOnce = new Set<string>();
const ENGLISH: Record<A11yRole, A11yPage[]> = (Object.keys(ROLE_PAGES) as A11yRole[]).reduce(
  (byRole, role) => {
    byRole[role] = ROLE_PAGES[role].filter((entry) => {
      const key = entry.path.replace(/\{[a-z-]+\}/, 'id');
      if (englishOnce.has(key)) return false;
      englishOnce.add(key);
      return true;
    });
    return byRole;
  },
  {} as Record<A11yRole, A11yPage[]>,
);

describe('accessibility: axe-core finds no WCAG 2.1 A/AA violation', () => {
  const ids = new Map<string, string>();

  // Records the demo data does not hold (a citizen's case, an export project), made once for every role's pages.
  beforeAll(async () => {
    const record = await odenseCase();
    ids.set(`${ODENSE_STAFF} citizens`, record.citizen.id);
    ids.set(`${ODENSE_STAFF} enrolments`, record.enrolment.id);
    ids.set(`${ODENSE_STAFF} sessions`, record.session.id);
    ids.set(`${ODENSE_STAFF} assessments`, record.assessment.id);
    ids.set(`${ODENSE_STAFF} case-requests`, record.caseRequest.id);
    ids.set(`${ODENSE_EVALUATOR} export-projects`, (await odenseExportProject()).id);
  });

  afterAll(() => {
    const file = process.env['A11Y_REPORT'];
    if (!file || report.length === 0) return;
    mkdirSync(dirname(file), { recursive: true });
    // A finding on many pages (the app bar, the menu) is one fix: list it once with the pages it is on.
    const grouped = new Map<string, { rule: string; impact: string; target: string; summary: string; owner: string; where: string[] }>();
    for (const row of report) {
      for (const finding of row.findings) {
        for (const node of finding.nodes) {
          const key = `${finding.rule} ${node.target}`;
          const entry = grouped.get(key) ?? { rule: finding.rule, impact: finding.impact, target: node.target, summary: node.summary, owner: ownerOf(finding.rule, node.target, row.owner), where: [] };
          entry.where.push(`${row.page} ${row.role}/${row.language}`);
          grouped.set(key, entry);
        }
      }
    }
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    const entries = [...grouped.values()].sort((a, b) => b.where.length - a.where.length || a.rule.localeCompare(b.rule));
    const lines = [
      `# axe-core findings (WCAG 2.1 A/AA), ${new Date().toISOString()}`,
      '',
      `Pages audited: ${report.length}; with violations: ${report.filter((row) => row.findings.length > 0).length}. Owner: theme for the app bar and (first) for contrast, which its palette sets; otherwise the helper whose files build the page (issue 25's ownership in /tmp/common.md).`,
      '',
      '| rule (impact) | element | what is wrong | owner | pages (count: list) |',
      '|---|---|---|---|---|',
      ...entries.map(
        (entry) =>
          `| ${entry.rule} (${entry.impact}) | \`${cell(entry.target)}\` | ${cell(entry.summary)} | ${entry.owner} | ${entry.where.length}: ${cell(entry.where.slice(0, 12).join('; '))}${entry.where.length > 12 ? '; ...' : ''} |`,
      ),
      '',
      '## Clean pages',
      '',
      report.filter((row) => row.findings.length === 0).map((row) => `${row.page} ${row.role}/${row.language}`).join('; ') || '(none)',
      '',
    ];
    writeFileSync(file, lines.join('\n'));
  });

  describe('before signing in', () => {
    let browser: OpenBrowser;
    beforeAll(async () => {
      browser = await openBrowser();
      trackRequests(browser.page);
    });
    afterAll(() => browser.close());

    for (const language of ['da', 'en'] as const) {
      it(`the login page and the accessibility statement (${language})`, async () => {
        const { page } = browser;
        await openLoginPage(page);
        if (language === 'en') await chooseEnglish(page);
        await settle(page);
        for (const entry of PUBLIC_PAGES) await audit(page, entry, 'anyone', language);
        // The statement is linked from the login page: reach it as a visitor does.
        await goTo(page, PUBLIC_STATEMENT_PATH);
        await audit(page, { name: 'accessibility statement', path: PUBLIC_STATEMENT_PATH, owner: 'theme' }, 'anyone', language);
        expect(browser.pageErrors).toEqual([]);
      });
    }
  });

  for (const role of Object.keys(ROLE_PAGES) as A11yRole[]) {
    for (const language of ['da', 'en'] as const) {
      const pages = language === 'da' ? ROLE_PAGES[role] : ENGLISH[role];
      if (pages.length === 0) continue;
      describe(`${role} in ${language === 'da' ? 'Danish' : 'English'}`, () => {
        let browser: OpenBrowser;
        let email: string;
        beforeAll(async () => {
          browser = await openBrowser();
          trackRequests(browser.page);
          email = role === 'operator' ? createOperator() : EMAILS[role];
          await signIn(browser.page, email, role === 'operator' ? OPERATOR_PASSWORD : undefined);
          if (language === 'en') await chooseEnglish(browser.page);
        });
        afterAll(() => browser.close());

        it.each(pages.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
          const path = await resolvePath(entry.path, email, ids);
          await goTo(browser.page, path);
          if (entry.report) {
            await showHcsOutcomes(browser.page);
            await settle(browser.page);
          }
          await audit(browser.page, entry, role, language);
          expect(browser.pageErrors).toEqual([]);
        });
      });
    }
  }

  it('the app keeps its content security policy (axe ran without bypassing it)', async () => {
    const response = await fetch(`${baseUrl()}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
