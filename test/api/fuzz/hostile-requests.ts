import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import {
  brokenJsonTexts,
  formatFieldPath,
  jsonText,
  mutatedAt,
  nastyPathSegment,
  nastyString,
  nastyValue,
  percentEncoded,
  RawJson,
} from '../../../src/test-support/hostile-values.js';
import { multipartPayload, type FormPart } from '../../../src/server/uploads/test-support/multipart-payload.js';
import { topLevelProperties, type ApiRoute } from './api-routes.js';

/**
 * The hostile requests for one route: a valid body with one field broken, a wholly hostile body,
 * hostile query strings and hostile path parameters. Each says what a 400 must name.
 */

/** What a 400 answer to the request must name. */
export type Blame =
  /** The broken field (or one inside or around it), or the fields the unbroken body was refused for. */
  | { kind: 'field'; field: string }
  /** Fields the request sent or the schema declares (top level), or the body as a whole. */
  | { kind: 'fields'; fields: readonly string[] }
  /** One of the query parameters sent. */
  | { kind: 'query'; keys: readonly string[] }
  /** The path parameter that was replaced, or the path as a whole when the segment cannot be decoded. */
  | { kind: 'path'; param: string; decodable: boolean };

export interface HostileRequest {
  /** Without the URL: the route, its path values and `query` make it. */
  options: Omit<InjectOptions, 'url'>;
  /** An encoded query string, without the `?`. */
  query?: string;
  /** A path parameter replaced by an encoded hostile segment. */
  path?: { param: string; segment: string };
  blame: Blame;
  /** For messages: what was sent. */
  summary: string;
}

/** The request's URL: the route's, with its path parameters filled in (values already URL-safe), and its query. */
export function requestUrl(route: ApiRoute, values: Readonly<Record<string, string>>, request: HostileRequest): string {
  const filled = { ...values, ...(request.path ? { [request.path.param]: request.path.segment } : {}) };
  const path = route.url.replace(/:(\w+)|\*/g, (match, name: string | undefined) => filled[name ?? '*'] ?? match);
  return request.query === undefined ? path : `${path}?${request.query}`;
}

const hostile = nastyValue();
const hostileText = nastyString();

const methodOf = (route: ApiRoute) => route.method as InjectOptions['method'];

function jsonRequest(route: ApiRoute, body: unknown, blame: Blame): HostileRequest {
  const payload = jsonText(body);
  return {
    options: { method: methodOf(route), headers: { 'content-type': 'application/json' }, payload },
    blame,
    summary: payload.slice(0, 300),
  };
}

function isBinary(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** A multipart body: binary values as files, the rest as text fields. */
export function multipartRequest(route: ApiRoute, fields: Record<string, unknown>, blame: Blame): HostileRequest {
  const parts: FormPart[] = Object.entries(fields).map(([name, value]) =>
    isBinary(value)
      ? { name, file: Buffer.from(value) }
      : { name, value: typeof value === 'string' ? value : jsonText(value) },
  );
  const summary = JSON.stringify(
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, isBinary(v) ? `<${v.length} bytes>` : v])),
  ).slice(0, 300);
  return { options: { method: methodOf(route), ...multipartPayload(parts) }, blame, summary };
}

/** The unbroken body, as the route takes it. */
export function baseRequest(route: ApiRoute, base: unknown): HostileRequest {
  const blame: Blame = { kind: 'fields', fields: [] };
  return route.body?.contentType === 'multipart/form-data'
    ? multipartRequest(route, base as Record<string, unknown>, blame)
    : jsonRequest(route, base, blame);
}

/** `base` with one field broken (at any depth), and that field named as the one to blame. */
export function brokenField(route: ApiRoute, base: unknown): fc.Arbitrary<HostileRequest> {
  if (route.body?.contentType === 'multipart/form-data') {
    const fields = base as Record<string, unknown>;
    const names = Object.keys(fields);
    return fc
      .tuple(fc.constantFrom(...names), fc.oneof(hostileText, fc.uint8Array({ maxLength: 64 })))
      .map(([name, value]) => multipartRequest(route, { ...fields, [name]: value }, { kind: 'field', field: name }));
  }
  return mutatedAt(base as object, hostile).map(({ body, path }) =>
    jsonRequest(route, body, { kind: 'field', field: formatFieldPath(path) }),
  );
}

const contentTypes = [
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/octet-stream',
  '\u0000',
];

/** A body that is hostile as a whole: any JSON value, broken JSON, or the wrong content type. */
export function hostileBody(route: ApiRoute): fc.Arbitrary<HostileRequest> {
  const declared = route.body ? topLevelProperties(route.body.schema) : [];
  const blameFor = (sent: unknown): Blame => {
    // Raw JSON text (nested deeper than JSON.stringify can write) sends the keys it spells.
    const body = sent instanceof RawJson ? parsedOrUndefined(sent.text) : sent;
    return {
      kind: 'fields',
      fields: [...declared, ...(body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [])],
    };
  };
  return fc.oneof(
    hostile.map((body) => jsonRequest(route, body, blameFor(body))),
    fc.tuple(brokenJsonTexts, fc.constantFrom(...contentTypes)).map(([text, type]) => ({
      options: { method: methodOf(route), headers: { 'content-type': type }, payload: text },
      // Text that parses (nested too deep, say) sent its keys like any body.
      blame: blameFor(parsedOrUndefined(text)),
      summary: `${type}: ${text.slice(0, 200)}`,
    })),
  );
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function decodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The request's body and headers (the valid body, when the route takes one), so that only the hostile part is wrong. */
const bodyOf = (route: ApiRoute, valid: HostileRequest | undefined): HostileRequest['options'] =>
  valid?.options ?? { method: methodOf(route) };

/** A query string of hostile values under the declared parameters' names and some made-up ones, every byte encoded. */
export function hostileQuery(route: ApiRoute, valid?: HostileRequest): fc.Arbitrary<HostileRequest> {
  const names = route.query.map((q) => q.name);
  const key = names.length ? fc.oneof(fc.constantFrom(...names), hostileText) : hostileText;
  const value = fc.oneof(hostileText, fc.array(hostileText, { minLength: 2, maxLength: 3 }));
  return fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 4 }).map((pairs) => {
    const query = pairs
      .flatMap(([k, v]) => [v].flat().map((one) => `${percentEncoded(k)}=${percentEncoded(one)}`))
      .join('&');
    return {
      options: bodyOf(route, valid),
      query,
      blame: { kind: 'query', keys: pairs.map(([k]) => k) },
      summary: `?${query.slice(0, 300)}`,
    };
  });
}

/** One path parameter replaced by a hostile segment; the others keep their real ids. */
export function hostilePath(route: ApiRoute, valid?: HostileRequest): fc.Arbitrary<HostileRequest> {
  return fc.tuple(fc.constantFrom(...route.pathParams), nastyPathSegment()).map(([param, segment]) => ({
    options: bodyOf(route, valid),
    path: { param, segment },
    blame: { kind: 'path', param, decodable: decodable(segment) },
    summary: `:${param} = ${segment.slice(0, 200)}`,
  }));
}
