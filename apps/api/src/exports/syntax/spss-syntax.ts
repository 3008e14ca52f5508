import type { Variable, VariableType } from '../codebook';
import { headerLines, oneLine, syntaxFileName } from './syntax-input';
import type { SyntaxInput } from './syntax-input';
import { valueLabels } from './value-labels';

/** A single-quoted SPSS string: a quote inside is doubled. */
export const spssString = (s: string): string => `'${oneLine(s).replace(/'/g, "''")}'`;

/** SPSS cuts a value label at 120 bytes and a variable label at 256: cut here, visibly. */
const fitBytes = (s: string, max: number): string => {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
};

/**
 * Input formats. Numbers are read as Fw.0 on purpose: with Fw.d, SPSS would put d implied
 * decimals into a value written without a decimal point (12 read as F8.2 is 0.12); the display
 * formats come after, in FORMATS. Text widths: the longest a value of the column can be.
 */
const inputFormat = (x: Variable, dataset: string): string => {
  const values = valueLabels(x, dataset);
  if (values) return `A${Math.max(...values.map((v) => v.value.length))}`;
  const byType: Record<VariableType, string> = { text: dataset === 'codebook' ? 'A4000' : 'A255', quarter: 'A7', month: 'A7', integer: 'F10.0', number: 'F20.0', boolean: 'A5' };
  return byType[x.type];
};

/** A long list of names, 8 to a line: some SPSS versions read syntax lines of at most 256 bytes. */
const names = (xs: readonly Variable[]): string =>
  xs
    .map((x) => x.name)
    .reduce<string[][]>((rows, name, i) => (i % 8 === 0 ? [...rows, [name]] : (rows[rows.length - 1].push(name), rows)), [])
    .map((row) => row.join(' '))
    .join('\n    ');

const RAW = (name: string): string => `${name}_raw`;

/**
 * The SPSS syntax: GET DATA /TYPE=TXT with each column's format fixed, RECODE of every column with
 * a closed set of values into numeric codes (labelled; the codebook's order), VARIABLE LABELS,
 * VALUE LABELS, and ADD FILES to put the columns back in the CSV's order. Every command ends in a period.
 */
export function spssSyntax(input: SyntaxInput): string {
  const { variables, dataset, lang } = input;
  const labelled = variables.flatMap((x) => {
    const values = valueLabels(x, dataset);
    return values ? [{ x, values }] : [];
  });
  const isLabelled = new Set(labelled.map((l) => l.x.name));
  const lines = headerLines(input, 'SPSS', `File > Open > Syntax, ${syntaxFileName(input.csvFile, 'spss', lang)}, then Run > All, in the folder that holds the CSV (Unicode mode, the default since SPSS 21).`).map((l) => `* ${l}`);
  lines.push('* Encoding: UTF-8.', '');
  lines.push('GET DATA', '  /TYPE=TXT', `  /FILE=${spssString(input.csvFile)}`, "  /ENCODING='UTF8'", '  /ARRANGEMENT=DELIMITED', '  /DELCASE=LINE', '  /FIRSTCASE=2', `  /DELIMITERS=","`, `  /QUALIFIER='"'`, '  /VARIABLES=');
  for (const x of variables) lines.push(`    ${isLabelled.has(x.name) ? RAW(x.name) : x.name} ${inputFormat(x, dataset)}`);
  lines[lines.length - 1] += '.';
  lines.push('');
  for (const { x, values } of labelled) {
    lines.push(`RECODE ${RAW(x.name)} ${values.map((v) => `(${spssString(v.value)}=${v.code})`).join(' ')} INTO ${x.name}.`);
  }
  const numbers = variables.filter((x) => x.type === 'number' && !isLabelled.has(x.name));
  const integers = variables.filter((x) => x.type === 'integer' && !isLabelled.has(x.name));
  if (numbers.length > 0) lines.push(`FORMATS ${names(numbers)} (F12.3).`);
  if (integers.length > 0 || labelled.length > 0) lines.push(`FORMATS ${names([...integers, ...labelled.map((l) => l.x)])} (F8.0).`);
  lines.push('', 'VARIABLE LABELS');
  variables.forEach((x, i) => lines.push(`  ${i === 0 ? '' : '/'}${x.name} ${spssString(fitBytes(x[lang], 256))}${i === variables.length - 1 ? '.' : ''}`));
  if (labelled.length > 0) {
    lines.push('', 'VALUE LABELS');
    labelled.forEach(({ x, values }, i) =>
      lines.push(`  ${i === 0 ? '' : '/'}${x.name} ${values.map((v) => `${v.code} ${spssString(fitBytes(v[lang], 120))}`).join(' ')}${i === labelled.length - 1 ? '.' : ''}`),
    );
    lines.push(`VARIABLE LEVEL ${names(labelled.map((l) => l.x))} (NOMINAL).`);
  }
  // Back in the CSV's order, without the raw text of the recoded columns.
  lines.push('', `ADD FILES FILE=* /KEEP=${names(variables)}.`, 'EXECUTE.', '');
  return lines.join('\n');
}
