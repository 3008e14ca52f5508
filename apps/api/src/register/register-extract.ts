/**
 * The monthly extract's columns, in order: the field list docs/register.md documents (its table is
 * parsed by register.e2e-spec.ts and compared with the file). The register's own file format is not
 * public; this is the product's documented one.
 */
export const REGISTER_EXTRACT_FIELDS = [
  'haendelse',
  'haendelsesdato',
  'forloeb_id',
  'cpr',
  'koen',
  'kommunekode',
  'henvendelsesdato',
  'startdato',
  'behandlingssted_id',
  'behandlingssted_navn',
  'tilbud',
  'slutdato',
  'slutstatus',
  'slutstatus_gruppe',
] as const;

export type RegisterExtractField = (typeof REGISTER_EXTRACT_FIELDS)[number];

/** The events of a course, in the order they happen. */
export const REGISTER_EVENTS = ['henvendelse', 'start', 'afslutning'] as const;
export type RegisterEvent = (typeof REGISTER_EVENTS)[number];
