import { headerLines, oneLine, syntaxFileName } from './syntax-input';
import type { SyntaxInput } from './syntax-input';
import { valueLabels } from './value-labels';
import type { VariableType } from '../codebook';

/**
 * A double-quoted R string literal. Non-ASCII letters (æ, ø, å) are written as they are: the file is
 * UTF-8 and says so, and source(..., encoding = "UTF-8") reads them on every platform.
 */
export const rString = (s: string): string =>
  `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;

const COL_CLASS: Record<VariableType, string> = {
  text: 'character',
  quarter: 'character',
  month: 'character',
  integer: 'integer',
  number: 'numeric',
  // read.csv turns "true"/"false" into TRUE/FALSE and an empty cell into NA.
  boolean: 'logical',
};

/**
 * The R script: base R only, no package to install. Variable labels are the attribute "label"
 * (what haven, labelled, Hmisc and RStudio's viewer show); a column with a closed set of values
 * becomes a factor with the codebook's values as levels and their words as labels. Booleans stay
 * logical (TRUE/FALSE), which R users expect over a two-level factor.
 */
export function rSyntax(input: SyntaxInput): string {
  const frame = input.dataset;
  const col = (name: string): string => `${frame}[[${rString(name)}]]`;
  const lines = headerLines(input, 'R', `source(${rString(syntaxFileName(input.csvFile, 'r', input.lang))}, encoding = "UTF-8") in the folder that holds the CSV.`).map((l) => `# ${l}`);
  lines.push('# Base R only: the variable label is the attribute "label"; a closed set of values is a factor.', '');
  lines.push(`${frame} <- read.csv(`);
  lines.push(`  ${rString(input.csvFile)},`);
  lines.push('  fileEncoding = "UTF-8-BOM",');
  lines.push('  na.strings = "",');
  lines.push('  check.names = FALSE,');
  lines.push('  colClasses = c(');
  input.variables.forEach((x, i) => {
    const cls = x.type !== 'boolean' && valueLabels(x, input.dataset) ? 'character' : COL_CLASS[x.type];
    lines.push(`    ${rString(x.name)} = ${rString(cls)}${i === input.variables.length - 1 ? '' : ','}`);
  });
  lines.push('  )', ')', '');
  for (const x of input.variables) {
    const values = valueLabels(x, input.dataset);
    if (values && x.type !== 'boolean') {
      lines.push(
        `${col(x.name)} <- factor(${col(x.name)}, levels = c(${values.map((v) => rString(v.value)).join(', ')}), labels = c(${values.map((v) => rString(oneLine(v[input.lang]))).join(', ')}))`,
      );
    }
    // After factor(): factor() drops the attributes of what it converts.
    lines.push(`attr(${col(x.name)}, "label") <- ${rString(oneLine(x[input.lang]))}`);
  }
  lines.push('');
  return lines.join('\n');
}
