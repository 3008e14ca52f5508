import { useEffect } from 'react';
import { useLocation } from 'react-admin';
import { firstInvalidControl, focusElement, focusFirstInvalid, mayTakeFocus, pageHeading } from './focus';

/** How long the app bar's title may stay empty before an h1 in the page stands in for it. */
const TITLE_WAIT_MS = 1500;
/** How long the heading waits for the page's first reads (its title often names the record they bring). */
const LOADING_WAIT_MS = 1500;
const GIVE_UP_MS = 4000;

/**
 * After each navigation focus moves to the new page's heading (WCAG 2.4.3): without it focus falls to
 * the body (the link that navigated went with the old page) and a keyboard or screen-reader user starts
 * again from the top of the document. react-admin fills the title through a portal, often once the
 * record is read: this waits for it, then focuses it unless focus has meanwhile found a better place
 * (a dialog, a field being typed in, an input the new page focused itself).
 */
export const FocusHeadingOnNavigation = () => {
  const { pathname } = useLocation();
  useEffect(() => {
    const focusedAtNavigation = document.activeElement;
    // A new page starts at its top: left scrolled down (a long citizen page), the app bar, which holds
    // the heading, stays hidden and refuses focus, and focus fell to the body.
    window.scrollTo({ top: 0 });
    const started = performance.now();
    let frame = 0;
    const attempt = () => {
      const elapsed = performance.now() - started;
      const heading = pageHeading(document, elapsed >= TITLE_WAIT_MS);
      const loading = document.querySelector('.app-loader') !== null && elapsed < LOADING_WAIT_MS;
      if (heading && !loading) {
        if (!mayTakeFocus(document.activeElement, focusedAtNavigation, document.body)) return;
        focusElement(heading);
        // The app bar may still be sliding back in (hidden while the old page was scrolled down), and a
        // hidden element refuses focus: try again next frame.
        if (document.activeElement === heading) return;
      }
      if (elapsed < GIVE_UP_MS) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
};

/** How long after pressing save an answer may take to come back with field errors. */
const SAVE_WAIT_MS = 30_000;

/**
 * Watches a submitted form until its save is refused (a field marked invalid, by the form's own rules
 * or by the server's 400) and then focuses and shows that field's first control. The watch ends early
 * when the form goes (saved, and the page left) or the user changes a value (they are at work again).
 */
function watchForRefusal(form: HTMLFormElement): () => void {
  let frame = 0;
  const check = () => {
    frame = 0;
    if (!form.isConnected) return stop();
    if (firstInvalidControl(form)) {
      stop();
      focusFirstInvalid(form);
    }
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(form, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-invalid', 'class'] });
  const timer = window.setTimeout(() => stop(), SAVE_WAIT_MS);
  const onInput = () => stop();
  form.addEventListener('input', onInput, true);
  // The form's own rules run asynchronously after the submit; a field already marked shows after them.
  const first = requestAnimationFrame(() => {
    frame = requestAnimationFrame(check);
  });
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
    cancelAnimationFrame(first);
    if (frame !== 0) cancelAnimationFrame(frame);
    form.removeEventListener('input', onInput, true);
  }
  return stop;
}

/**
 * For every form of the app, from one place: when a save is refused, focus goes to the first invalid
 * field and the page scrolls to it (WCAG 2.4.3, 3.3.1), instead of staying on the body while the error
 * sits out of sight (on the ASI form, 4,700 px above). The field's error text is tied to it by
 * aria-describedby (MUI's helper text), so focusing it reads the error.
 */
export const FocusFirstErrorOnRefusedSave = () => {
  useEffect(() => {
    let stopWatching: (() => void) | undefined;
    const onSubmit = (event: Event) => {
      if (!(event.target instanceof HTMLFormElement)) return;
      stopWatching?.();
      stopWatching = watchForRefusal(event.target);
    };
    document.addEventListener('submit', onSubmit, true);
    return () => {
      document.removeEventListener('submit', onSubmit, true);
      stopWatching?.();
    };
  }, []);
  return null;
};
