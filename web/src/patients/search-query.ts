export type PatientQuery = { name?: string; birthDate?: string; phone?: string };

/**
 * One search box for the three ways the server searches: a date (2026-04-12 or 12.04.2026, day
 * first as written in Türkiye and most of Europe) is a birth date, mostly digits a phone number,
 * anything else a name.
 */
export function interpretQuery(text: string): PatientQuery | null {
  const query = text.trim();
  if (query.length === 0) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(query)) return { birthDate: query };
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(query);
  if (dotted) return { birthDate: `${dotted[3]}-${dotted[2]?.padStart(2, '0')}-${dotted[1]?.padStart(2, '0')}` };
  if (/^[\d\s+()./-]+$/.test(query) && query.replace(/\D/g, '').length >= 3) return { phone: query };
  return { name: query };
}
