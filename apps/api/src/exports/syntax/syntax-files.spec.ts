import { EXPORT_SYNTAX_FORMATS } from '@outcomes/contracts';
import { CODEBOOK, CODEBOOK_VARIABLES } from '../codebook';
import type { Variable } from '../codebook';
import { syntaxFile } from './syntax-files';
import type { SyntaxInput } from './syntax-input';
import { readR, readSpss, readStata } from './testing/syntax-readers';
import type { ReadBack } from './testing/syntax-readers';

// No Stata or SPSS on the build machines (R is optional: export-syntax.e2e-spec.ts runs the R file by
// Rscript where it is installed): each file is parsed by a reader of its language
// (testing/syntax-readers.ts, which throws on anything it does not know) and its labels are read back.

const DATASETS = { ...CODEBOOK, codebook: CODEBOOK_VARIABLES };
const input = (dataset: keyof typeof DATASETS, lang: 'da' | 'en'): SyntaxInput => ({ dataset, csvFile: `${dataset}-2026-12-06.csv`, variables: DATASETS[dataset], lang });
const text = (format: (typeof EXPORT_SYNTAX_FORMATS)[number], i: SyntaxInput): string => syntaxFile(format, i).text;
const readAll = (i: SyntaxInput): Record<'r' | 'stata' | 'spss', ReadBack> => ({ r: readR(text('r', i)), stata: readStata(text('stata', i)), spss: readSpss(text('spss', i)) });

