import { CONTACT_TYPES, ENROLMENT_STATES, PLACE_TYPES, SEXES, TIMEPOINTS } from '@outcomes/contracts';
import type { ContactType, EnrolmentState, PlaceType, CitizenSex, Timepoint } from '@outcomes/contracts';
import { ASI_ITEMS } from '@outcomes/domain';
import type { AsiItemType } from '@outcomes/domain';
import type { Variable } from '../codebook';


/**
 * One value of a categorical column: `value` as the CSV writes it, `code` the number Stata and SPSS
 * store it as (their value labels need numbers), and its label in Danish and English. The words are
 * the screens' own (apps/web messages), so a researcher sees what the staff chose.
 */
export interface ValueLabel {
  value: string;
  code: number;
  da: string;
  en: string;
}

type Words = { da: string; en: string };
const numbered = <T extends string>(values: readonly T[], words: Record<T, Words>): ValueLabel[] => values.map((value, i) => ({ value, code: i + 1, ...words[value] }));

const SEX: Record<CitizenSex, Words> = { male: { da: 'Mand', en: 'Male' }, female: { da: 'Kvinde', en: 'Female' } };
const STATE: Record<EnrolmentState, Words> = {
  referred: { da: 'Henvist', en: 'Referred' },
  active: { da: 'Aktiv', en: 'Active' },
  completed: { da: 'Gennemført', en: 'Completed' },
  dropped_out: { da: 'Frafaldet', en: 'Dropped out' },
  transferred: { da: 'Overført', en: 'Transferred' },
  cancelled: { da: 'Annulleret', en: 'Cancelled' },
};
const TIMEPOINT: Record<Timepoint, Words> = {
  intake: { da: 'Indskrivning', en: 'Intake' },
  end: { da: 'Afslutning', en: 'End of programme' },
  'follow-up-3': { da: 'Opfølgning efter 3 måneder', en: 'Follow-up at 3 months' },
  'follow-up-6': { da: 'Opfølgning efter 6 måneder', en: 'Follow-up at 6 months' },
  'follow-up-9': { da: 'Opfølgning efter 9 måneder', en: 'Follow-up at 9 months' },
  'follow-up-12': { da: 'Opfølgning efter 12 måneder', en: 'Follow-up at 12 months' },
  'ad-hoc': { da: 'Ekstra (ad hoc)', en: 'Additional (ad hoc)' },
};
const PLACE: Record<PlaceType, Words> = {
  street: { da: 'Gaden', en: 'Street' },
  shelter: { da: 'Herberg', en: 'Shelter' },
  'drop-in-centre': { da: 'Værested', en: 'Drop-in centre' },
  home: { da: 'Hjemmet', en: 'Home' },
  'partner-organisation': { da: 'Samarbejdspartner', en: 'Partner organisation' },
  'treatment-centre': { da: 'Behandlingssted', en: 'Treatment centre' },
};
const CONTACT: Record<ContactType, Words> = {
  'first-contact': { da: 'Første kontakt', en: 'First contact' },
  'follow-up': { da: 'Opfølgning', en: 'Follow-up' },
  'practical-help': { da: 'Praktisk hjælp', en: 'Practical help' },
  accompaniment: { da: 'Ledsagelse', en: 'Accompaniment' },
  referral: { da: 'Henvisning', en: 'Referral' },
};

const NO = { da: 'Nej', en: 'No' };
const YES = { da: 'Ja', en: 'Yes' };
/** The CSV's booleans: false 0 and true 1, as in most packages. */
const BOOLEAN: ValueLabel[] = [
  { value: 'false', code: 0, ...NO },
  { value: 'true', code: 1, ...YES },
];
/** ASI answers with a fixed set of values; the codes are the ASI's own (0 no, 1 yes; F3: 2 yes; N as 9). */
const ASI_ANSWERS: Partial<Record<AsiItemType, ValueLabel[]>> = {
  yesno: [
    { value: '0', code: 0, ...NO },
    { value: '1', code: 1, ...YES },
  ],
  satisfaction: [
    { value: 'no', code: 0, ...NO },
    { value: 'indifferent', code: 1, da: 'Ligeglad', en: 'Indifferent' },
    { value: 'yes', code: 2, ...YES },
  ],
  relationship: [
    { value: '0', code: 0, ...NO },
    { value: '1', code: 1, ...YES },
    { value: 'N', code: 9, da: 'Har ingen', en: 'None' },
  ],
};

const BY_NAME: Record<string, ValueLabel[]> = {
  sex: numbered(SEXES, SEX),
  state: numbered(ENROLMENT_STATES, STATE),
  timepoint: numbered(TIMEPOINTS, TIMEPOINT),
  place_type: numbered(PLACE_TYPES, PLACE),
  contact_type: numbered(CONTACT_TYPES, CONTACT),
  ...Object.fromEntries(ASI_ITEMS.flatMap((i) => (ASI_ANSWERS[i.type] ? [[`item_${i.code}`, ASI_ANSWERS[i.type]]] : []))),
};

/**
 * The value labels of a column, or null for a column without a closed set of values (ids, codes of
 * municipalities and programmes, periods, counts, scores). The codebook dataset's own columns have none.
 */
export function valueLabels(variable: Variable, dataset: string): ValueLabel[] | null {
  if (dataset === 'codebook') return null;
  if (variable.type === 'boolean') return BOOLEAN;
  return BY_NAME[variable.name] ?? null;
}
