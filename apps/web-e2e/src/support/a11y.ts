import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules (the law's level, issue 25); axe's best practices are not part of it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  /** One line per offending element: its selector and what axe says about it. */
  nodes: { target: string; summary: string }[];
}

/** The API requests under way in each page, counted from the first settle() on. */
const inFlight = new WeakMap<Page, Set<unknown>>();

export function trackRequests(page: Page): Set<unknown> {
  let open = inFlight.get(page);
  if (!open) {
    const requests = new Set<unknown>();
    page.on('request', (request) => {
      if (request.url().includes('/api/')) requests.add(request);
    });
    page.on('requestfinished', (request) => requests.delete(request));
    page.on('requestfailed', (request) => requests.delete(request));
    inFlight.set(page, requests);
    open = requests;
  }
  return open;
}

/**
 * Waits until the page shows its content and stays so: no API request under way for 600 ms (react-admin
 * shows its progress indicators only after a second of loading, so "no spinner now" is not enough), no
 * loader, progress indicator or skeleton, the fonts loaded, and MUI's transitions over (axe measures
 * contrast on what is painted; a read mid-fade reports colours no one sees).
 */
export async function settle(page: Page): Promise<void> {
  const open = trackRequests(page);
  const deadline = Date.now() + 15_000;
  let quietSince = Date.now();
  while (Date.now() - quietSince < 600) {
    if (Date.now() > deadline) throw new Error(`the page never settled: ${open.size} API request(s) still under way`);
    await page.waitForTimeout(100);
    if (open.size > 0) quietSince = Date.now();
  }
  await page.waitForFunction(
    () =>
      document.querySelector('.app-loader, .MuiCircularProgress-root, .MuiLinearProgress-root, .MuiSkeleton-root') === null &&
      document.querySelector('#root *') !== null,
    undefined,
    { timeout: 15_000 },
  );
  // The pointer off every control: where the last click left it would otherwise audit one button's hover
  // colours on some runs and not on others (hover contrast is a manual check: docs/accessibility.md).
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

/**
 * Runs axe-core on the page as it is. @axe-core/playwright puts axe into the page through Playwright's
 * evaluate (the DevTools protocol), which the content security policy does not govern: the app keeps
 * its policy (script-src 'self') and the test does not bypass it.
 */
export async function axeFindings(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation: Result) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map((part) => (Array.isArray(part) ? part.join(' >> ') : String(part))).join(' | '),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '').slice(0, 240),
    })),
  }));
}

/** The findings as a failure message a person can act on: rule, help, and each element's selector. */
export function describeFindings(where: string, findings: Finding[]): string {
  if (findings.length === 0) return `${where}: no violations`;
  const lines = findings.flatMap((finding) => [
    `  ${finding.rule} (${finding.impact}): ${finding.help}`,
    ...finding.nodes.slice(0, 8).map((node) => `    - ${node.target}: ${node.summary}`),
    ...(finding.nodes.length > 8 ? [`    ... and ${finding.nodes.length - 8} more elements`] : []),
  ]);
  return [`${where}: ${findings.length} WCAG 2.1 A/AA rule(s) violated`, ...lines].join('\n');
}

/** WCAG 2.1 A/AA by axe on the page as it is now, once its reads are done; fails listing rule, element and problem. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  await settle(page);
  expect(describeFindings(where, await axeFindings(page))).toBe(`${where}: no violations`);
}
