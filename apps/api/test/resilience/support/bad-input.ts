import fc from 'fast-check';
import type { Endpoint, Schema } from './openapi';

/**
 * Generators of certainly-invalid requests. Every generated request breaks at least one rule the
 * OpenAPI schema (or the API's documented list / text rules) states, checked by `violation` below,
 * so the only right answer is a 4xx that names the broken field, and nothing may be written.
 */

/** Same limits as the API (app.setup.ts: 256 kB bodies; well-formed-input.pipe.ts: 16 levels). */
export const BODY_LIMIT = 256 * 1024;
export const MAX_DEPTH = 16;
const UUID_ANY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** JSON text inserted verbatim (deep nesting would overflow JSON.stringify in the test process). */
export class Raw {
  constructor(
    readonly text: string,
    readonly depth: number,
  ) {}
}

export interface Case {
  endpoint: string;
  kind: string;
  method: string;
  url: string;
  body?: string;
  contentType?: string;
  /** Acceptable statuses: 400 for nearly everything; 413 over the body limit; 431 an over-long URL. */
  expect: number[];
  /** For 400s: at least one of these must be named in `errors` (any key naming a field sent or known). */
  fields: string[];
  /** Top-level names the answer may call real: the schema's properties, what was sent, the parameters. */
  known: string[];
}

const codePoints = (s: string): number => [...s].length;

/** The rule a value certainly breaks, or undefined when it might be acceptable. */
export function violation(schema: Schema | undefined, value: unknown, depth = 0): string | undefined {
  if (value instanceof Raw) return value.depth > MAX_DEPTH ? 'too deep' : undefined;
  if (depth > MAX_DEPTH) return 'too deep';
  if (typeof value === 'string' && (value.includes('\u0000') || LONE_SURROGATE.test(value))) return 'not storable text';
  if (!schema) return undefined;
  // null: refused where required (the 'null required' change), but optional fields may take it.
  if (value === null) return undefined;
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return 'type';
      if (schema.enum && !schema.enum.includes(value)) return 'enum';
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return 'pattern';
      if (schema.maxLength !== undefined && value.length > schema.maxLength && codePoints(value) > schema.maxLength) return 'maxLength';
      if (schema.minLength !== undefined && value.length < schema.minLength && codePoints(value) < schema.minLength) return 'minLength';
      if (schema.format === 'uuid' && !UUID_ANY.test(value)) return 'uuid';
      return undefined;
    }
    case 'number':
    case 'integer':
      if (typeof value !== 'number') return 'type';
      if (schema.minimum !== undefined && value < schema.minimum) return 'minimum';
      if (schema.maximum !== undefined && value > schema.maximum) return 'maximum';
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'type';
    case 'array': {
      if (!Array.isArray(value)) return 'type';
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return 'maxItems';
      if (schema.minItems !== undefined && value.length < schema.minItems) return 'minItems';
      for (const item of value) if (violation(schema.items, item, depth + 1)) return 'items';
      return undefined;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return 'type';
      const record = value as Record<string, unknown>;
      for (const [key, child] of Object.entries(record)) {
        if (violation({}, key) || violation(schema.properties?.[key], child, depth + 1)) return key;
      }
      if (schema.properties) {
        if ((schema.required ?? []).some((r) => record[r] === undefined || record[r] === null)) return 'required';
        if (schema.additionalProperties !== true && Object.keys(record).some((k) => !Object.hasOwn(schema.properties as object, k))) return 'unknown property';
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** JSON text of a body that may hold Raw pieces. */
export function serialise(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof Raw) {
      raws.push(value.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return value;
  });
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)] as string);
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

