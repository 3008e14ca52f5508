import { COMPOSITE_DOMAINS, CONTACT_TYPES, ENROLMENT_STATES, PLACE_TYPES } from '@outcomes/contracts';
import type { CompositeDomain, ConsentNotAskedRule, ExportDataset } from '@outcomes/contracts';
import { ASI_ITEMS, EXPORT_L_DIVERSITY, SUPPRESSION_ORDER } from '@outcomes/domain';

export type VariableType = 'text' | 'integer' | 'number' | 'boolean' | 'month' | 'quarter';

/** One column of an export, as the codebook describes it. */
export interface Variable {
  name: string;
  da: string;
  en: string;
  type: VariableType;
  /** Allowed values or range, in words. */
  values: string;
  /** How the value was derived from the record (English; the codebook's readers are researchers). */
  computation: string;
}

const v = (name: string, da: string, en: string, type: VariableType, values: string, computation: string): Variable => ({ name, da, en, type, values, computation });

const DOMAIN_LABEL: Record<CompositeDomain, { da: string; en: string }> = {
  medical: { da: 'helbred', en: 'medical' },
  employment: { da: 'beskæftigelse', en: 'employment' },
  alcohol: { da: 'alkohol', en: 'alcohol' },
  drug: { da: 'stoffer', en: 'drug' },
  legal: { da: 'kriminalitet', en: 'legal' },
  family: { da: 'familie og sociale forhold', en: 'family/social' },
  psychiatric: { da: 'psykisk helbred', en: 'psychiatric' },
};

/** The timepoints of the wide enrolment file, with the prefixes of their columns. */
export const WIDE_TIMEPOINTS = [
  { timepoint: 'intake', prefix: 'intake', da: 'indskrivning', en: 'intake' },
  { timepoint: 'end', prefix: 'end', da: 'afslutning', en: 'end of treatment' },
  { timepoint: 'follow-up-3', prefix: 'fu3', da: 'opfølgning 3 mdr.', en: '3-month follow-up' },
  { timepoint: 'follow-up-6', prefix: 'fu6', da: 'opfølgning 6 mdr.', en: '6-month follow-up' },
  { timepoint: 'follow-up-9', prefix: 'fu9', da: 'opfølgning 9 mdr.', en: '9-month follow-up' },
  { timepoint: 'follow-up-12', prefix: 'fu12', da: 'opfølgning 12 mdr.', en: '12-month follow-up' },
] as const;

const PSEUDONYM = 'HMAC-SHA-256 of the internal id under this project’s own key, first 20 hex digits: stable within the project, unlinkable across projects';
const MONTH = (what: string): string => `${what}, reduced to the month (YYYY-MM)`;
const QUARTER = (what: string): string => `${what}, generalised to its calendar quarter (months-to-quarters)`;
/** A quasi-identifier: generalised by the one scheme, and possibly emptied by local suppression. */
const SUPPRESSIBLE = 'An empty value may be a suppression (local suppression, to keep every combination of quasi-identifiers shared by at least k people with at least 2 different states; see the dataset "disclosure")';
/** Decimals of the ASI composites in every file: those the screens show (libs/domain's scores, the web's formatter). */
export const COMPOSITE_DECIMALS = 3;
const COMPOSITE =
  'ASI composite score (ASI 5th edition), by the published composite formulas (McGahan, Griffith, Parente & McLellan, ' +
  '"Composite scores from the Addiction Severity Index", 1986): the equally weighted mean of the domain’s past-30-day items, ' +
  'each scaled to 0-1; computed by the API when the assessment was saved; empty when an item it needs is missing. ' +
  `Rounded to ${COMPOSITE_DECIMALS} decimals (half away from zero) from the exact stored value, as the screens show it: ` +
  'finer than the smallest step of any day-count item (1/390 = 0.0026) and than any difference the instrument can measure. ' +
  'Not clamped: employment may fall below 0, alcohol and legal may exceed 1. ' +
  'Every item and formula is written out in the project’s documentation, docs/asi-scoring.md';
const COMPOSITE_VALUES = `0-1 (money terms may exceed), ${COMPOSITE_DECIMALS} decimals`;
const DRUG_FREE = 'true when the assessment records no use of any drug in the past 30 days (ASI drug items), prescribed substitution excepted; empty when unknown';

