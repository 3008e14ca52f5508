import type { Locator, Page } from 'playwright-core';

/** What has focus, for a failure message: tag, name-ish attributes and a bit of text. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'the page body';
    const attributes = ['name', 'href', 'aria-label', 'role', 'data-testid'].map((name) => (element.getAttribute(name) ? ` ${name}="${element.getAttribute(name)}"` : '')).join('');
    return `<${element.tagName.toLowerCase()}${attributes}> ${(element.textContent ?? '').trim().slice(0, 60)}`;
  });
}

const isFocused = (target: Locator): Promise<boolean> =>
  target
    .first()
    .evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
    .catch(() => false);

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user moves through the page; fails
 * naming where focus ended if it never gets there (nothing focusable, or a trap). Reading where focus
 * is does not move it: only the key presses do.
 */
export async function tabTo(page: Page, target: Locator, { max = 250, backwards = false }: { max?: number; backwards?: boolean } = {}): Promise<number> {
  await target.first().waitFor();
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses; focus is on ${await describeFocus(page)}`);
}

/** After a route change focus is on the page's single h1 (the title in the app bar), per issue 25's contract. */
export async function expectFocusOnHeading(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5_000 })
    .catch(async () => {
      throw new Error(`after navigation focus should be on the page's h1, but it is on ${await describeFocus(page)}`);
    });
  expect(await page.locator('h1').count()).toBe(1);
}

/**
 * Moves focus to `target`, a button inside a button group, as a keyboard user does: Tab into the group,
 * then the arrow keys (a group with one tab stop, as radio groups work), or Tab again where each button
 * is its own tab stop.
 */
export async function focusInGroup(page: Page, group: Locator, target: Locator, max = 12): Promise<void> {
  await tabTo(page, group);
  for (let presses = 0; presses < max; presses++) {
    if (await isFocused(target)) return;
    const before = await describeFocus(page);
    await page.keyboard.press('ArrowRight');
    if ((await describeFocus(page)) === before) await page.keyboard.press('Tab');
  }
  if (!(await isFocused(target))) throw new Error(`neither arrows nor Tab reached ${target.toString()}; focus is on ${await describeFocus(page)}`);
}
