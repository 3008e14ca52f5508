import { IMPORT_FIELDS } from './import-fields';

/**
 * The services' and the database's refusals that a row of an import can meet, each in words for the
 * person holding the file, in English and Danish (decision 175). A service speaks of its API's
 * fields (enrolmentId, startsAt); the file has a CPR number, a programme code and a date, so the
 * English is said again in the file's terms, not only translated. The endpoints' DTO rules a cell
 * can break are here too (dtoRules). What is not listed keeps the service's English rule, in a
 * Danish sentence that says it is the rule of that field.
 *
 * A birth date (the first six digits of a CPR number) is never part of a text: the results are kept
 * after the file's rows are emptied.
 */

/** A refusal as a service or the database gave it, the field already named as the file's. */
export interface Refused {
  field: string | null;
  rule: string;
  code?: string;
  /** 422 NOT_ELIGIBLE's failures, each with its rule id. */
  failures?: { rule: string; message: string }[];
  /** A database constraint (SQLSTATE 23xxx). */
  constraint?: string;
}

export interface Worded {
  field: string | null;
  rule: string;
  ruleDa: string;
}

const STATE_DA: Record<string, string> = { referred: 'henvist', active: 'aktivt', completed: 'gennemført', dropped_out: 'frafaldet', transferred: 'overført', cancelled: 'annulleret' };

const ATTESTATION_DA: Record<string, string> = {
  'finished-treatment': 'Borgeren har afsluttet stofmisbrugsbehandling',
  'drug-free-or-stable-substitution': 'Borgeren er stoffri eller i stabil substitutionsbehandling uden andet illegalt stofbrug',
};

/** The ASI item rules of libs/domain (asiAnswerErrors), by their English words. */
const ASI_RULE_DA: [RegExp, string][] = [
  [/must be a whole number of days from 0 to 30$/, 'skal være et helt antal dage fra 0 til 30'],
  [/must be a whole number from 0 to 4$/, 'skal være et helt tal fra 0 til 4'],
  [/must be 0 \(no\) or 1 \(yes\)$/, 'skal være 0 (nej) eller 1 (ja)'],
  [/must be a non-negative amount$/, 'skal være et beløb på 0 eller derover'],
  [/must be 'no', 'indifferent' or 'yes'$/, "skal være 'no' (nej), 'indifferent' (ligeglad) eller 'yes' (ja)"],
  [/must be 0, 1 or 'N' \(no such relationship\)$/, "skal være 0, 1 eller 'N' (har ingen)"],
  [/must be a whole number from 0 to 9$/, 'skal være et helt tal fra 0 til 9'],
];

/** yyyy-mm-dd as the Danish write it. */
const dk = (iso: string): string => iso.split('-').reverse().join('-');

type Rule = (r: Refused) => Worded[] | null;

