// Readers of the generated syntax files, written for the tests without R, Stata or SPSS on the
// machine: each tokenises its language (string literals with their escapes, balanced brackets,
// terminated commands), accepts only the commands the generators are meant to write (anything else
// throws), and reads the labels back out of the text. They share no code with the generators.

/** What a syntax file says about its CSV, read back from its text. */
export interface ReadBack {
  csvFile: string;
  /** Column names in order, as the file expects the CSV to have them. */
  names: string[];
  /** Variable label per column. */
  labels: Record<string, string>;
  /** Per labelled column: the CSV's value → its label. */
  valueLabels: Record<string, Record<string, string>>;
}

export interface RReadBack extends ReadBack {
  frame: string;
  colClasses: Record<string, string>;
}

const must = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
};

// ---------------------------------------------------------------- R

type RToken = { kind: 'string' | 'ident' | 'number' | 'op' | 'newline'; text: string };

const R_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'", '0': '\0' };

function rTokens(source: string): RToken[] {
  const tokens: RToken[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (ch === '\n') {
      tokens.push({ kind: 'newline', text: '\n' });
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new Error('R: unterminated string literal');
        const c = source[i];
        if (c === ch) break;
        if (c === '\n') throw new Error('R: a raw newline inside a string literal');
        if (c === '\\') {
          const e = source[i + 1];
          if (e === 'u') {
            const m = /^u\{?([0-9a-fA-F]{1,4})\}?/.exec(source.slice(i + 1));
            if (!m) throw new Error('R: bad \\u escape');
            text += String.fromCodePoint(parseInt(m[1], 16));
            i += 1 + m[0].length;
            continue;
          }
          if (!(e in R_ESCAPES)) throw new Error(`R: unknown escape \\${e}`);
          text += R_ESCAPES[e];
          i += 2;
          continue;
        }
        text += c;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text });
    } else if (/[A-Za-z.]/.test(ch)) {
      const m = must(/^[A-Za-z.][A-Za-z0-9._]*/.exec(source.slice(i)), 'R: a name');
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else if (/[0-9]/.test(ch)) {
      const m = must(/^[0-9]+(\.[0-9]+)?L?/.exec(source.slice(i)), 'R: a number');
      tokens.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else {
      const op = ['<-', '[[', ']]', '(', ')', ',', '='].find((o) => source.startsWith(o, i));
      if (!op) throw new Error(`R: unexpected character ${JSON.stringify(ch)}`);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return tokens;
}

type RNode =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'ident'; name: string }
  | { kind: 'call'; fn: string; args: { name?: string; value: RNode }[] }
  | { kind: 'index'; target: RNode; key: RNode };

/** A recursive-descent parser for the subset of R the generator writes; brackets must balance. */
function rStatements(source: string): { target: RNode; value: RNode }[] {
  const tokens = rTokens(source);
  let p = 0;
  let depth = 0;
  const peek = (): RToken | undefined => {
    // Inside brackets a newline is only white space.
    while (depth > 0 && tokens[p]?.kind === 'newline') p++;
    return tokens[p];
  };
  const take = (text?: string): RToken => {
    const t = peek();
    if (!t || (text !== undefined && t.text !== text)) throw new Error(`R: expected ${text ?? 'a token'}, found ${t?.text ?? 'the end'}`);
    p++;
    return t;
  };
  const expr = (): RNode => {
    const t = take();
    let node: RNode;
    if (t.kind === 'string') node = { kind: 'string', value: t.text };
    else if (t.kind === 'number') node = { kind: 'number', value: t.text };
    else if (t.kind === 'ident' && peek()?.text === '(') {
      take('(');
      depth++;
      const args: { name?: string; value: RNode }[] = [];
      while (peek()?.text !== ')') {
        const next = tokens[p + 1];
        let name: string | undefined;
        if ((peek()?.kind === 'ident' || peek()?.kind === 'string') && next?.text === '=') {
          name = take().text;
          take('=');
        }
        args.push({ name, value: expr() });
        if (peek()?.text === ',') take(',');
        else if (peek()?.text !== ')') throw new Error(`R: expected , or ) in a call of ${t.text}`);
      }
      depth--;
      take(')');
      node = { kind: 'call', fn: t.text, args };
    } else if (t.kind === 'ident') node = { kind: 'ident', name: t.text };
    else throw new Error(`R: unexpected ${t.text}`);
    while (peek()?.text === '[[') {
      take('[[');
      depth++;
      const key = expr();
      depth--;
      take(']]');
      node = { kind: 'index', target: node, key };
    }
    return node;
  };
  const statements: { target: RNode; value: RNode }[] = [];
  while (p < tokens.length) {
    if (tokens[p].kind === 'newline') {
      p++;
      continue;
    }
    const target = expr();
    take('<-');
    const value = expr();
    statements.push({ target, value });
    const end = tokens[p];
    if (end && end.kind !== 'newline') throw new Error(`R: two expressions on one line (${end.text})`);
  }
  if (depth !== 0) throw new Error('R: unbalanced brackets');
  return statements;
}

const strings = (node: RNode): string[] => {
  if (node.kind !== 'call' || node.fn !== 'c') throw new Error('R: expected c(...)');
  return node.args.map((a) => {
    if (a.value.kind !== 'string') throw new Error('R: expected a string in c(...)');
    return a.value.value;
  });
};
const str = (node: RNode | undefined): string => {
  if (node?.kind !== 'string') throw new Error('R: expected a string');
  return node.value;
};
const arg = (node: RNode & { kind: 'call' }, name: string): RNode | undefined => node.args.find((a) => a.name === name)?.value;
/** `frame[["column"]]` → column, checking the frame. */
const column = (node: RNode, frame: string): string => {
  if (node.kind !== 'index' || node.target.kind !== 'ident' || node.target.name !== frame) throw new Error(`R: expected ${frame}[["…"]]`);
  return str(node.key);
};

export function readR(source: string): RReadBack {
  const [first, ...rest] = rStatements(source);
  if (!first || first.target.kind !== 'ident' || first.value.kind !== 'call' || first.value.fn !== 'read.csv') throw new Error('R: the script must start by reading the CSV');
  const frame = first.target.name;
  const read = first.value;
  if (str(arg(read, 'fileEncoding')) !== 'UTF-8-BOM') throw new Error('R: the CSV is UTF-8 with a byte-order mark');
  const classes = arg(read, 'colClasses');
  if (classes?.kind !== 'call' || classes.fn !== 'c') throw new Error('R: colClasses must be c(...)');
  const colClasses: Record<string, string> = {};
  for (const a of classes.args) {
    if (a.name === undefined) throw new Error('R: every colClass is named');
    colClasses[a.name] = str(a.value);
  }
  const out: RReadBack = { frame, csvFile: str(read.args[0]?.value), names: Object.keys(colClasses), colClasses, labels: {}, valueLabels: {} };
  for (const s of rest) {
    if (s.value.kind === 'call' && s.value.fn === 'factor') {
      const name = column(s.target, frame);
      if (column(s.value.args[0].value, frame) !== name) throw new Error('R: factor() of another column');
      const levels = strings(must(arg(s.value, 'levels'), 'R: factor() without levels'));
      const labels = strings(must(arg(s.value, 'labels'), 'R: factor() without labels'));
      if (levels.length !== labels.length) throw new Error(`R: ${name} has ${levels.length} levels and ${labels.length} labels`);
      out.valueLabels[name] = Object.fromEntries(levels.map((l, i) => [l, labels[i]]));
    } else if (s.target.kind === 'call' && s.target.fn === 'attr' && str(s.target.args[1]?.value) === 'label') {
      out.labels[column(s.target.args[0].value, frame)] = str(s.value);
    } else {
      throw new Error('R: a statement the generator does not write');
    }
  }
  return out;
}

// ---------------------------------------------------------------- Stata

const STATA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

/** Reads one compound-quoted string `"…"' at the start of `s`: its text and what follows. */
function stataString(s: string): { text: string; rest: string } {
  if (!s.startsWith('`"')) throw new Error(`Stata: expected a compound-quoted string at ${s.slice(0, 20)}`);
  let text = '';
  let i = 2;
  for (;;) {
    if (i >= s.length) throw new Error('Stata: unterminated string');
    if (s.startsWith(`"'`, i)) break;
    if (s[i] === '\\' && (s[i + 1] === '$' || s[i + 1] === '`')) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (s[i] === '$' || s[i] === '`') throw new Error('Stata: an unescaped macro character in a string');
    text += s[i++];
  }
  return { text, rest: s.slice(i + 2).trimStart() };
}

const stataName = (name: string): string => {
  if (!STATA_NAME.test(name)) throw new Error(`Stata: ${name} is no valid name (letters, digits, _; at most 32)`);
  return name;
};

export function readStata(source: string): ReadBack & { variableLabelLengths: number[] } {
  const out: ReadBack & { variableLabelLengths: number[] } = { csvFile: '', names: [], labels: {}, valueLabels: {}, variableLabelLengths: [] };
  const defines: Record<string, Record<number, string>> = {};
  const attached: Record<string, string> = {};
  const recodes: Record<string, Record<string, number>> = {};
  for (const raw of source.split('\n')) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('*')) continue;
    if (line.includes('\t')) throw new Error('Stata: a tab in a line');
    let m: RegExpExecArray | null;
    if (line === 'version 14' || line === 'clear') continue;
    if ((m = /^import delimited using (.*)$/.exec(line))) {
      const { text, rest } = stataString(m[1]);
      out.csvFile = text;
      if (!/^, varnames\(nonames\) rowrange\(2\) encoding\("utf-8"\) .*\bclear$/.test(rest)) throw new Error(`Stata: import options ${rest}`);
    } else if ((m = /^rename \(([^)]*)\) \(([^)]*)\)$/.exec(line))) {
      const from = m[1].split(' ');
      out.names = m[2].split(' ').map(stataName);
      // Without a header Stata names the columns v1, v2, …: each gets its own name, once.
      if (from.join(' ') !== out.names.map((_n, i) => `v${i + 1}`).join(' ')) throw new Error('Stata: rename (v1 … vN) to as many names');
    } else if ((m = /^label variable (\S+) (.*)$/.exec(line))) {
      const { text, rest } = stataString(m[2]);
      if (rest !== '') throw new Error('Stata: text after a variable label');
      out.labels[stataName(m[1])] = text;
      out.variableLabelLengths.push([...text].length);
    } else if ((m = /^label define (\S+) (.*), replace$/.exec(line))) {
      const values: Record<number, string> = {};
      let rest = m[2];
      while (rest !== '') {
        const code = /^(-?\d+) /.exec(rest);
        if (!code) throw new Error(`Stata: a value label needs a whole number, at ${rest.slice(0, 20)}`);
        const read = stataString(rest.slice(code[0].length));
        values[Number(code[1])] = read.text;
        rest = read.rest;
      }
      defines[stataName(m[1])] = values;
    } else if ((m = /^label values (\S+) (\S+)$/.exec(line))) {
      attached[stataName(m[1])] = stataName(m[2]);
    } else if ((m = /^replace (\S+) = (\d+) if __raw == (.*)$/.exec(line))) {
      const { text, rest } = stataString(m[3]);
      if (rest !== '') throw new Error('Stata: text after a replace');
      (recodes[m[1]] ??= {})[text] = Number(m[2]);
    } else if (!/^(rename \S+ __raw|generate byte \S+ = \.|order \S+, before\(__raw\)|drop __raw)$/.test(line)) {
      throw new Error(`Stata: a command the generator does not write: ${line.slice(0, 60)}`);
    }
  }
  for (const [name, label] of Object.entries(attached)) {
    const define = defines[label];
    if (!define) throw new Error(`Stata: label values ${name} names an undefined label ${label}`);
    out.valueLabels[name] = Object.fromEntries(Object.entries(recodes[name] ?? {}).map(([value, code]) => [value, define[code]]));
  }
  return out;
}

