/** Where a list row's main link goes, or false for no link; undefined lets react-admin infer it (show, else edit, as the user may). */
export type RecordLinkType = 'show' | 'edit' | false | undefined;

/**
 * The link of a row's main cell goes where a click on the row goes: the DataTable's `rowClick` when it
 * names a page ('show', 'edit'), react-admin's inferred page when it is unset (the same inference the
 * row makes), and nowhere when the row opens nothing (`false`) or decides in code (a function: no
 * address to put in an href). An explicit `link` wins.
 */
export function recordLinkType(rowClick: unknown, link?: 'show' | 'edit' | false): RecordLinkType {
  if (link !== undefined) return link;
  if (rowClick === undefined) return undefined;
  if (rowClick === 'show' || rowClick === 'edit') return rowClick;
  return false;
}
