/**
 * Whether a box's content is wider than the box (a pixel of rounding is not overflow). A box that does
 * not scroll needs no tab stop of its own; one that does must be reachable, or keyboard users cannot
 * scroll to its hidden columns (WCAG 2.1.1, axe's scrollable-region-focusable).
 */
export function overflowsSideways(box: { scrollWidth: number; clientWidth: number }): boolean {
  return box.scrollWidth - box.clientWidth > 1;
}
