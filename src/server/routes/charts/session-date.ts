/**
 * The calendar date of `instant` where the session takes place: a lot that expires on the 31st may
 * still be used at 00:30 on the 31st in Berlin, which is the 30th in UTC.
 */
export function localDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