const person = [
  v('person_id', 'Person (pseudonym)', 'Person (pseudonym)', 'text', '20 hex digits', PSEUDONYM),
  v('birth_year_band', 'Fødselsår (5-årsinterval)', 'Birth year (5-year band)', 'text', 'e.g. 1990-1994, or empty', `From the citizen record (never the CPR number), generalised to its 5-year band; bands start at years divisible by 5 (birth-year-5y). ${SUPPRESSIBLE}`),
  v('sex', 'Køn', 'Sex', 'text', 'male, female or empty', `From the citizen record. ${SUPPRESSIBLE}`),
];
const enrolmentKeys = [
  v('enrolment_id', 'Forløb (pseudonym)', 'Enrolment (pseudonym)', 'text', '20 hex digits', PSEUDONYM),
  ...person,
  v('municipality_code', 'Kommunenummer', 'Municipality number', 'text', 'three digits or empty', `The municipality the enrolment belongs to. ${SUPPRESSIBLE}`),
  v('programme_code', 'Program', 'Programme', 'text', 'e.g. MOVE, HCS, ICM', 'The programme enrolled in; never suppressed'),
];

const composites = (prefix: string, da: string, en: string): Variable[] => [
  // `_assessment_quarter`: the enrolment's own end is `end_quarter`, and the end-of-treatment timepoint's prefix is `end`.
  v(`${prefix}_assessment_quarter`, `Kvartal for måling (${da})`, `Quarter of assessment (${en})`, 'quarter', 'YYYY-Qn or empty', QUARTER('The date of the latest assessment at this timepoint')),
  ...COMPOSITE_DOMAINS.map((d) => v(`${prefix}_${d}`, `ASI-sammensat score, ${DOMAIN_LABEL[d].da} (${da})`, `ASI composite, ${DOMAIN_LABEL[d].en} (${en})`, 'number', COMPOSITE_VALUES, COMPOSITE)),
  v(`${prefix}_drug_free`, `Stoffri (${da})`, `Drug-free (${en})`, 'boolean', 'true, false or empty', DRUG_FREE),
];

