import { headerLines, oneLine, syntaxFileName } from './syntax-input';
import type { SyntaxInput } from './syntax-input';
import { valueLabels } from './value-labels';

/** Stata cuts a variable label at 80 characters; cut here, visibly, rather than silently there. */
const STATA_LABEL_MAX = 80;

const fit = (s: string, max: number): string => ([...s].length <= max ? s : `${[...s].slice(0, max - 1).join('')}…`);

/**
 * A Stata compound-quoted string, `"…"'. It may hold " and ' alike; $ and ` would start a macro
 * expansion even inside quotes, so they are escaped with a backslash, and the one sequence that
 * would end the string early ("') is broken with a space.
 */
export const stataString = (s: string): string => `\`"${oneLine(s).replace(/"'/g, `" '`).replace(/([$`])/g, '\\$1')}"'`;

/** The temporary name a categorical string column has while its numeric codes are made. */
const RAW = '__raw';

/**
 * The do-file: import delimited with each column's type fixed by position (stringcols/numericcols,
 * so no guessing from the first rows). The header row, which carries the byte-order mark, is
 * skipped (varnames(nonames) rowrange(2)) and the columns v1…vN get the codebook's names in one
 * rename. Every column with a closed set of values gets a numeric code with a value label (Stata
 * labels numbers only; the codes are in the codebook's order).
 */
export function stataSyntax(input: SyntaxInput): string {
  const { variables } = input;
  const lines = headerLines(input, 'Stata', `do "${syntaxFileName(input.csvFile, 'stata', input.lang)}" in the folder that holds the CSV (Stata 14 or later: Unicode).`).map((l) => `* ${l}`);
  const positions = (keep: (i: number) => boolean): string => variables.flatMap((_x, i) => (keep(i) ? [String(i + 1)] : [])).join(' ');
  const isString = (i: number): boolean => {
    const x = variables[i];
    return x.type === 'text' || x.type === 'quarter' || x.type === 'month' || x.type === 'boolean' || valueLabels(x, input.dataset) !== null;
  };
  const strings = positions(isString);
  const numbers = positions((i) => !isString(i));
  lines.push('', 'version 14', 'clear');
  lines.push(
    `import delimited using ${stataString(input.csvFile)}, varnames(nonames) rowrange(2) encoding("utf-8") delimiters(",") bindquote(strict)` +
      `${strings ? ` stringcols(${strings})` : ''}${numbers ? ` numericcols(${numbers})` : ''} clear`,
  );
  lines.push(`rename (${variables.map((_x, i) => `v${i + 1}`).join(' ')}) (${variables.map((x) => x.name).join(' ')})`, '');
  for (const x of variables) {
    const values = valueLabels(x, input.dataset);
    if (values) {
      lines.push(`rename ${x.name} ${RAW}`, `generate byte ${x.name} = .`);
      for (const v of values) lines.push(`replace ${x.name} = ${v.code} if ${RAW} == ${stataString(v.value)}`);
      lines.push(`order ${x.name}, before(${RAW})`, `drop ${RAW}`);
      lines.push(`label define ${x.name} ${values.map((v) => `${v.code} ${stataString(v[input.lang])}`).join(' ')}, replace`);
      lines.push(`label values ${x.name} ${x.name}`);
    }
    lines.push(`label variable ${x.name} ${stataString(fit(x[input.lang], STATA_LABEL_MAX))}`);
  }
  lines.push('');
  return lines.join('\n');
}
