/**
 * Where keyboard focus goes when the page changes under it (WCAG 2.4.3, 3.3.1): to the page's heading
 * after a navigation, to the first invalid field after a refused save. Plain DOM, so any screen or
 * form can use it; the parts that decide are pure and tested (focus.spec.ts).
 */

/** What the decisions read of an element (a real Element has all of it). */
export interface ElementLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  closest(selector: string): unknown;
}

const DIALOG = '[role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const TYPING_ROLES = ['textbox', 'searchbox', 'combobox', 'spinbutton'];
/** Inputs that take no typing: clicking them is no reason to keep focus there. */
const NON_TYPING_INPUTS = ['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'file', 'range', 'color', 'hidden'];

/** A field the user types in (or picks from by typing): focus there is the user's, never taken away. */
export function isTypingTarget(element: ElementLike): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TYPING_INPUTS.includes((element.getAttribute('type') ?? 'text').toLowerCase());
  if (element.isContentEditable) return true;
  return TYPING_ROLES.includes(element.getAttribute('role') ?? '');
}

export function isInDialog(element: ElementLike): boolean {
  return Boolean(element.closest(DIALOG));
}

/**
 * May the page move focus to its heading? Yes when focus is nowhere (the body: the link or button that
 * navigated has gone with the old page) or still on what navigated (a menu item, which stays); no when
 * it sits in a dialog, in a field being typed in, or somewhere else since the navigation began (the
 * user, or the new page, put it there).
 */
export function mayTakeFocus(active: ElementLike | null, focusedAtNavigation: ElementLike | null, body: ElementLike | null): boolean {
  if (active === null || active === body) return true;
  if (isInDialog(active) || isTypingTarget(active)) return false;
  return active === focusedAtNavigation;
}

const hasText = (element: Element): boolean => (element.textContent ?? '').trim() !== '';

/**
 * The page's heading: the app bar's title when it is (or holds) the h1, once react-admin's portal has
 * filled it; else, or when it stays empty past `titleGivenUp`, an h1 in the page; else the title as it
 * is (a page without an h1).
 */
export function pageHeading(doc: Document, titleGivenUp: boolean): HTMLElement | null {
  const title = doc.getElementById('react-admin-title');
  const titleHeading = title && (title.tagName === 'H1' ? title : title.querySelector('h1'));
  if (titleHeading) {
    if (hasText(titleHeading)) return titleHeading;
    if (!titleGivenUp) return null;
  }
  const contentHeading = [...doc.querySelectorAll<HTMLElement>('#main-content h1, main h1')].find(hasText);
  if (contentHeading) return contentHeading;
  return title && !titleHeading && hasText(title) ? title : null;
}

/** Focuses an element that is not focusable by nature (a heading, a message) without adding it to the Tab order. */
export function focusElement(element: HTMLElement, { scroll = false }: { scroll?: boolean } = {}): void {
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus({ preventScroll: true });
  // Centred: the fixed app bar and a sticky preview would hide an element scrolled to the very top.
  if (scroll) element.scrollIntoView({ block: 'center' });
}

const INVALID = '[aria-invalid="true"]';
const FOCUSABLE = [
  'input:not([type="hidden"]):not([aria-hidden="true"]):not([disabled]):not([tabindex="-1"])',
  'textarea:not([disabled])',
  'select:not([disabled])',
  'button:not([disabled])',
  'a[href]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');
/** MUI's wrappers of one field: its error text, its input and, for a select, the hidden input that carries aria-invalid. */
const FIELD = '.MuiFormControl-root, .MuiInputBase-root, [role="group"], [role="radiogroup"]';

/**
 * The control a keyboard user should land on for an invalid field: the marked element itself when it
 * takes focus, else (a toggle group, a radio group) its chosen or first button, else (MUI's select,
 * whose hidden input carries the mark) the focusable control of the same field.
 */
function controlOf(marked: Element): HTMLElement | null {
  if (marked.matches(FOCUSABLE)) return marked as HTMLElement;
  const inside = marked.querySelector<HTMLElement>('[aria-pressed="true"], [aria-checked="true"]') ?? marked.querySelector<HTMLElement>(FOCUSABLE);
  if (inside) return inside;
  const field = marked.parentElement?.closest(FIELD);
  return field ? field.querySelector<HTMLElement>(FOCUSABLE) : null;
}

/**
 * The first invalid control of a form, in reading order: the first `aria-invalid="true"` element; a
 * field that shows an error text but no mark (a custom input) counts too, so no error is skipped.
 */
export function firstInvalidControl(container: ParentNode): HTMLElement | null {
  const marked = container.querySelector(`${INVALID}, .MuiFormHelperText-root.Mui-error`);
  if (!marked) return null;
  if (marked.matches(INVALID)) return controlOf(marked);
  const field = marked.closest(FIELD) ?? marked.parentElement;
  const control = field?.querySelector(INVALID) ?? field?.querySelector(FOCUSABLE);
  return control ? controlOf(control) : null;
}

let errorTextIds = 0;

/**
 * Ties the field's visible error text to the control about to be focused, where the input does not
 * (react-admin's radio and check-box groups show it beside the group only), so focusing it reads why.
 */
export function tieErrorText(control: HTMLElement): void {
  if (control.hasAttribute('aria-describedby')) return;
  const text = control.closest('.MuiFormControl-root')?.querySelector<HTMLElement>('.MuiFormHelperText-root.Mui-error');
  if (!text) return;
  if (!text.id) text.id = `field-error-${++errorTextIds}`;
  control.setAttribute('aria-describedby', text.id);
}

/** Focuses and shows the first invalid control of `container`, its error text tied to it; false when it has none. */
export function focusFirstInvalid(container: ParentNode): boolean {
  const control = firstInvalidControl(container);
  if (!control) return false;
  tieErrorText(control);
  focusElement(control, { scroll: true });
  return true;
}
