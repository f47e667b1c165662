/** Today's calendar date where the user is (YYYY-MM-DD), not in UTC: at 00:30 in Istanbul it is already tomorrow. */
export function localToday(now: Date = new Date()): string {
  return localDateOf(now);
}

export function localDateOf(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The calendar date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The local day's start and end as instants, for asking the server about "that day". */
export function localDayBounds(iso: string): { from: string; to: string } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { from: new Date(y, m - 1, d).toISOString(), to: new Date(y, m - 1, d + 1).toISOString() };
}