export const CODEBOOK: Record<Exclude<ExportDataset, 'codebook'>, Variable[]> = {
  enrolments: [
    ...enrolmentKeys,
    v('referral_quarter', 'Henvisningskvartal', 'Quarter of referral', 'quarter', 'YYYY-Qn or empty', `${QUARTER('The referral date')}. ${SUPPRESSIBLE}`),
    v('start_quarter', 'Startkvartal', 'Quarter of start', 'quarter', 'YYYY-Qn or empty', `${QUARTER('The date the enrolment became active')}; empty when it has not started. ${SUPPRESSIBLE}`),
    v('end_quarter', 'Slutkvartal', 'Quarter of end', 'quarter', 'YYYY-Qn or empty', `${QUARTER('The date the enrolment ended')}; empty when it has not ended. ${SUPPRESSIBLE}`),
    v('state', 'Status', 'State', 'text', ENROLMENT_STATES.join(', '), 'The enrolment’s state when the export ran; never suppressed (the outcome: every combination of the other quasi-identifiers shows at least 2 states)'),
    v('sessions_attended', 'Fremmødte individuelle sessioner', 'Individual sessions attended', 'integer', '0-', 'Count of the enrolment’s sessions registered as attended'),
    v('group_meetings_present', 'Fremmøder på hold', 'Group meetings attended', 'integer', '0-', 'Count of the enrolment’s group meetings registered as present'),
    ...WIDE_TIMEPOINTS.flatMap((t) => composites(t.prefix, t.da, t.en)),
  ],
  assessments: [
    ...enrolmentKeys,
    v('timepoint', 'Måletidspunkt', 'Timepoint', 'text', 'intake, end, follow-up-3, follow-up-6, follow-up-9, follow-up-12, ad-hoc', 'As recorded by the interviewer'),
    v('assessment_quarter', 'Kvartal for måling', 'Quarter of assessment', 'quarter', 'YYYY-Qn', QUARTER('The assessment date')),
    v('instrument', 'Instrument', 'Instrument', 'text', 'ASI', 'As recorded'),
    v('instrument_version', 'Instrumentversion', 'Instrument version', 'text', 'e.g. 5', 'As recorded'),
    ...ASI_ITEMS.map((i) => v(`item_${i.code}`, i.da, i.en, i.type === 'satisfaction' || i.type === 'relationship' ? 'text' : 'number', i.type, 'The answer as recorded; empty when not answered')),
    ...COMPOSITE_DOMAINS.map((d) => v(d, `ASI-sammensat score, ${DOMAIN_LABEL[d].da}`, `ASI composite, ${DOMAIN_LABEL[d].en}`, 'number', COMPOSITE_VALUES, COMPOSITE)),
    v('drug_free', 'Stoffri', 'Drug-free', 'boolean', 'true, false or empty', DRUG_FREE),
  ],
  sessions: [
    ...enrolmentKeys,
    v('sessions_attended', 'Fremmødte sessioner', 'Sessions attended', 'integer', '0-', 'Individual sessions registered as attended'),
    v('sessions_no_show', 'Udeblevne sessioner', 'Sessions missed', 'integer', '0-', 'Individual sessions registered as no-show'),
    v('sessions_cancelled', 'Aflyste sessioner', 'Sessions cancelled', 'integer', '0-', 'Individual sessions registered as cancelled'),
    v('session_minutes', 'Minutter i sessioner', 'Session minutes', 'integer', '0-', 'Sum of the durations of attended and missed sessions (staff time)'),
    v('group_present', 'Fremmøder på hold', 'Group meetings present', 'integer', '0-', 'Group meetings registered as present'),
    v('group_absent', 'Fravær på hold', 'Group meetings absent', 'integer', '0-', 'Group meetings registered as absent'),
    v('group_excused', 'Meldt afbud på hold', 'Group meetings excused', 'integer', '0-', 'Group meetings registered as excused'),
  ],
  outreach: [
    v('municipality_code', 'Kommunenummer', 'Municipality number', 'text', 'three digits', 'The municipality of the outreach team'),
    v('month', 'Måned', 'Month', 'month', 'YYYY-MM', MONTH('The contact time')),
    v('place_type', 'Stedtype', 'Place type', 'text', PLACE_TYPES.join(', '), 'As recorded'),
    v('contact_type', 'Kontakttype', 'Contact type', 'text', CONTACT_TYPES.join(', '), 'As recorded'),
    v('persons', 'Personer', 'Persons', 'integer', '5- or empty', 'Distinct citizens and aliases met; empty (suppressed) when fewer than 5'),
    v('contacts', 'Kontakter', 'Contacts', 'integer', '5- or empty', 'Number of contacts; empty when the persons cell is suppressed'),
    v('minutes', 'Minutter', 'Minutes', 'integer', '0- or empty', 'Sum of contact durations (staff time); empty when the persons cell is suppressed'),
  ],
};

/** The codebook itself as a dataset: one row per variable of every file. */
export const CODEBOOK_VARIABLES: Variable[] = [
  v('dataset', 'Datasæt', 'Dataset', 'text', 'enrolments, assessments, sessions, outreach, disclosure, consent', ''),
  v('variable', 'Variabel', 'Variable', 'text', '', ''),
  v('label_da', 'Etiket (dansk)', 'Label (Danish)', 'text', '', ''),
  v('label_en', 'Etiket (engelsk)', 'Label (English)', 'text', '', ''),
  v('type', 'Type', 'Type', 'text', 'text, integer, number, boolean, month, quarter', ''),
  v('values', 'Værdier', 'Values', 'text', '', ''),
  v('computation', 'Beregning', 'How it was computed', 'text', '', ''),
];

const SUPPRESSION_COLUMNS: Record<(typeof SUPPRESSION_ORDER)[number], string> = {
  endQuarter: 'end_quarter', startQuarter: 'start_quarter', referralQuarter: 'referral_quarter', sex: 'sex', birthBand: 'birth_year_band', municipality: 'municipality_code',
};

/**
 * How the person-level files of this project were made safe, as rows of the dataset "disclosure".
 * The counts of one run (values suppressed, rows withheld) are on its export job, not here.
 */
