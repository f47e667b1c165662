/**
 * Local wall-clock times ("09:30") as minutes after local midnight. They only become instants
 * together with a date and the clinic zone (see zone-calendar.ts), never through a fixed offset.
 */

export type WallTime = string;

/** A span of local wall-clock time on one day; `end` may be "24:00" (the start of the next day). */
export interface WallClockSpan {
  start: WallTime;
  end: WallTime;
}

/** A span in minutes after local midnight, end exclusive. */
export interface MinuteSpan {
  start: number;
  end: number;
}

const WALL_TIME = /^(\d{2}):(\d{2})$/;
export const MINUTES_PER_DAY = 1440;

export function parseWallTime(value: WallTime): number {
  const m = WALL_TIME.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > MINUTES_PER_DAY)
    throw new RangeError(`not a wall-clock time (HH:MM, 00:00-24:00): ${value}`);
  return minutes;
}

export function formatWallTime(minutes: number): WallTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Parses spans and merges overlapping or touching ones, so later code can assume sorted, disjoint spans. */
export function parseSpans(spans: readonly WallClockSpan[], what: string): MinuteSpan[] {
  const parsed = spans.map((s) => {
    const span = { start: parseWallTime(s.start), end: parseWallTime(s.end) };
    if (span.end <= span.start)
      throw new RangeError(`${what}: span ${s.start}-${s.end} must end after it starts (spans cannot cross midnight)`);
    return span;
  });
  parsed.sort((a, b) => a.start - b.start);
  const merged: MinuteSpan[] = [];
  for (const s of parsed) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** The parts of sorted, disjoint spans `a` that also lie in sorted, disjoint spans `b`. */
export function intersectSpans(a: readonly MinuteSpan[], b: readonly MinuteSpan[]): MinuteSpan[] {
  const out: MinuteSpan[] = [];
  for (const x of a)
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  return out;
}
