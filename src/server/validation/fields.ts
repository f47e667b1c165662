import { z } from 'zod';
import { isIsoDate } from '../../core/dates/iso-date.js';

/** Field schemas shared by the routes, with messages in the contract's style. */

const required = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'required' : `must be ${expected}`;

/** Trimmed, non-empty text of bounded length. NUL is refused because PostgreSQL cannot store it. */
export function text(max = 200) {
  return z
    .string({ error: required('text') })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !s.includes('\0'), { message: 'must not contain NUL characters' });
}

/**
 * Optional text where null or "" clears the value. "" becomes null after the union, not inside it:
 * fastify-type-provider-zod's OpenAPI transform can lose a union member that is itself a transform.
 */
export function optionalText(max = 200) {
  return z
    .union([text(max), z.literal(''), z.null()], { error: 'must be text or null' })
    .transform((value) => (value === '' ? null : value))
    .optional();
}

/** One of `values`; anything else is refused naming them all. */
export function oneOf<const T extends readonly string[]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

export const id = z
  .string({ error: required('an id') })
  .min(1, { message: 'must not be empty' })
  .max(100, { message: 'must be at most 100 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be an id' });

/** Ids separated by commas (`a,b,c`), at most `max` of them, as a list. */
export function idList(max: number) {
  return z
    .string({ error: required('ids separated by commas') })
    .regex(/^[A-Za-z0-9_-]{1,100}(,[A-Za-z0-9_-]{1,100})*$/, { message: 'must be ids separated by commas' })
    .refine((s) => s.split(',').length <= max, { message: `must be at most ${max} ids` })
    .transform((s) => s.split(','));
}

export const isoDate = z
  .string({ error: required('an ISO date (YYYY-MM-DD)') })
  .refine(isIsoDate, { message: 'must be an ISO date (YYYY-MM-DD)' });

const offsetTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** In UTC still a four-digit year (9999-12-31T23:00-05:00 is not): text order stays time order. */
const fourDigitYearInUtc = (s: string) => new Date(s).toISOString().length === '2026-11-22T09:30:00.000Z'.length;

/** A date and time with a zone (Z or ±hh:mm), stored normalised to UTC so that text order is time order. */
export const isoTimestamp = z
  .string({ error: required('a date and time (e.g. 2026-11-22T09:30:00Z)') })
  .refine(
    (s) =>
      offsetTimestamp.test(s) && isIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)) && fourDigitYearInUtc(s),
    { message: 'must be a date and time with a time zone (e.g. 2026-11-22T09:30:00Z)' },
  )
  .transform((s) => new Date(s).toISOString());

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, e.g. Europe/Berlin. */
export const timeZone = z
  .string({ error: required('a time zone') })
  .max(64, { message: 'must be at most 64 characters' })
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });

export const email = z
  .string({ error: required('an email address') })
  .trim()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be an email address' }));

export const password = z
  .string({ error: required('text') })
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' });

/** A whole number from `min` to `max` in a body. */
export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });
}

/**
 * A whole number from `min` to `max` in a query string (so read from text), `fallback` when absent.
 * `words` keeps a route's own messages: what it counts (`a whole number of days`) and its lower bound.
 */
export function wholeInQuery(
  min: number,
  max: number,
  fallback: number,
  words: { whole?: string; least?: string } = {},
) {
  const whole = `must be ${words.whole ?? 'a whole number'}`;
  return z.coerce
    .number({ error: whole })
    .int({ message: whole })
    .min(min, { message: `must be ${words.least ?? `${min} or more`}` })
    .max(max, { message: `must be at most ${max}` })
    .default(fallback);
}

export const pageQuery = {
  limit: wholeInQuery(1, 200, 50),
  offset: wholeInQuery(0, 1_000_000, 0),
};

export const idParams = z.object({ id });

/** `{ error, message, problems? }`: the body of every error response. */
export const errorResponse = z.object({
  error: z.string(),
  message: z.string().optional(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