export function disclosureRows(project: { k: number }): unknown[][] {
  const row = (variable: string, da: string, en: string, type: VariableType, values: string, computation: string): unknown[] => ['disclosure', variable, da, en, type, values, computation];
  return [
    row('k', 'k (mindste gruppe)', 'k (smallest group)', 'integer', String(project.k),
      'Every combination of the quasi-identifiers (birth_year_band, sex, municipality_code, programme_code, referral_quarter, start_quarter, end_quarter, state) in the enrolments, assessments and sessions files is shared by at least k enrolments; an empty value counts as a value of its own'),
    row('l', 'l (forskellige statusser)', 'l (different states)', 'integer', String(EXPORT_L_DIVERSITY),
      'Every combination of the quasi-identifiers without state is shared by enrolments with at least l different states (l-diversity on the outcome)'),
    row('birth-year-5y', 'Fødselsår i 5-årsintervaller', 'Birth year in 5-year bands', 'text', 'birth_year_band', 'Every project: the birth year is replaced by its band of 5 years, starting at a year divisible by 5 (1990-1994)'),
    row('months-to-quarters', 'Måneder til kvartaler', 'Months to quarters', 'text', 'referral_quarter, start_quarter, end_quarter, assessment_quarter, *_quarter',
      'Every project: every date is replaced by its calendar quarter (2025-Q3); no file shows a month or a day'),
    row('local-suppression', 'Lokal undertrykkelse', 'Local suppression', 'text', SUPPRESSION_ORDER.map((f) => SUPPRESSION_COLUMNS[f]).join(', '),
      'Where a combination still describes fewer than k enrolments or a single state, its values are emptied one at a time in this order (least useful first; programme_code and state never), and the groups are formed again; enrolments that no suppression can hide are left out of every file of the run. The number of emptied values and of left-out enrolments is shown with each export run. The method and its tests are described in the project’s documentation, docs/disclosure-exports.md'),
    row('asi-composites', 'ASI-sammensatte scorer', 'ASI composite scores', 'number', `${COMPOSITE_DECIMALS} decimals`,
      `Stored exact (double precision); every file carries it rounded to ${COMPOSITE_DECIMALS} decimals (half away from zero), the figure the screens show`),
  ];
}

/** What the codebook needs of its project: k, and each municipality's rule for "not asked" as the run read it. */
export interface CodebookProject {
  k: number;
  /** Per municipality of the project (its code), how a citizen never asked about evaluation counted. */
  consentNotAsked?: { municipalityCode: string; rule: ConsentNotAskedRule }[];
}

/**
 * Who is in the files (decision 90), as rows of the dataset "consent": the evaluation-consent rule,
 * and per municipality which rule for "not asked" applied when the codebook was made.
 */
export function consentRows(project: CodebookProject): unknown[][] {
  const row = (variable: string, da: string, en: string, values: string, computation: string): unknown[] => ['consent', variable, da, en, 'text', values, computation];
  return [
    row('evaluation-consent', 'Samtykke til evaluering', 'Consent to evaluation', 'given, refused, withdrawn, not asked',
      'A citizen whose latest evaluation-consent entry is refused or withdrawn when an export runs is in no file of that run (not even the outreach counts); one who gave it is in them'),
    ...(project.consentNotAsked ?? []).map((m) =>
      row(`not-asked-${m.municipalityCode}`, `Ikke spurgt (kommune ${m.municipalityCode})`, `Not asked (municipality ${m.municipalityCode})`, m.rule,
        m.rule === 'included'
          ? `Municipality ${m.municipalityCode}: a citizen never asked about evaluation is included (the municipality's setting "not asked counts as included", opt-out)`
          : `Municipality ${m.municipalityCode}: a citizen never asked about evaluation is left out (the municipality's setting "not asked counts as excluded": only a given consent counts)`),
    ),
  ];
}

export function codebookRows(project: CodebookProject): unknown[][] {
  return [
    ...Object.entries(CODEBOOK).flatMap(([dataset, variables]) => variables.map((x) => [dataset, x.name, x.da, x.en, x.type, x.values, x.computation])),
    ...disclosureRows(project),
    ...consentRows(project),
  ];
}
