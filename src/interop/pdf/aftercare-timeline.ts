import type { Range, TimedInstruction } from '../../core/assessment/assessment-result.js';

export interface AftercareTimelineEntry {
  code: string;
  text: string;
  hours: Range;
  /** The instant the instruction ends: the session's end plus `hours.max` (the knowledge base's countdown rule). */
  untilMs: number;
  citations: string[];
}

const HOUR_MS = 3_600_000;

/**
 * Real elapsed hours, added to the instant: "48 hours" stays 48 hours across a daylight-saving
 * change, and only the display is in the clinic's zone. Earliest end first.
 */
export function aftercareTimeline(sessionEndMs: number, items: readonly TimedInstruction[]): AftercareTimelineEntry[] {
  return items
    .map((item, order) => ({
      order,
      entry: {
        code: item.code,
        text: item.text,
        hours: { min: item.hours.min, max: item.hours.max },
        untilMs: sessionEndMs + item.hours.max * HOUR_MS,
        citations: item.citations.length ? [...item.citations] : [...item.sources],
      },
    }))
    .sort((a, b) => a.entry.untilMs - b.entry.untilMs || a.order - b.order)
    .map((x) => x.entry);
}
