/** react-admin simple-rest list parameters, as they arrive (JSON-encoded strings). */
export interface RawListQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

export type SortOrder = 'ASC' | 'DESC';

/** The largest page any list answers; react-admin asks for 10-50. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 25;