export const HUGE = 'x'.repeat(100_000);
/** 100,000 characters, 150 kB of UTF-8: Danish letters, combining marks, RTL override. */
export const HUGE_UNICODE = 'æøå\u0301\u202E'.repeat(20_000);
const CPR_LIKE = ['0101901234', '010190-1234', '311299-9999'];
const UNICODE_EDGES = [
  '\uD800', 'a\uDC00b', 'x\uDBFF', 'a\u0000b', '\u0000', '\u202Eevil\u202C', '\u200F\u202Bمرحبا', '💊🧪👩‍⚕️', '🏳️‍🌈', 'e\u0301\u0301\u0301\u0301', 'Z̴̡̢͍̪͚͚̘͖͇̫̿̉͋̈́̒͘a̸͙̣̙̲͓̜͒̆l̵͉̘̺̯̓g̶̡̹͚̤͍̫̓̽́͘o̵̧̦̱̅̀', '\u200B', '\uFEFF', '０１０１９０１２３４', 'İı', '\u2028\u2029', '\t\r\n', '\u0007\u001b[31m',
];
const PAYLOADS = [
  "' OR '1'='1", "'; DROP TABLE citizen; --", "1; SELECT pg_sleep(5)", "' UNION SELECT password_hash FROM app_user --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '../../../../etc/passwd', '%00', '\\x00', '$where: 1', '{"$gt": ""}', 'null', 'undefined', 'NaN', '-0', '1e309', ...CPR_LIKE, `Navn ${CPR_LIKE[1]}`,
];
export const BAD_UUIDS = [
  '', ' ', 'abc', '1', '0', '-1', 'null', 'undefined', 'true', '00000000-0000-4000-8000-00000000075', '00000000-0000-4000-8000-0000000007511', '00000000000040008000000000000751', '{00000000-0000-4000-8000-000000000751}', 'urn:uuid:00000000-0000-4000-8000-000000000751', 'g0000000-0000-4000-8000-000000000751', '00000000-0000-4000-8000-000000000751 ', ' 00000000-0000-4000-8000-000000000751', '00000000-0000-4000-8000-000000000751\u0000', "00000000-0000-4000-8000-000000000751' OR '1'='1", '00000000_0000_4000_8000_000000000751', 'ｇ', '💊', ...CPR_LIKE,
];
const WRONG_TYPED: unknown[] = [0, -1, 1.5, 1e308, -1e308, true, false, [], [1, 'a'], [null], {}, { a: 1 }, { $gt: '' }, '', '0', 'true', 'x', '[]', '{}'];

const badUuidArb = fc.oneof(fc.constantFrom(...BAD_UUIDS), fc.string({ maxLength: 40 }).filter((s) => !UUID_ANY.test(s)));

/** Nesting deeper than MAX_DEPTH, as verbatim JSON: arrays, objects or both. */
export const deepArb: fc.Arbitrary<Raw> = fc
  .tuple(fc.integer({ min: MAX_DEPTH + 1, max: 60_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, shape]) => {
    if (shape === 'array') return new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`, depth);
    if (shape === 'object') return new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, depth);
    return new Raw(`${'[{"a":'.repeat(depth / 2)}[]${'}]'.repeat(depth / 2)}`, 2 * Math.floor(depth / 2));
  });

/** Any value, from every family the issue names; filtered per field by `violation`. */
const anyBadValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WRONG_TYPED) },
  { weight: 2, arbitrary: fc.constantFrom(HUGE, HUGE_UNICODE) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: badUuidArb },
  { weight: 1, arbitrary: deepArb },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
);

/** A value the field's schema certainly refuses. Nothing in the pool fits every schema: the wrong-typed ones always break one. */
const badValueFor = (schema: Schema): fc.Arbitrary<unknown> => anyBadValue.filter((v) => violation(schema, v) !== undefined);

/** Free text the API may well accept (riders beside a certainly-invalid change). */
const riderValue: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...UNICODE_EDGES.filter((s) => !violation(undefined, s)), ...PAYLOADS), fc.string({ unit: 'grapheme', maxLength: 20 }));

/** Names no DTO has; `__proto__`-like names are riders only (JSON.parse makes them own keys the whitelist never sees). */
const extraName = fc.oneof(fc.constantFrom('id', 'createdAt', 'updatedAt', 'isAdmin', 'role ', 'password_hash', 'deletedAt', '$where', 'a.b', ''), fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz${s}`));

// ---------------------------------------------------------------------------------------------
// Lists: sort / range / filter
// ---------------------------------------------------------------------------------------------

