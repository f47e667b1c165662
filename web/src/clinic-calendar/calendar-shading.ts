import type { CSSProperties } from 'react';
import type { CalendarData, CalendarGrouping } from './calendar-types';

/** The column a session without a practitioner or room goes to. */
export const unassigned = '';

export type SlotShade = 'closed' | 'off' | null;

/** How a slot [at, at + lengthMs) of a column (a practitioner, room or "not assigned") is shaded. */
export type ShadeOf = (resourceId: string | undefined, at: number, lengthMs: number) => SlotShade;

type Spans = { starts: number[]; ends: number[] };

function parsed(spans: readonly { start: string; end: string }[]): Spans {
  return { starts: spans.map((s) => Date.parse(s.start)), ends: spans.map((s) => Date.parse(s.end)) };
}

function inside({ starts, ends }: Spans, at: number, lengthMs: number): boolean {
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= at && at + lengthMs <= ends[i]!) return true;
  return false;
}

/**
 * Shading of the calendar's slots: the location closed (a holiday), outside the column's hours (the
 * practitioner's working time, or the location's opening hours for a room), or not at all. The
 * answer's instants are parsed once here, not again for each of the thousands of slots of a week.
 */
export function shadeOf(data: CalendarData, grouping: CalendarGrouping): ShadeOf {
  const closures = parsed(data.closures);
  const open = parsed(data.open);
  const working = new Map(data.practitioners.map((p) => [p.id, parsed(p.working)]));
  return (resourceId, at, lengthMs) => {
    for (let i = 0; i < closures.starts.length; i++)
      if (closures.starts[i]! <= at && at < closures.ends[i]!) return 'closed';
    if (grouping === 'practitioners' && resourceId !== undefined && resourceId !== unassigned) {
      const spans = working.get(resourceId);
      return spans && inside(spans, at, lengthMs) ? null : 'off';
    }
    return inside(open, at, lengthMs) ? null : 'off';
  };
}

/** A stretch of equally shaded slots of a column: slots [from, to). */
export interface ShadeRun {
  from: number;
  to: number;
  shade: 'closed' | 'off';
}

/** The column's slots (their starts, in order) as runs of closed and off time. */
export function shadeRuns(
  shade: ShadeOf,
  resourceId: string | undefined,
  slots: readonly Date[],
  slotMs: number,
): ShadeRun[] {
  const runs: ShadeRun[] = [];
  for (let i = 0; i < slots.length; i++) {
    const value = shade(resourceId, slots[i]!.getTime(), slotMs);
    if (value === null) continue;
    const last = runs.at(-1);
    if (last && last.shade === value && last.to === i) last.to = i + 1;
    else runs.push({ from: i, to: i + 1, shade: value });
  }
  return runs;
}

const off = 'var(--mantine-color-gray-1)';
const stripes =
  'repeating-linear-gradient(135deg, var(--mantine-color-gray-2) 0 6px, var(--mantine-color-gray-0) 6px 12px)';
const slotLine = 'linear-gradient(to bottom, var(--mantine-color-gray-3) 1px, transparent 1px)';
const percent = (n: number) => `${Math.round(n * 10_000) / 100}%`;

/**
 * A day column's background, drawn by the column itself rather than by a box per slot (a week of
 * twenty practitioners has thousands): a line at the top of each slot, off time in grey and closed
 * time striped, in proportion to the column's height, as the slots themselves are.
 */
export function columnBackground(runs: readonly ShadeRun[], slots: number): CSSProperties {
  if (slots === 0) return {};
  const images = [slotLine];
  const sizes = [`100% ${percent(1 / slots)}`];
  const positions = ['0 0'];
  const repeats = ['repeat-y'];
  for (const run of runs.filter((r) => r.shade === 'closed')) {
    const height = (run.to - run.from) / slots;
    images.push(stripes);
    sizes.push(`100% ${percent(height)}`);
    // A percentage position places that point of the image on the same point of the box.
    positions.push(`0 ${height >= 1 ? '0' : percent(run.from / slots / (1 - height))}`);
    repeats.push('no-repeat');
  }
  const offRuns = runs.filter((r) => r.shade === 'off');
  if (offRuns.length) {
    const stops = offRuns.flatMap((r) => {
      const from = percent(r.from / slots);
      const to = percent(r.to / slots);
      return [`transparent ${from}`, `${off} ${from}`, `${off} ${to}`, `transparent ${to}`];
    });
    images.push(`linear-gradient(to bottom, transparent 0, ${stops.join(', ')}, transparent 100%)`);
    sizes.push('100% 100%');
    positions.push('0 0');
    repeats.push('no-repeat');
  }
  return {
    backgroundImage: images.join(', '),
    backgroundSize: sizes.join(', '),
    backgroundPosition: positions.join(', '),
    backgroundRepeat: repeats.join(', '),
  };
}
