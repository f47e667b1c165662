/** The time spans the desk offers when adding a patient to the waiting list (local wall-clock times). */
export const timeSpans = {
  morning: { start: '08:00', end: '12:00' },
  afternoon: { start: '12:00', end: '17:00' },
  evening: { start: '17:00', end: '20:00' },
} as const;

export type TimeSpanName = keyof typeof timeSpans;
export const timeSpanNames = Object.keys(timeSpans) as TimeSpanName[];

/** The offered span a stored `{ start, end }` is, if it is one. */
export function spanName(span: { start: string; end: string }): TimeSpanName | undefined {
  return timeSpanNames.find((name) => timeSpans[name].start === span.start && timeSpans[name].end === span.end);
}