const RULES: Rule[] = [
  // parseCpr (libs/domain), through the citizens' service or the import's own look-up.
  (r) => (r.field === 'cpr' && /cpr must be 10 digits/.test(r.rule) ? [{ field: 'cpr', rule: r.rule, ruleDa: 'CPR-nummeret skal være 10 cifre, skrevet DDMMÅÅSSSS eller DDMMÅÅ-SSSS' }] : null),
  // The impossible date is part of the number: not kept.
  (r) => (r.field === 'cpr' && /real date of birth/.test(r.rule) ? [{ field: 'cpr', rule: 'cpr must begin with a real date of birth', ruleDa: 'CPR-nummeret skal begynde med en rigtig fødselsdato' }] : null),
  (r) => (r.field === 'cpr' && /date of birth in the future/.test(r.rule) ? [{ field: 'cpr', rule: r.rule, ruleDa: 'CPR-nummeret giver en fødselsdato i fremtiden' }] : null),
  // CitizensService: a birth year beside a CPR number must be the number's.
  (r) => (r.field === 'birthYear' && /must match the CPR number/.test(r.rule)
    ? [{ field: 'birthYear', rule: 'birthYear does not match the CPR number; leave it empty or give the year the CPR number says', ruleDa: 'Fødselsåret passer ikke med CPR-nummeret; lad feltet stå tomt, eller skriv året, CPR-nummeret giver' }]
    : null),
  // EnrolmentsService.programmeOrRefuse.
  (r) => (r.field === 'programmeCode' && /must name an active programme/.test(r.rule)
    ? [{ field: 'programmeCode', rule: 'the programme is no longer active; no new enrolment can be made in it', ruleDa: 'Programmet er ikke længere aktivt; der kan ikke oprettes nye forløb i det' }]
    : null),
  // EnrolmentsService.checkDate: the service names the birth date, which is the CPR number's; it is left out.
  (r) => (r.field === 'referralDate' && /must not be before the citizen's birth/.test(r.rule)
    ? [{ field: 'referralDate', rule: 'referralDate must not be before the citizen’s birth', ruleDa: 'Henvisningsdatoen må ikke ligge før borgerens fødsel' }]
    : null),
  (r) => {
    const m = r.field === 'referralDate' ? /must not be more than (\d+) days after today \((\d{4}-\d{2}-\d{2})\)/.exec(r.rule) : null;
    return m ? [{ field: 'referralDate', rule: `referralDate must not be more than ${m[1]} days after today (${m[2]})`, ruleDa: `Henvisningsdatoen må højst ligge ${m[1]} dage efter i dag (${dk(m[2] as string)})` }] : null;
  },
  // EnrolmentsService.checkEligibility: each failure on its own, by its rule id (the age from the CPR number, an attestation the file cannot give).
  (r) => {
    if (r.code !== 'NOT_ELIGIBLE' || !r.failures) return null;
    return r.failures.map((f): Worded => {
      const age = /^(\S+) is for ages (?:(\d+) and up|up to (\d+)); the citizen is (\d+) on (\d{4}-\d{2}-\d{2})$/.exec(f.message);
      if (f.rule === 'age-below-minimum' && age) {
        return { field: 'cpr', rule: `${age[1]} is for ages ${age[2]} and up; the citizen is ${age[4]} on the referral date ${age[5]}`, ruleDa: `${age[1]} er for borgere fra ${age[2]} år; borgeren er ${age[4]} år på henvisningsdatoen ${dk(age[5] as string)}` };
      }
      if (f.rule === 'age-above-maximum' && age) {
        return { field: 'cpr', rule: `${age[1]} is for ages up to ${age[3]}; the citizen is ${age[4]} on the referral date ${age[5]}`, ruleDa: `${age[1]} er for borgere op til ${age[3]} år; borgeren er ${age[4]} år på henvisningsdatoen ${dk(age[5] as string)}` };
      }
      const attestation = /^attestation-missing:(.+)$/.exec(f.rule);
      const programme = /^(\S+) requires/.exec(f.message)?.[1] ?? '';
      if (attestation) {
        const name = attestation[1] as string;
        return {
          field: 'programmeCode',
          rule: `${programme} requires the attestation "${name}", which a file cannot give; refer the citizen on the citizen’s page`,
          ruleDa: `${programme} kræver bekræftelsen "${ATTESTATION_DA[name] ?? name}", som en fil ikke kan give; henvis borgeren på borgerens side`,
        };
      }
      return { field: null, rule: f.message, ruleDa: `Borgeren opfylder ikke programmets betingelser (${f.message})` };
    });
  },
  // SessionsService.checkRules: the citizen's newest enrolment in the programme is not active.
  (r) => {
    const m = r.field === 'programmeCode' ? /^the enrolment is (\w+), not active$/.exec(r.rule) : null;
    if (!m) return null;
    const state = m[1] as string;
    return [{ field: 'programmeCode', rule: `the citizen’s newest enrolment in this programme is ${state.replace('_', ' ')}, not active; sessions are logged on active enrolments`, ruleDa: `Borgerens nyeste forløb i programmet er ${STATE_DA[state] ?? state}, ikke aktivt; sessioner registreres kun på aktive forløb` }];
  },
  (r) => (r.field === 'date' && /must not be in the future for an attended or missed session/.test(r.rule)
    ? [{ field: 'date', rule: 'date and time must not be in the future for an attended or missed session', ruleDa: 'Dato og klokkeslæt må ikke ligge i fremtiden for en session, borgeren er mødt op til eller udeblevet fra' }]
    : null),
  (r) => {
    const m = r.field === 'date' ? /^startsAt must not be before the enrolment started \((\d{4}-\d{2}-\d{2})\)$/.exec(r.rule) : null;
    return m ? [{ field: 'date', rule: `date must not be before the enrolment started (${m[1]})`, ruleDa: `Datoen må ikke ligge før forløbets start (${dk(m[1] as string)})` }] : null;
  },
  (r) => {
    const m = r.field === 'sessionNumber' ? /^sessionNumber must be between 1 and (\d+) for (\S+)$/.exec(r.rule) : null;
    return m ? [{ field: 'sessionNumber', rule: r.rule, ruleDa: `Sessionsnummeret skal være mellem 1 og ${m[1]} for ${m[2]}` }] : null;
  },
  (r) => (r.code === 'DUPLICATE_DATE'
    ? [{ field: 'date', rule: 'the enrolment already has a session on this day; an import logs no second one (log it on the citizen’s page if there were two)', ruleDa: 'Forløbet har allerede en session denne dag; en indlæsning registrerer ikke en session mere (registrér den på borgerens side, hvis der var to)' }]
    : null),
  // AssessmentsService.checkDate.
  (r) => (r.field === 'date' && r.rule === 'date must not be in the future' ? [{ field: 'date', rule: r.rule, ruleDa: 'Datoen må ikke ligge i fremtiden' }] : null),
  (r) => {
    const m = r.field === 'date' ? /^date must not be before the referral \((\d{4}-\d{2}-\d{2})\)$/.exec(r.rule) : null;
    return m ? [{ field: 'date', rule: `date must not be before the enrolment’s referral (${m[1]})`, ruleDa: `Datoen må ikke ligge før forløbets henvisning (${dk(m[1] as string)})` }] : null;
  },
  // AssessmentsService.score (asiAnswerErrors): an item's answer.
  (r) => {
    const item = /^item:(.+)$/.exec(r.field ?? '')?.[1];
    if (!item) return null;
    if (/must be 0 or unanswered when E4/.test(r.rule)) return [{ field: r.field, rule: r.rule, ruleDa: 'E5 skal være 0 eller ubesvaret, når E4 (gyldigt kørekort) er 0' }];
    const da = ASI_RULE_DA.find(([en]) => en.test(r.rule))?.[1];
    return da ? [{ field: r.field, rule: r.rule, ruleDa: `${item} ${da}` }] : null;
  },
  // The database's keys: what a service leaves to them.
  (r) => (r.constraint === 'enrolment_one_open_per_programme'
    ? [{ field: 'programmeCode', rule: 'the citizen already has an open enrolment (referred or active) in this programme; end it before another is made', ruleDa: 'Borgeren har allerede et åbent forløb (henvist eller aktivt) i programmet; afslut det, før et nyt oprettes' }]
    : null),
  (r) => (r.constraint === 'treatment_session_number_unique'
    ? [{ field: 'sessionNumber', rule: 'the enrolment already has a session with this number', ruleDa: 'Forløbet har allerede en session med dette nummer' }]
    : null),
  (r) => (r.constraint === 'assessment_one_per_timepoint'
    ? [{ field: 'timepoint', rule: 'the enrolment already has an assessment of this timepoint (only ad-hoc may be taken more than once)', ruleDa: 'Forløbet har allerede en måling af dette tidspunkt (kun ekstra målinger må tages flere gange)' }]
    : null),
  // Someone else saved the record while the import ran (the import reads it in its own transaction).
  (r) => (r.code === 'VERSION_CONFLICT'
    ? [{ field: null, rule: 'the record was changed by someone else while the import ran; run a new dry run and import again', ruleDa: 'Posten blev ændret af en anden, mens indlæsningen kørte; lav en ny prøvekørsel, og indlæs igen' }]
    : null),
  ...dtoRules(),
  // Any other key of the database's: said as such (import-runner's databaseRefusal).
  (r) => {
    const m = /^the database refused the row \(SQLSTATE (\w+)\)$/.exec(r.rule);
    return m ? [{ field: r.field, rule: r.rule, ruleDa: `Databasen afviste rækken (SQLSTATE ${m[1]})` }] : null;
  },
];

