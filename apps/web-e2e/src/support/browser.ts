import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

// Root needs --no-sandbox; the rest stop Chromium's calls to outside hosts, which the network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const SCREENSHOTS = resolve(__dirname, '../../../../screenshots');

export interface OpenBrowser {
  page: Page;
  /** Uncaught errors in the page; a test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: the global setup did not start the test stack');
  return url.replace(/\/$/, '');
}

/** Chromium as the users have it (Danish); `locale` opens it as another language's user would. */
export async function openBrowser(options: { locale?: string } = {}): Promise<OpenBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error('Chromium is missing: run  apt-get install -y chromium');
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'web-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: options.locale ? [...CHROMIUM_ARGS, `--lang=${options.locale}`] : CHROMIUM_ARGS,
      viewport: { width: 1366, height: 1000 },
      // Language and time zone of the users' browsers (Debian's chromium ships only the en-US
      // locale pack, so native date inputs still read mm/dd/yyyy here).
      locale: options.locale ?? 'da-DK',
      timezoneId: 'Europe/Copenhagen',
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    page,
    pageErrors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** A suffix that keeps this run's records apart from the seeds and from other runs. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** Chooses `option` in the select (MUI combobox) labelled `label`. */
export async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/**
 * Collects into `failed` every answer of 400 or more the page receives ("404 GET /api/…"), so a test
 * can require none. `/api/auth/me` is left out: the sign-in page asks it before anyone has signed in.
 */
export function recordFailedResponses(page: Page, failed: string[]): void {
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() >= 400 && pathname !== '/api/auth/me') failed.push(`${response.status()} ${response.request().method()} ${pathname}`);
  });
}
