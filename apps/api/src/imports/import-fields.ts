import type { ImportField, ImportKind } from '@outcomes/contracts';
import { ASI_ITEMS } from '@outcomes/domain';

// Apart from import-kinds.ts (which refuses a mapping with the API's exceptions), so that the
// refusals' words (import-refusals.ts) can name the fields in a unit test without Nest.

const f = (field: string, required: boolean, da: string, en: string): ImportField => ({ field, required, da, en });

const CPR = f('cpr', true, 'CPR-nummer', 'CPR number');
const PROGRAMME = f('programmeCode', true, 'Programkode', 'Programme code');

/** The product's fields each kind of import fills, in the order the mapping screen shows them. */
export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  citizens: [
    f('cpr', false, 'CPR-nummer', 'CPR number'),
    f('firstName', true, 'Fornavn', 'First name'),
    f('lastName', true, 'Efternavn', 'Last name'),
    f('birthYear', false, 'Fødselsår', 'Birth year'),
    f('sex', false, 'Køn', 'Sex'),
    f('phone', false, 'Telefon', 'Phone'),
    f('email', false, 'E-mail', 'E-mail'),
    f('address', false, 'Adresse', 'Address'),
    f('preferredLanguage', false, 'Foretrukket sprog', 'Preferred language'),
  ],
  enrolments: [CPR, PROGRAMME, f('centre', true, 'Behandlingssted', 'Centre'), f('referralDate', true, 'Henvisningsdato', 'Referral date'), f('referralSource', false, 'Henvist af', 'Referral source')],
  sessions: [
    CPR,
    PROGRAMME,
    f('date', true, 'Dato', 'Date'),
    f('time', false, 'Klokkeslæt (tt:mm)', 'Time (hh:mm)'),
    f('durationMinutes', true, 'Varighed (minutter)', 'Duration (minutes)'),
    f('kind', true, 'Sessionstype', 'Session kind'),
    f('attendance', true, 'Fremmøde', 'Attendance'),
    f('sessionNumber', false, 'Sessionsnummer', 'Session number'),
    f('note', false, 'Note', 'Note'),
  ],
  // ASI items only: the composite scores are computed from them (scoreAsi), never imported.
  assessments: [CPR, PROGRAMME, f('timepoint', true, 'Tidspunkt', 'Timepoint'), f('date', true, 'Dato', 'Date'), ...ASI_ITEMS.map((item) => f(`item:${item.code}`, false, `${item.code} ${item.da}`, `${item.code} ${item.en}`))],
};
