import type { ExportSyntaxFormat, ExportLabelLanguage } from '@outcomes/contracts';
import type { Variable } from '../codebook';

/** What every syntax file is a pure function of: the CSV it reads, its codebook, and the labels' language. */
export interface SyntaxInput {
  /** The dataset (its name in the codebook; the R data frame and the file headers are named after it). */
  dataset: string;
  /** The CSV's file name as downloaded; the syntax expects it in the working directory. */
  csvFile: string;
  /** The CSV's columns in order, as the codebook describes them. */
  variables: readonly Variable[];
  lang: ExportLabelLanguage;
}

const EXTENSION: Record<ExportSyntaxFormat, string> = { r: 'R', stata: 'do', spss: 'sps' };

/** enrolments-2026-12-06.csv → enrolments-2026-12-06-da.R: beside the CSV, one per language. */
export const syntaxFileName = (csvFile: string, format: ExportSyntaxFormat, lang: ExportLabelLanguage): string =>
  `${csvFile.replace(/\.csv$/, '')}-${lang}.${EXTENSION[format]}`;

const LANGUAGE_NAME: Record<ExportLabelLanguage, string> = { da: 'Danish (dansk)', en: 'English' };

/** The header every syntax file starts with, as comment lines (the caller adds the comment marker). */
export function headerLines(input: SyntaxInput, program: string, run: string): string[] {
  return [
    `${program} syntax for ${input.csvFile}: ${input.variables.length} variables, labels in ${LANGUAGE_NAME[input.lang]}.`,
    'Encoding: UTF-8 (this file and the CSV; the CSV starts with a byte-order mark).',
    `Run: ${run}`,
    'Types, variable labels and value labels are the codebook’s (the dataset "codebook", or the XLSX file’s codebook sheet).',
    'An empty cell is a missing value: not recorded, not applicable, or emptied by disclosure control (see the codebook).',
  ];
}

/** Newlines and tabs have no place in a label: one line each, whatever the codebook holds. */
export const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ');
