import { DEMO_PASSWORD } from '@outcomes/seeds';
import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** Opens the login page (in Danish, as a fresh page load is) and stays there. */
export async function openLoginPage(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/#/login`);
  await page.locator('input[name="email"]').waitFor();
}

/** Fills the login form and presses "Log ind"; does not wait for the outcome. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/** What each role's landing page shows once it is there (staff's worklist, the coordinator's dashboard, ...). */
export const LANDED = 'table, [data-testid="worklist"], [data-testid="coordinator-dashboard"], [data-testid="outcomes-dashboard"]';

/**
 * Signs in through the login form and waits for the menu and the role's landing page (its own work:
 * see apps/web/src/layout/role-home.ts). Leaving that page while its first reads are under way could
 * leave the next page loading forever (seen about once in 20 sign-ins), so the tests start from a
 * settled page.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await openLoginPage(page);
  await submitLogin(page, email, password);
  await page.waitForFunction(() => !document.location.hash.startsWith('#/login'));
  await page.getByRole('menuitem').first().waitFor();
  await page.locator(LANDED).first().waitFor();
  // The dashboards show before their reads are done: wait until react-admin's loading indicator is idle.
  await page.waitForFunction(() => document.querySelector('.app-loader') === null);
}

/** The user menu's button: labelled "Profil", showing the user's name. */
export const userMenuButton = (page: Page) => page.getByRole('button', { name: 'Profil' });

/** Signs out through the user menu and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  // react-admin's app bar hides while the page is scrolled down (a full run once timed out on a
  // citizen page scrolled to its legal-hold panel): back at the top it shows again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await userMenuButton(page).click();
  await page.getByRole('menuitem', { name: 'Log ud' }).click();
  await page.locator('input[name="email"]').waitFor();
}
