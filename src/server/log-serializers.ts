import { stdSerializers, type LoggerOptions } from 'pino';

/**
 * What the server log may hold. It is read by more people than patient data may be (whoever runs
 * the server, log shippers, support), so it keeps neither patient data nor anything that works as
 * a key:
 *
 * - query strings (searches carry names, birth dates and phone numbers) are dropped;
 * - secrets in paths are replaced by `[redacted]`: the calendar-feed token (the address alone lets
 *   a calendar app read someone's appointments), and any other long opaque segment, so that a
 *   one-time link added later is covered without a rule of its own (record ids, UUIDs of 36
 *   characters, are kept: they open nothing without a sign-in);
 * - cookies, authorization and CSRF headers are censored wherever a logged object carries them.
 */

const redacted = '[redacted]';

/** Path segments that are secrets, by the segment before them. */
const secretAfter: ReadonlySet<string> = new Set(['calendar-feeds']);
/** Longer than any record id (36), as long as a token of 32 random bytes or more (43 in base64url). */
const opaqueToken = /^[A-Za-z0-9_~-]{40,}$/;

function redactSegment(segment: string, previous: string | undefined): string {
  const dot = segment.indexOf('.');
  const [name, extension] = dot === -1 ? [segment, ''] : [segment.slice(0, dot), segment.slice(dot)];
  if (name === '') return segment;
  if ((previous !== undefined && secretAfter.has(previous)) || opaqueToken.test(decodeSafely(name)))
    return `${redacted}${extension}`;
  return segment;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A request URL as it may be logged: the path with its secrets redacted, and `?…` for a query
 * string (search parameters name patients; tokens may travel there).
 */
export function loggableUrl(url: string): string {
  const query = url.search(/[?#]/);
  const path = query === -1 ? url : url.slice(0, query);
  const segments = path.split('/');
  const safe = segments.map((segment, i) => redactSegment(segment, i > 0 ? segments[i - 1] : undefined)).join('/');
  return query === -1 ? safe : `${safe}?…`;
}

/** Request paths inside free text (log messages, error messages), made loggable the same way. */
export function redactPathsInText(text: string): string {
  return text.replace(/\/api\/[^\s"'`<>]*/g, (url) => loggableUrl(url));
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
}

export const logSerializers = {
  req(request: LoggedRequest) {
    return { method: request.method, url: loggableUrl(request.url ?? ''), remoteAddress: request.ip };
  },
  err(error: Error) {
    const serialized = stdSerializers.err(error);
    return {
      ...serialized,
      message: redactPathsInText(serialized.message),
      ...(serialized.stack ? { stack: redactPathsInText(serialized.stack) } : {}),
    };
  },
};

const secretHeaders = ['cookie', 'authorization', 'x-csrf-token', 'set-cookie', 'proxy-authorization'];

/** Where headers turn up in logged objects: a request or response, or an error that carries them. */
const redactPaths = secretHeaders.flatMap((header) =>
  ['headers', 'req.headers', 'res.headers', 'err.headers', 'request.headers', 'response.headers'].map(
    (at) => `${at}["${header}"]`,
  ),
);

/**
 * The pino options of the server's log (main.ts, and `buildApp({ logger: true })`): the serializers
 * above, headers censored, and request paths in messages redacted too (Fastify writes some URLs into
 * message text, "Route GET:/... not found").
 */
export function loggerOptions(level = 'info'): LoggerOptions {
  return {
    level,
    serializers: logSerializers,
    redact: { paths: redactPaths, censor: redacted },
    hooks: {
      logMethod(args, method) {
        const redactedArgs = args.map((arg): unknown => (typeof arg === 'string' ? redactPathsInText(arg) : arg));
        method.apply(this, redactedArgs as Parameters<typeof method>);
      },
    },
  };
}
