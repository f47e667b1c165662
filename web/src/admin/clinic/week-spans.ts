/** Opening hours as the form edits them, and as the API takes them (ISO weekday → spans). */

export interface Span {
  start: string;
  end: string;
}

/** Index 0 = Monday … 6 = Sunday; an empty list is a closed day. */
export type WeekForm = Span[][];

export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Span[]>>;

const isSpan = (value: unknown): value is Span =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Span).start === 'string' &&
  typeof (value as Span).end === 'string';

/** The form of stored hours (the API gives them as JSON it does not type); anything odd is left out. */
export function toWeekForm(hours: unknown): WeekForm {
  const record = typeof hours === 'object' && hours !== null ? (hours as Record<string, unknown>) : {};
  return [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const spans = record[String(day)];
    return Array.isArray(spans) ? spans.filter(isSpan).map((s) => ({ start: s.start, end: s.end })) : [];
  });
}

/** The body the API takes: open days only, each with its spans. */
export function toWeeklyHours(week: WeekForm): WeeklyHours {
  const out: WeeklyHours = {};
  week.forEach((spans, index) => {
    if (spans.length) out[String(index + 1) as keyof WeeklyHours] = spans.map((s) => ({ start: s.start, end: s.end }));
  });
  return out;
}

/** A new day's hours: after the day's last span, or a working day when it has none. */
export function nextSpan(spans: readonly Span[]): Span {
  const last = spans.at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  return last.end < '20:00' ? { start: last.end, end: last.end < '18:00' ? '20:00' : '22:00' } : { ...last };
}
