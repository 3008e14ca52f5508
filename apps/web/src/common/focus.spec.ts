import type { ElementLike } from './focus';
import { isInDialog, isTypingTarget, mayTakeFocus, pageHeading } from './focus';

/** An element as the decisions see it: its tag, attributes and whether it sits in a dialog. */
const el = (tagName: string, attributes: Record<string, string> = {}, { inDialog = false, editable = false } = {}): ElementLike => ({
  tagName,
  isContentEditable: editable,
  getAttribute: (name) => attributes[name] ?? null,
  closest: (selector) => (inDialog && selector.includes('role="dialog"') ? {} : null),
});

describe('isTypingTarget', () => {
  it('counts text fields, text areas, selects, editable text and typed-in roles', () => {
    expect(isTypingTarget(el('INPUT'))).toBe(true);
    expect(isTypingTarget(el('input', { type: 'email' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', {}, { editable: true }))).toBe(true);
    expect(isTypingTarget(el('DIV', { role: 'combobox' }))).toBe(true);
  });

  it('does not count links, buttons, check boxes and radio buttons', () => {
    expect(isTypingTarget(el('A', { href: '#/citizens' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('INPUT', { type: 'RADIO' }))).toBe(false);
    expect(isTypingTarget(el('INPUT', { type: 'submit' }))).toBe(false);
    expect(isTypingTarget(el('LI', { role: 'menuitem' }))).toBe(false);
  });
});

describe('mayTakeFocus', () => {
  const body = el('BODY');

  it('takes focus that fell to the body or to nothing', () => {
    expect(mayTakeFocus(body, el('A'), body)).toBe(true);
    expect(mayTakeFocus(null, null, body)).toBe(true);
  });

  it('takes focus from the menu item that navigated and still has it', () => {
    const menuItem = el('A', { role: 'menuitem' });
    expect(mayTakeFocus(menuItem, menuItem, body)).toBe(true);
  });

  it('leaves focus that moved elsewhere since the navigation (the user, or the new page)', () => {
    expect(mayTakeFocus(el('BUTTON'), el('A', { role: 'menuitem' }), body)).toBe(false);
  });

  it('leaves focus in a dialog or in a field being typed in, even where it was at the navigation', () => {
    const inDialog = el('BUTTON', {}, { inDialog: true });
    expect(isInDialog(inDialog)).toBe(true);
    expect(mayTakeFocus(inDialog, inDialog, body)).toBe(false);
    const field = el('INPUT', { type: 'text' });
    expect(mayTakeFocus(field, field, body)).toBe(false);
  });
});

describe('pageHeading', () => {
  interface Fake {
    tagName: string;
    textContent: string;
    querySelector: (selector: string) => Fake | null;
  }
  const node = (tagName: string, textContent: string, h1?: Fake): Fake => ({ tagName, textContent, querySelector: (selector) => (selector === 'h1' ? (h1 ?? null) : null) });
  const page = (title: Fake | null, contentH1s: Fake[] = []) =>
    ({ getElementById: (id: string) => (id === 'react-admin-title' ? title : null), querySelectorAll: () => contentH1s }) as unknown as Document;

  it("is the app bar's title when it is the h1 and react-admin's portal has filled it", () => {
    const title = node('H1', 'Borgere');
    expect(pageHeading(page(title, [node('H1', 'Arbejdsliste')]), false)).toBe(title);
  });

  it('is the h1 inside the title when the title wraps it', () => {
    const h1 = node('H1', 'Grupper');
    expect(pageHeading(page(node('SPAN', 'Grupper', h1)), false)).toBe(h1);
  });

  it('waits while the title h1 is empty, then takes an h1 of the page', () => {
    const content = node('H1', 'Arbejdsliste');
    const doc = page(node('H1', '  '), [content]);
    expect(pageHeading(doc, false)).toBeNull();
    expect(pageHeading(doc, true)).toBe(content);
  });

  it('takes the h1 of the page over a title that is no heading, and that title where the page has none', () => {
    const title = node('P', 'Borger Karla Jensen');
    const content = node('H1', 'Karla Jensen');
    expect(pageHeading(page(title, [node('H1', ''), content]), false)).toBe(content);
    expect(pageHeading(page(title), false)).toBe(title);
    expect(pageHeading(page(node('P', '')), true)).toBeNull();
  });
});