describe('syntax files for a CSV export', () => {
  // Written by hand from the screens' words and the codebook's documentation, not from the generators' tables.
  const EXPECTED = {
    da: {
      enrolments: {
        labels: {
          sex: 'Køn',
          state: 'Status',
          fu12_family: 'ASI-sammensat score, familie og sociale forhold (opfølgning 12 mdr.)',
          intake_drug_free: 'Stoffri (indskrivning)',
          end_quarter: 'Slutkvartal',
        },
        values: { sex: { male: 'Mand', female: 'Kvinde' }, state: { dropped_out: 'Frafaldet', completed: 'Gennemført', referred: 'Henvist' } },
      },
      outreach: { labels: { place_type: 'Stedtype', persons: 'Personer' }, values: { place_type: { 'drop-in-centre': 'Værested', street: 'Gaden' }, contact_type: { 'practical-help': 'Praktisk hjælp' } } },
      assessments: {
        labels: { item_E4: 'Gyldigt kørekort', timepoint: 'Måletidspunkt' },
        values: { item_F18: { '0': 'Nej', '1': 'Ja', N: 'Har ingen' }, item_F3: { no: 'Nej', indifferent: 'Ligeglad', yes: 'Ja' }, timepoint: { 'follow-up-12': 'Opfølgning efter 12 måneder' } },
      },
    },
    en: {
      enrolments: {
        labels: { sex: 'Sex', fu12_family: 'ASI composite, family/social (12-month follow-up)', intake_drug_free: 'Drug-free (intake)' },
        values: { sex: { male: 'Male', female: 'Female' }, state: { dropped_out: 'Dropped out', transferred: 'Transferred' } },
      },
      outreach: { labels: { place_type: 'Place type' }, values: { place_type: { 'drop-in-centre': 'Drop-in centre' }, contact_type: { 'first-contact': 'First contact' } } },
      assessments: { labels: { item_E4: "Valid driver's licence" }, values: { item_F18: { N: 'None' }, timepoint: { 'ad-hoc': 'Additional (ad hoc)' } } },
    },
  } as const;

  describe.each(['da', 'en'] as const)('labels in %s', (lang) => {
    it.each(Object.keys(EXPECTED[lang]) as (keyof (typeof EXPECTED)['da'])[])('%s: R, Stata and SPSS give back the expected labels', (dataset) => {
      const expected = EXPECTED[lang][dataset] as { labels: Record<string, string>; values: Record<string, Record<string, string>> };
      for (const [format, read] of Object.entries(readAll(input(dataset, lang)))) {
        expect({ format, csv: read.csvFile }).toEqual({ format, csv: `${dataset}-2026-12-06.csv` });
        for (const [name, label] of Object.entries(expected.labels)) expect({ format, name, label: read.labels[name] }).toEqual({ format, name, label });
        for (const [name, values] of Object.entries(expected.values)) expect({ format, name, values: read.valueLabels[name] }).toEqual({ format, name, values: expect.objectContaining(values) });
      }
    });
  });

  it('the R script reads each column with its type: text as character, counts as integer, scores as numeric, booleans as logical', () => {
    const read = readR(text('r', input('enrolments', 'en')));
    expect(read.frame).toBe('enrolments');
    expect([read.colClasses['person_id'], read.colClasses['referral_quarter'], read.colClasses['sessions_attended'], read.colClasses['intake_medical'], read.colClasses['intake_drug_free'], read.colClasses['sex']]).toEqual([
      'character',
      'character',
      'integer',
      'numeric',
      'logical',
      'character', // then a factor
    ]);
    // Booleans stay logical in R (no value labels); Stata and SPSS label their 0/1.
    expect(read.valueLabels['intake_drug_free']).toBeUndefined();
    expect(readStata(text('stata', input('enrolments', 'en'))).valueLabels['intake_drug_free']).toEqual({ false: 'No', true: 'Yes' });
    expect(readSpss(text('spss', input('enrolments', 'da'))).valueLabels['intake_drug_free']).toEqual({ false: 'Nej', true: 'Ja' });
  });

  describe.each(Object.keys(DATASETS) as (keyof typeof DATASETS)[])('%s', (dataset) => {
    it.each(['da', 'en'] as const)('every column of the codebook, in order, with its %s label; the three files agree on every value label', (lang) => {
      const variables = DATASETS[dataset];
      const reads = readAll(input(dataset, lang));
      const labels = Object.fromEntries(variables.map((x) => [x.name, x[lang]]));
      for (const [format, read] of Object.entries(reads)) {
        expect({ format, names: read.names }).toEqual({ format, names: variables.map((x) => x.name) });
        expect({ format, labels: read.labels }).toEqual({ format, labels });
      }
      // R has no value labels for booleans (it reads them as logical); otherwise the three agree.
      const booleans = new Set(variables.filter((x) => x.type === 'boolean').map((x) => x.name));
      const withoutBooleans = (v: Record<string, Record<string, string>>): Record<string, Record<string, string>> => Object.fromEntries(Object.entries(v).filter(([n]) => !booleans.has(n)));
      expect(withoutBooleans(reads.stata.valueLabels)).toEqual(reads.r.valueLabels);
      expect(reads.spss.valueLabels).toEqual(reads.stata.valueLabels);
      for (const labelsOfOne of Object.values(reads.stata.valueLabels)) expect(Object.values(labelsOfOne).every((l) => typeof l === 'string' && l !== '')).toBe(true);
    });
  });

  it('Stata: every name at most 32 characters and every variable label at most 80', () => {
    for (const dataset of Object.keys(DATASETS) as (keyof typeof DATASETS)[]) {
      for (const lang of ['da', 'en'] as const) {
        const read = readStata(text('stata', input(dataset, lang)));
        expect(read.names.filter((n) => n.length > 32)).toEqual([]);
        expect(read.variableLabelLengths.filter((n) => n > 80)).toEqual([]);
      }
    }
  });

  it('says it is UTF-8 and writes æ, ø and å as they are', () => {
    for (const format of EXPORT_SYNTAX_FORMATS) {
      const t = text(format, input('outreach', 'da'));
      expect(t).toMatch(/Encoding: UTF-8/);
      expect(t).toContain('Værested');
    }
  });

  it('quotes and escapes what would end a string or start a macro: quotes, backslashes, newlines, $ and `', () => {
    const nasty: Variable[] = [
      { name: 'a', da: 'Han sagde "nej" og \'ja\'', en: 'x', type: 'text', values: '', computation: '' },
      { name: 'b', da: 'C:\\mappe\\fil; $HOME og `x\' og "\'', en: 'x', type: 'integer', values: '', computation: '' },
      { name: 'c', da: 'to\nlinjer. Slut.', en: 'x', type: 'number', values: '', computation: '' },
      { name: 'sex', da: 'Køn (æøå ÆØÅ)', en: 'x', type: 'text', values: '', computation: '' },
    ];
    const i: SyntaxInput = { dataset: 'nasty', csvFile: 'nasty-2026-12-06.csv', variables: nasty, lang: 'da' };
    const want = { a: 'Han sagde "nej" og \'ja\'', b: 'C:\\mappe\\fil; $HOME og `x\' og "\'', c: 'to linjer. Slut.', sex: 'Køn (æøå ÆØÅ)' };
    // A label is one line in every file (a newline would end a Stata command and an SPSS comment).
    expect(readR(text('r', i)).labels).toEqual(want);
    expect(readSpss(text('spss', i)).labels).toEqual(want);
    // The one sequence Stata cannot hold in a compound string ("') is broken with a space.
    expect(readStata(text('stata', i)).labels).toEqual({ ...want, b: 'C:\\mappe\\fil; $HOME og `x\' og " \'' });
    expect(readSpss(text('spss', i)).valueLabels['sex']).toEqual({ male: 'Mand', female: 'Kvinde' });
  });

  it('the readers refuse what the programs would refuse: an unterminated string, unbalanced brackets, a missing period', () => {
    const r = text('r', input('sessions', 'en'));
    expect(() => readR(r.replace('"Sessions attended"', '"Sessions attended'))).toThrow(/unterminated|newline/);
    expect(() => readR(r.replace('labels = c("Male"', 'labels = c(("Male"'))).toThrow();
    const sps = text('spss', input('sessions', 'en'));
    expect(() => readSpss(sps.replace(/EXECUTE\.\n$/, 'EXECUTE\n'))).toThrow(/period/);
    const stata = text('stata', input('sessions', 'en'));
    expect(() => readStata(stata.replace("label variable sex `\"Sex\"'", "label variable sex `\"Sex $x\"'"))).toThrow(/macro/);
  });
});
