import type { ExportSyntaxFormat } from '@outcomes/contracts';
import { rSyntax } from './r-syntax';
import { spssSyntax } from './spss-syntax';
import { stataSyntax } from './stata-syntax';
import { syntaxFileName } from './syntax-input';
import type { SyntaxInput } from './syntax-input';

const GENERATOR: Record<ExportSyntaxFormat, (input: SyntaxInput) => string> = { r: rSyntax, stata: stataSyntax, spss: spssSyntax };

/** One syntax file for a CSV export: its name beside the CSV's, and its text (UTF-8, plain text). */
export function syntaxFile(format: ExportSyntaxFormat, input: SyntaxInput): { fileName: string; text: string } {
  return { fileName: syntaxFileName(input.csvFile, format, input.lang), text: GENERATOR[format](input) };
}
