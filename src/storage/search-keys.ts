/**
 * Search keys computed in JavaScript rather than SQL: SQLite's lower() only folds ASCII and
 * PostgreSQL's LIKE is case-sensitive, so keys made here behave the same on both engines.
 */

/** "Anne-Marie Müller" → "anne marie muller": lower case, accents removed, anything else a single space. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function nameTokens(query: string): string[] {
  const key = nameKey(query);
  return key ? key.split(' ') : [];
}

/** "+49 (0)30 123-45" → "4903012345". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}
