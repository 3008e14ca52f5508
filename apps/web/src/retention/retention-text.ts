/** The sum of a table → rows map: the rows a run erased, or the next one will. */
export const totalRows = (rows: Record<string, number>): number => Object.values(rows).reduce((n, r) => n + r, 0);

/** The first 8 characters of a record id: enough to find it in the access log, no more than the admin needs to see. */
export const shortId = (id: string): string => id.slice(0, 8);
