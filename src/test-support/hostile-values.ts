import fc from 'fast-check';

/**
 * Values that have broken servers before, for fast-check fuzzing of the API: NUL (PostgreSQL refuses
 * it), lone surrogates, huge text and numbers, prototype keys, deep nesting, wrong shapes.
 */

/** Text that JSON.stringify cannot write: a number too large for a double, say. Written as is by `jsonText`. */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** JSON numbers that do not survive as a double: they parse to Infinity, lose digits or are -0. */
export const rawNumbers: readonly RawJson[] = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '0.1e-400',
  '-0',
  '1.00000000000000000000001',
].map((t) => new RawJson(t));

const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udc00b',
  '\udfff\ud800',
  '\ufeff',
  '\u202e',
  "'; drop table patients; --",
  '%_\\',
  '${}',
  '9'.repeat(400),
  '1e400',
  'NaN',
  '-0',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  'x'.repeat(20_000),
];

/** Hostile text; `extra` adds the values a domain cares about (times, data URLs, ...). */
export function nastyString(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...hostileStrings, ...extra));
}

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

/**
 * Structures that stress recursion (JSON.stringify, structuredClone, recursive validators) and
 * width: nesting a server can still parse, and JSON text nested deeper than JSON.parse can follow.
 */
export const deeplyNested: readonly unknown[] = [
  nested(1_500, 1, (v) => [v]),
  nested(1_500, 'x', (v) => ({ a: v })),
  new RawJson(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`),
  new RawJson(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`),
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
  Array.from({ length: 10_000 }, (_, i) => i),
];

/** Objects whose keys target prototypes: the body parser must refuse them, not merge them. */
export const prototypeKeys: readonly unknown[] = [
  JSON.parse('{"__proto__": {"isAdmin": true, "role": "admin"}}'),
  JSON.parse('{"constructor": {"prototype": {"isAdmin": true}}}'),
  JSON.parse('{"__proto__": null}'),
];

export interface HostileOptions {
  /** Further strings worth trying in this domain. */
  strings?: readonly string[];
  /** Further numbers worth trying (bounds of the domain's ranges, say). */
  numbers?: readonly number[];
}

const hostileNumbers: readonly number[] = [
  0,
  -1,
  0.5,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.EPSILON,
];

/** Any hostile JSON value: wrong types, edge numbers, nested arrays and objects, prototype keys, deep nesting. */
export function nastyValue(options: HostileOptions = {}): fc.Arbitrary<unknown> {
  const text = nastyString(options.strings);
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double(),
      fc.constantFrom(...hostileNumbers, ...(options.numbers ?? [])),
      fc.constantFrom(...rawNumbers),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(...prototypeKeys, ...deeplyNested),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(text, tie('value'), { maxKeys: 3 }),
    ),
  })).value;
}

/** A field's place in a body, as the error handler names it: `['points', 0, 'x']` is `points[0].x`. */
export type FieldPath = readonly (string | number)[];

/** Every place in `value` that holds a value (objects' keys and arrays' items, at any depth). */
export function fieldPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const key = Array.isArray(value) ? Number(k) : k;
    return [[...prefix, key], ...fieldPaths(v, [...prefix, key])];
  });
}

/** `path` as the error responses write it: `points[0].x`. */
export function formatFieldPath(path: FieldPath): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

/** Whether one field path is the other or lies inside it: `points[0]` and `points[0].x` are related. */
export function relatedFields(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) =>
    inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return inside(a, b) || inside(b, a);
}

/**
 * A deep copy of plain arrays and objects in which no two places share one object, unlike
 * structuredClone, which keeps shared references: a body built as `[point, point]` would
 * otherwise change in both places when one is replaced.
 */
function unsharedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unsharedCopy);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, unsharedCopy(child)]));
}

/** `base` with the value at `path` replaced (a deep copy; `base` is left alone). */
export function withValueAt(base: unknown, path: FieldPath, value: unknown): unknown {
  const copy = unsharedCopy(base);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] ?? ''] = value;
  return copy;
}

/** A valid body with one field (possibly nested, possibly inside an array) replaced by something hostile, and where. */
export function mutatedAt(
  base: object,
  values: fc.Arbitrary<unknown> = nastyValue(),
): fc.Arbitrary<{ body: unknown; path: FieldPath }> {
  const paths = fieldPaths(base);
  if (paths.length === 0) return values.map((value) => ({ body: value, path: [] }));
  return fc
    .tuple(fc.constantFrom(...paths), values)
    .map(([path, value]) => ({ body: withValueAt(base, path, value), path }));
}

/** A valid body with one field replaced by something hostile. */
export function mutated(base: object, values: fc.Arbitrary<unknown> = nastyValue()): fc.Arbitrary<unknown> {
  return mutatedAt(base, values).map(({ body }) => body);
}

/** JSON text of `value`, with `RawJson` written as is (JSON.stringify would quote it or lose it). */
export function jsonText(value: unknown): string {
  const raw: string[] = [];
  const marker = (i: number) => `\u0001raw${i}\u0001`;
  const text =
    JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? marker(raw.push(v.text) - 1) : v)) ?? 'null';
  return raw.reduce((out, t, i) => out.replace(JSON.stringify(marker(i)), t), text);
}

/** Request bodies that are not JSON at all, or broken JSON, for a route that expects JSON. */
export const brokenJsonTexts: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '{"a":',
    '[1,2',
    '"\\ud800"',
    '{"a":1}{"b":2}',
    '\ufeff{}',
    'nul',
    '{"a":1,}',
    "{'a':1}",
    '{"__proto__":{"x":1}}',
  ),
  fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1))),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Every byte percent-encoded, so even lone surrogates and NUL reach the router. */
export function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

/** Path segments that are broken on the wire: bad percent-encoding, NUL, dot segments. */
export const brokenPathSegments: readonly string[] = [
  '%FF',
  '%00',
  '%',
  '%E0%A4%A',
  '%2F',
  '..',
  '.',
  '%2e%2e',
  '%C0%AF',
];

/** A hostile path segment, encoded so that it reaches the route. */
export function nastyPathSegment(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(nastyString(extra).map(percentEncoded), fc.constantFrom(...brokenPathSegments));
}

type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonKind;
}

/** A value of another JSON type than `original`: a number where a string was, a string where an array was, ... */
export function wrongTypeFor(original: unknown): fc.Arbitrary<unknown> {
  const text = nastyString();
  const byKind: Record<JsonKind, fc.Arbitrary<unknown>> = {
    string: text,
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
    object: fc.dictionary(text, fc.oneof(text, fc.integer()), { maxKeys: 3 }),
  };
  const kind = jsonKind(original);
  return fc.oneof(...(Object.keys(byKind) as JsonKind[]).filter((k) => k !== kind).map((k) => byKind[k]));
}

/** `base` with one field (at any depth) given a value of the wrong type, and where. */
export function wrongTypeAt(base: object): fc.Arbitrary<{ body: unknown; path: FieldPath }> {
  const paths = fieldPaths(base);
  return fc.constantFrom(...paths).chain((path) => {
    const original = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], base);
    return wrongTypeFor(original).map((value) => ({ body: withValueAt(base, path, value), path }));
  });
}
