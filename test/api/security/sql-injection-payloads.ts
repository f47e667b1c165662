// The SQL the injection tests type into text fields, search parameters and the sign-in form.

/**
 * Classic injections, each at most 36 characters so that it fits every text field (phone numbers
 * are the shortest, 40). `{tag}` makes each value sent unique, so that finding it stored proves
 * that this very request stored it; it sits where an attacker puts a plausible value.
 */
export const injections = [
  "{tag}' OR 1=1 --",
  "{tag}'; DROP TABLE patients; --",
  '{tag}" OR ""="',
  '{tag}1; SELECT pg_sleep(5)',
  "{tag}%' --",
  "{tag}\\'; DROP TABLE users; --",
  "{tag}\\\\' OR '1'='1",
  "{tag}' UNION SELECT email FROM users--",
  "{tag}'); DELETE FROM audit_log; --",
  '{tag}$$; SELECT 1; $$',
  '{tag}%_\\%_',
  "{tag}' AND sqlite_version() --",
];
/** PostgreSQL cannot store NUL: it must be refused up front with a 400, on both engines alike. */
export const nulInjection = "{tag}'\u0000; DROP TABLE patients; --";

/** The payloads aimed at fields with a format (dates, ids, codes): a few suffice, the validator decides. */
export const formatInjections = [injections[0] ?? '', injections[1] ?? '', injections[3] ?? ''];

/** Any request slower than this may have run a smuggled pg_sleep(5). */
export const slowMs = 2_500;

let tagCount = 0;
export const tagged = (payload: string) => payload.replace('{tag}', `q${(++tagCount).toString(36)}`);