const unknownField = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'name; DROP TABLE citizen', 'id) --', 'cpr', 'cprHash', 'password_hash', '', ...CPR_LIKE), fc.string({ maxLength: 10 }).map((s) => `zz${s}`));
const invalidJsonText = fc.constantFrom('[', '{', '["name","ASC"', "['name','ASC']", 'name', 'ASC', 'undefined', 'NaN', '[0,24', '{q:1}', '{"q":}', '%E0%A4%A', '\u0000', ' ', '');
export const badSort: fc.Arbitrary<string> = fc.oneof(
  invalidJsonText.filter((s) => s !== ''),
  fc.constantFrom('1', 'true', 'null', '{}', '"name"', '[]', '["name"]', '["name","ASC","x"]', '[1,"ASC"]', '[null,null]', '[["name"],"ASC"]'),
  fc.tuple(unknownField, fc.constantFrom('ASC', 'DESC', 'asc', '', 'ASC; DROP TABLE x')).map((p) => JSON.stringify(p)),
  fc.tuple(fc.constantFrom('id', 'name', 'createdAt'), fc.constantFrom('asc', 'desc', '', 'ASC ', 'RANDOM()', 'ASC; DROP TABLE x', '1')).map((p) => JSON.stringify(p)),
  fc.constant(JSON.stringify(['x'.repeat(300), 'ASC'])),
);
export const badRange: fc.Arbitrary<string> = fc.oneof(
  invalidJsonText.filter((s) => s !== ''),
  fc.constantFrom('1', '"0-24"', '{}', '[]', '[0]', '[0,1,2]', '[-1,10]', '[0,-1]', '[10,5]', '[0,500]', '[0,1e6]', '[1.5,3]', '["0","24"]', '[null,24]', '[0,9007199254740993]', '[1e309,1]', '[true,false]'),
  fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 501, max: 1e9 })).map(([a, span]) => JSON.stringify([a, a + span])),
);
const filterValue = fc.oneof(fc.constantFrom(...WRONG_TYPED), fc.constantFrom(...BAD_UUIDS), fc.constantFrom('\u0000', 'a\u0000b', '\uD800', 'x'.repeat(201)));
export const badFilter: fc.Arbitrary<string> = fc.oneof(
  invalidJsonText.filter((s) => s !== ''),
  fc.constantFrom('1', '"q"', '[]', '[{"q":"a"}]', 'true', 'null'),
  fc.tuple(unknownField, filterValue).map(([k, v]) => JSON.stringify({ [k]: v })),
  // q must be a short string of storable text
  fc.constantFrom(1, true, [], {}, ['a'], 'x'.repeat(201), 'a\u0000b', '\u0000', 'a\uD800b').map((q) => JSON.stringify({ q })),
  // ids must be UUIDs; ranges only on numbers and dates
  badUuidArb.map((id) => JSON.stringify({ id })),
  fc.array(badUuidArb, { minLength: 1, maxLength: 5 }).map((id) => JSON.stringify({ id })),
  fc.constantFrom('{"id_lte":"x"}', '{"q_gte":"a"}', '{"":1}'),
);

export type ListParam = 'sort' | 'range' | 'filter';
const badListParam: Record<ListParam, fc.Arbitrary<string>> = { sort: badSort, range: badRange, filter: badFilter };

// ---------------------------------------------------------------------------------------------
// Cases per endpoint
// ---------------------------------------------------------------------------------------------

export interface EndpointContext {
  endpoint: Endpoint;
  /** A DTO-valid body to mutate (undefined: the endpoint takes none). */
  validBody?: Record<string, unknown>;
  /** Path parameters that route (existing or random UUIDs). */
  pathValues: Record<string, string>;
}

const fillPath = (e: Endpoint, values: Record<string, string>, raw: Record<string, string> = {}): string =>
  e.path.replace(/\{([^}]+)\}/g, (_m, name: string) => raw[name] ?? encodeURIComponent(values[name] as string));

/** A path value that routes (not empty, not a dot segment, encodable) yet is certainly not a UUID. */
const routableBadId = badUuidArb.filter((s) => s.trim() !== '' && s !== '.' && s !== '..' && !LONE_SURROGATE.test(s));

function pathCase(ctx: EndpointContext): fc.Arbitrary<Case> {
  const e = ctx.endpoint;
  const body = ctx.validBody ? serialise(ctx.validBody) : undefined;
  const known = [...e.pathParams, 'path', ...Object.keys(ctx.endpoint.schema?.properties ?? {})];
  return fc.tuple(fc.constantFrom(...e.pathParams), fc.oneof({ weight: 9, arbitrary: routableBadId.map((v) => ({ v, raw: false })) }, { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%ED%A0%80', '%FF', '%C0%AF').map((v) => ({ v, raw: true })) })).map(([param, { v, raw }]) => ({
    endpoint: e.key,
    kind: raw ? 'path: undecodable' : 'path: invalid uuid',
    method: e.method,
    url: fillPath(e, ctx.pathValues, raw ? { [param]: v } : { [param]: encodeURIComponent(v) }),
    body,
    contentType: body ? 'application/json' : undefined,
    expect: [400],
    fields: raw ? ['path'] : [param],
    known,
  }));
}

