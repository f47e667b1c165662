/**
 * The instants of `count` sessions `intervalDays` apart, starting at a local date and time
 * (an <input type="datetime-local"> value). Days are added on the calendar, so a session stays at
 * 09:00 local time across a daylight-saving change.
 */
export function sessionDates(startLocal: string, count: number, intervalDays: number): Date[] {
  const start = new Date(startLocal);
  if (Number.isNaN(start.getTime()) || count < 1) return [];
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(start);
    at.setDate(at.getDate() + i * intervalDays);
    return at;
  });
}

/** Tomorrow at 09:00 local time, as a datetime-local value: a sensible first suggestion. */
export function tomorrowMorning(now: Date = new Date()): string {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T09:00`;
}