/** A field's Danish name, as the mapping screen shows it. */
const LABEL_DA = new Map(Object.values(IMPORT_FIELDS).flat().map((f) => [f.field, f.da] as const));

/**
 * The endpoints' DTO rules (class-validator) a file's value can break: their own messages, and
 * class-validator's defaults for the length and number rules, said with the field's Danish name.
 */
function dtoRules(): Rule[] {
  const exact: Record<string, string> = {
    'phone must be a telephone number (digits, spaces, +, -, parentheses)': 'Telefonnummeret må kun bestå af cifre, mellemrum, +, - og parenteser',
    'email must be an e-mail address': 'E-mailadressen er ikke en gyldig e-mailadresse',
    'preferredLanguage must be a language code such as da, en or ar': 'Foretrukket sprog skal være en sprogkode som da, en eller ar',
    'durationMinutes must be a whole number of minutes': 'Varigheden skal være et helt antal minutter',
    'durationMinutes must be at least 1': 'Varigheden skal være mindst 1 minut',
    'kind must be a short code such as move-session or case-management-meeting': 'Sessionstypen skal være en kort kode som move-session eller case-management-meeting',
  };
  const said = (r: Refused, en: string, da: (label: string) => string): Worded[] | null =>
    r.field ? [{ field: r.field, rule: en, ruleDa: da(LABEL_DA.get(r.field) ?? r.field) }] : null;
  return [
    (r) => (r.rule in exact ? said(r, r.rule, () => exact[r.rule] as string) : null),
    (r) => {
      const m = /^durationMinutes must be at most (\d+) \(12 hours\)$/.exec(r.rule);
      return m ? said(r, r.rule, () => `Varigheden må højst være ${m[1]} minutter (12 timer)`) : null;
    },
    // A CSV's cells are text: "must be a string" (and a length of at least 1) means the cell was empty.
    (r) => (/^\S+ must be a string$/.test(r.rule) || /^\S+ must be longer than or equal to 1 characters$/.test(r.rule) ? said(r, `${r.field} must be filled in`, (l) => `${l} skal udfyldes`) : null),
    (r) => {
      const m = /^\S+ must be longer than or equal to (\d+) characters$/.exec(r.rule);
      return m ? said(r, r.rule, (l) => `${l} skal være mindst ${m[1]} tegn`) : null;
    },
    (r) => {
      const m = /^\S+ must be shorter than or equal to (\d+) characters$/.exec(r.rule);
      return m ? said(r, r.rule, (l) => `${l} må højst være ${m[1]} tegn`) : null;
    },
    (r) => (/^\S+ must be an integer number$/.test(r.rule) ? said(r, r.rule, (l) => `${l} skal være et helt tal`) : null),
    (r) => {
      const m = /^\S+ must not be less than (-?\d+)$/.exec(r.rule);
      return m ? said(r, r.rule, (l) => `${l} må ikke være mindre end ${m[1]}`) : null;
    },
    (r) => {
      const m = /^\S+ must not be greater than (-?\d+)$/.exec(r.rule);
      return m ? said(r, r.rule, (l) => `${l} må ikke være større end ${m[1]}`) : null;
    },
    (r) => {
      const m = /^\S+ must be one of (.+)$/.exec(r.rule);
      return m ? said(r, r.rule, (l) => `${l} skal være en af værdierne ${m[1]}`) : null;
    },
  ];
}

/** A refusal in the file's words, English and Danish; an unknown one keeps its English rule. */
export function worded(refused: Refused): Worded[] {
  for (const rule of RULES) {
    const found = rule(refused);
    if (found) return found;
  }
  const { field, rule } = refused;
  return [{ field, rule, ruleDa: field ? `Feltet ${field} overholder ikke reglen: ${rule}` : `Rækken blev afvist: ${rule}` }];
}