function bodyCase(ctx: EndpointContext): fc.Arbitrary<Case> {
  const e = ctx.endpoint;
  const schema = e.schema as Schema;
  const valid = ctx.validBody as Record<string, unknown>;
  const props = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const url = fillPath(e, ctx.pathValues);
  // Search by POST: sort/range/filter in the body follow the list rules, so any of them may be the one named.
  const isListBody = e.schemaName === 'ListQueryDto';
  const base = (kind: string, body: string, fields: string[], sent: string[], extra: Partial<Case> = {}): Case => ({
    endpoint: e.key, kind, method: e.method, url, body, contentType: 'application/json', fields, known: [...props, ...sent, ...e.pathParams, 'body'],
    // Whatever else is wrong, a body over the limit is refused unread.
    expect: Buffer.byteLength(body) > BODY_LIMIT ? [413] : [400],
    ...extra,
  });

  // One certainly-invalid change, then up to two riders on other fields.
  type Change = { kind: string; apply: (b: Record<string, unknown>) => void; field: string; certain: boolean };
  const primary: fc.Arbitrary<Change>[] = [
    fc.constantFrom(...props).chain((field) => badValueFor(schema.properties?.[field] as Schema).map((value): Change => ({ kind: kindOf(value), field, certain: true, apply: (b) => (b[field] = value) }))),
    extraName.filter((n) => !props.includes(n)).chain((name) => anyBadValue.map((value): Change => ({ kind: 'extra field', field: name, certain: true, apply: (b) => (b[name] = value) }))),
  ];
  if (required.length > 0) {
    primary.push(fc.constantFrom(...required).map((field): Change => ({ kind: 'missing required', field, certain: true, apply: (b) => delete b[field] })));
    primary.push(fc.constantFrom(...required).filter((f) => !schema.properties?.[f]?.nullable).map((field): Change => ({ kind: 'null required', field, certain: true, apply: (b) => (b[field] = null) })));
  }
  if (e.schemaName === 'ListQueryDto') {
    // Search by POST: the body carries the list parameters, with the list rules.
    primary.push(fc.constantFrom<ListParam>('sort', 'range', 'filter').chain((p) => badListParam[p].map((v): Change => ({ kind: `bad ${p}`, field: p, certain: true, apply: (b) => (b[p] = v) }))));
  }
  const rider: fc.Arbitrary<Change> = fc.oneof(
    fc.constantFrom(...props).chain((field) => fc.oneof(riderValue, anyBadValue).map((value): Change => ({ kind: 'rider', field, certain: isListBody || violation(schema.properties?.[field], value) !== undefined, apply: (b) => (b[field] = value) }))),
    fc.constant<Change>({ kind: 'rider', field: '__proto__', certain: false, apply: (b) => Object.defineProperty(b, '__proto__', { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true }) }),
  );
  const mutated = fc.tuple(fc.oneof(...primary), fc.array(rider, { maxLength: 2 })).map(([first, riders]) => {
    const body: Record<string, unknown> = structuredClone(valid);
    first.apply(body);
    // A rider never repairs the primary change: skip riders on the same field.
    const applied = riders.filter((r) => r.field !== first.field);
    for (const r of applied) r.apply(body);
    const sent = Object.keys(body);
    // The primary change is invalid by construction; a rider may be too, and may be the one reported
    // (the deep-nesting and text checks run before the DTO's), so either may be named.
    const certain = [first, ...applied.filter((r) => r.certain)];
    return base(`${first.kind}${applied.length ? ` +${applied.length} rider` : ''}`, serialise(body), certain.map((c) => c.field), sent);
  });

  const whole: fc.Arbitrary<Case>[] = [
    // A fully random body: a non-object, or an object made certainly invalid (a required field gone, or an unknown one added).
    fc.jsonValue({ maxDepth: 4 }).map((value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return base('random body: not an object', JSON.stringify(value), [], [], {});
      const body = { ...(value as Record<string, unknown>) };
      const removed = required.find((r) => body[r] !== undefined) ?? required[0];
      if (removed) delete body[removed];
      body['zzRandom'] = 1;
      return base('random body: object', JSON.stringify(body), ['zzRandom', ...(removed ? [removed] : [])], Object.keys(body));
    }),
    // Not JSON at all: cut short, or broken by a stray character.
    fc.tuple(fc.nat(), fc.constantFrom('', ',', "'", '}', '\u0000', 'NaN')).map(([at, junk]) => {
      const text = serialise(valid);
      // Cut to at least one character: an empty body is no body (its required fields are then named).
      const broken = junk === '' ? text.slice(0, 1 + (at % (text.length - 1))) : `${text.slice(0, -1)}${junk}}`;
      return base('malformed JSON', broken, ['body'], []);
    }),
    deepArb.map((deep) => base(`deep body (${deep.depth})`, deep.text, [], deep.text.startsWith('{') ? ['a'] : [])),
    // Over the 256 kB limit, in ASCII or in multi-byte text.
    fc.constantFrom('x'.repeat(BODY_LIMIT + 10), 'ø'.repeat(BODY_LIMIT / 2 + 10), HUGE.repeat(3)).map((big) => base('over the body limit', serialise({ ...valid, [props[0] as string]: big }), [], [], { expect: [413] })),
  ];
  if (required.length > 0) {
    // Valid JSON under another content type: the JSON parser leaves it alone, so the required fields are missing.
    whole.push(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml').map((type) => base(`content-type ${type}`, serialise(valid), required, [], { contentType: type })));
  }
  return fc.oneof({ weight: 12, arbitrary: mutated }, { weight: 4, arbitrary: fc.oneof(...whole) });
}

function kindOf(value: unknown): string {
  if (value instanceof Raw) return 'deep nesting';
  if (value === HUGE || value === HUGE_UNICODE) return 'huge string';
  if (typeof value === 'string') {
    if (UNICODE_EDGES.includes(value) || LONE_SURROGATE.test(value) || value.includes('\u0000')) return 'unicode edge';
    if (PAYLOADS.includes(value)) return 'sql/script payload';
    if (BAD_UUIDS.includes(value)) return 'invalid uuid';
  }
  return 'wrong value';
}

function listCase(ctx: EndpointContext): fc.Arbitrary<Case> {
  const e = ctx.endpoint;
  const base = (kind: string, query: string, fields: string[], sent: string[], expect = [400]): Case => ({
    endpoint: e.key, kind, method: 'GET', url: `${fillPath(e, ctx.pathValues)}?${query}`, expect, fields, known: [...e.queryParams, ...sent, ...e.pathParams], 
  });
  const enc = (v: string): string => (v.startsWith('%') ? v : encodeURIComponent(v));
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.subarray<ListParam>(['sort', 'range', 'filter'], { minLength: 1 }), fc.boolean()).chain(([broken, withValid]) =>
      fc.tuple(...broken.map((p) => badListParam[p])).map((values) => {
        const valid: Record<ListParam, string> = { sort: '["id","ASC"]', range: '[0,9]', filter: '{}' };
        const parts = (['sort', 'range', 'filter'] as ListParam[]).flatMap((p) => {
          const i = broken.indexOf(p);
          if (i >= 0) return [`${p}=${enc(values[i] as string)}`];
          return withValid && p !== 'sort' ? [`${p}=${encodeURIComponent(valid[p])}`] : [];
        });
        return base(`bad ${broken.join('+')}`, parts.join('&'), broken, []);
      })) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 10 }).map((s) => `zz${s}`), fc.string({ maxLength: 10 })).map(([name, v]) => base('unknown parameter', `${encodeURIComponent(name)}=${encodeURIComponent(v)}`, [name], [name])) },
    { weight: 1, arbitrary: fc.constantFrom<ListParam>('sort', 'range', 'filter').map((p) => base('repeated parameter', `${p}=1&${p}=2`, [p], [])) },
    { weight: 1, arbitrary: fc.constantFrom<ListParam>('sort', 'range', 'filter').map((p) => base('bracketed parameter', `${p}%5Ba%5D=1`, [p, `${p}[a]`], [`${p}[a]`])) },
    // Longer than Node's 16 kB header limit: answered before Express, still in the error shape.
    { weight: 1, arbitrary: fc.integer({ min: 17_000, max: 40_000 }).map((n) => base('over-long URL', `filter=${'a'.repeat(n)}`, [], [], [431])) },
  );
}

export function caseArbitrary(ctx: EndpointContext): fc.Arbitrary<Case> {
  const e = ctx.endpoint;
  if (e.method === 'GET') return listCase(ctx);
  const options: { weight: number; arbitrary: fc.Arbitrary<Case> }[] = [];
  if (e.pathParams.length > 0) options.push({ weight: e.schema ? 3 : 1, arbitrary: pathCase(ctx) });
  if (e.schema) options.push({ weight: 13, arbitrary: bodyCase(ctx) });
  return fc.oneof(...options);
}
