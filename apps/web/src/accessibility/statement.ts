/**
 * What the accessibility statement claims, as lists of message ids (texts in messages.ts), so that
 * keeping the statement true is a matter of moving an id, not of rewriting prose.
 *
 * KEEP HONEST: an id leaves KNOWN_GAPS only when its fix is merged and the browser test that shows it
 * passes; an id enters CONFORMS only for what is tested. Change STATEMENT_DATE whenever either list
 * changes (the law asks for a statement reviewed at least once a year).
 */

/** The day the statement was written or last reviewed (ISO date; shown as "5.12.2026"). */
export const STATEMENT_DATE = '2026-12-05';

/** What is accessible, each tied to what shows it. */
export const CONFORMS = [
  // theme/theme.spec.ts measures every palette pair of both themes.
  'contrast',
  // AppLayout keeps <html lang> in step with the language switch; parts in the other language carry lang.
  'language',
  // The app bar's title is each page's one <h1> (layout/AppBar.tsx); pages' own headings are <h2>.
  'heading',
  // MUI ties a field's error to it (aria-describedby); the sign-in error is a role="alert" toast.
  'errors',
  // The audit of issue #25: visible focus and no keyboard trap on the 15 pages it went through.
  'keyboard_base',
  // The statement itself: apps/web/src/accessibility, reachable from the sign-in page.
  'statement_public',
  // The browser suite's accessibility.spec.ts (320 px reflow), keyboard.spec.ts (rows, focus, names) and
  // the axe step over every page (docs/accessibility.md).
  'reflow',
  'row_keyboard',
  'focus_after_change',
  'control_names',
  'charts',
  // Every text box for staff's own words carries lang="da" (common/danish-text.ts); the axe spec checks each English page.
  'staff_text_language',
] as const;

/**
 * What does not conform yet: the findings of the audit in issue #25 that are not yet shown fixed.
 * The lead removes each one as its fix lands (see the note above).
 */
export const KNOWN_GAPS = [
  // Danish names (programmes, centres, groups) are not marked lang="da" on English pages: names are
  // exempt from 3.1.2, but a screen reader reads them as English, so the statement says so.
  'language_of_parts',
] as const;

/** How the statement was made. */
export const ASSESSMENT = ['self', 'axe', 'keyboard', 'reflow', 'not_screen_reader'] as const;

/** The Agency for Digital Government's page for reporting inaccessible content (its enforcement route). */
export const ENFORCEMENT_URL = 'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';