// ---------------------------------------------------------------- SPSS

/** SPSS strings: '…' with '' for a quote (or "…" with ""). */
function spssTokens(command: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < command.length) {
    const ch = command[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= command.length) throw new Error('SPSS: unterminated string');
        if (command[i] === ch) {
          if (command[i + 1] === ch) {
            text += ch;
            i += 2;
            continue;
          }
          break;
        }
        text += command[i++];
      }
      i++;
      tokens.push(`'${text}`); // a leading quote marks a string token
    } else if ('/()=,'.includes(ch)) {
      tokens.push(ch);
      i++;
    } else {
      const m = must(/^[^\s'"/()=,]+/.exec(command.slice(i)), 'SPSS: a word');
      tokens.push(m[0]);
      i += m[0].length;
    }
  }
  return tokens;
}

const isString = (t: string | undefined): t is string => t !== undefined && t.startsWith("'");
const unquote = (t: string | undefined): string => {
  if (!isString(t)) throw new Error(`SPSS: expected a string, found ${t}`);
  return t.slice(1);
};

/** Splits into commands: each ends with a period at the end of a line (outside strings). */
function spssCommands(source: string): string[] {
  const commands: string[] = [];
  let current = '';
  for (const line of source.split('\n')) {
    if (current === '' && (line.trim() === '' || line.startsWith('*'))) {
      if (line.startsWith('*') && !line.trimEnd().endsWith('.')) throw new Error('SPSS: a comment must end with a period');
      continue;
    }
    current += `${line}\n`;
    const quotes = (line.match(/'/g) ?? []).length;
    if (line.trimEnd().endsWith('.') && quotes % 2 === 0) {
      commands.push(current.trimEnd().slice(0, -1));
      current = '';
    }
  }
  if (current.trim() !== '') throw new Error('SPSS: the last command has no terminating period');
  return commands;
}

export function readSpss(source: string): ReadBack {
  const out: ReadBack = { csvFile: '', names: [], labels: {}, valueLabels: {} };
  const recodes: Record<string, Record<string, number>> = {};
  const codeLabels: Record<string, Record<number, string>> = {};
  let kept: string[] = [];
  for (const command of spssCommands(source)) {
    const t = spssTokens(command);
    const head = t.slice(0, 2).join(' ').toUpperCase();
    if (head === 'GET DATA') {
      const sub = (name: string): string | undefined => {
        const i = t.findIndex((x, j) => x.toUpperCase() === name && t[j - 1] === '/');
        return i < 0 ? undefined : t[i + 2];
      };
      if (sub('TYPE') !== 'TXT' || unquote(sub('ENCODING')) !== 'UTF8' || sub('FIRSTCASE') !== '2') throw new Error('SPSS: GET DATA /TYPE=TXT /ENCODING=UTF8 /FIRSTCASE=2');
      out.csvFile = unquote(sub('FILE'));
      const vars = t.slice(t.findIndex((x) => x.toUpperCase() === 'VARIABLES') + 2);
      if (vars.length % 2 !== 0) throw new Error('SPSS: /VARIABLES is name format pairs');
      for (let i = 0; i < vars.length; i += 2) {
        if (!/^(A\d+|F\d+\.0)$/.test(vars[i + 1])) throw new Error(`SPSS: input format ${vars[i + 1]}`);
        out.names.push(vars[i]);
      }
    } else if (t[0] === 'RECODE') {
      const into = t.indexOf('INTO');
      const target = t[into + 1];
      for (let i = 2; i < into; i += 5) {
        if (t[i] !== '(' || t[i + 2] !== '=' || t[i + 4] !== ')') throw new Error('SPSS: RECODE (value=code)');
        (recodes[target] ??= {})[unquote(t[i + 1])] = Number(t[i + 3]);
      }
      if (t[1] !== `${target}_raw`) throw new Error('SPSS: RECODE of another column');
    } else if (head === 'VARIABLE LABELS') {
      const body = t.slice(2).filter((x) => x !== '/');
      for (let i = 0; i < body.length; i += 2) out.labels[body[i]] = unquote(body[i + 1]);
    } else if (head === 'VALUE LABELS') {
      let name = '';
      const body = t.slice(2);
      for (let i = 0; i < body.length; ) {
        if (body[i] === '/') {
          i++;
          continue;
        }
        if (!isString(body[i + 1]) || !/^\d+$/.test(body[i])) {
          name = body[i++];
          continue;
        }
        (codeLabels[name] ??= {})[Number(body[i])] = unquote(body[i + 1]);
        i += 2;
      }
    } else if (t[0] === 'ADD' && t[1] === 'FILES') {
      kept = t.slice(t.indexOf('KEEP') + 2);
    } else if (!['FORMATS', 'EXECUTE'].includes(t[0]) && head !== 'VARIABLE LEVEL') {
      throw new Error(`SPSS: a command the generator does not write: ${t[0]}`);
    }
  }
  // The raw text columns were read under NAME_raw and dropped: the file ends with the CSV's own names.
  out.names = out.names.map((n) => n.replace(/_raw$/, ''));
  if (kept.join(' ') !== out.names.join(' ')) throw new Error('SPSS: ADD FILES /KEEP does not restore the CSV order');
  for (const [name, byValue] of Object.entries(recodes)) {
    out.valueLabels[name] = Object.fromEntries(Object.entries(byValue).map(([value, code]) => [value, codeLabels[name]?.[code]]));
  }
  return out;
}
