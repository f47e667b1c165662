import type { Range } from '../assessment/assessment-result.js';
import { chainFrom, isChainFailure, type ChainFailure } from './day-chain.js';
import type { DayOracle } from './day-oracle.js';

/** A course found by the search, in schedule indexes; `to-proposed-course.ts` turns it into data. */
export interface FoundSession {
  day: number;
  practitioner: number;
  startMs: number;
  roomIndex: number;
}

export type SearchOutcome = { sessions: FoundSession[] } | { failure?: ChainFailure };

/** Deepest failure first (the attempt that placed the most sessions), then the earliest start. */
function worse(a: ChainFailure | undefined, b: ChainFailure): ChainFailure {
  if (!a || b.session > a.session) return b;
  return a;
}

function place(oracle: DayOracle, days: readonly number[], practitioners: readonly number[]): FoundSession[] {
  return days.map((day, i) => {
    const practitioner = practitioners[i]!;
    const slot = oracle.slot(practitioner, day)!;
    return { day, practitioner, startMs: slot.startMs, roomIndex: slot.roomIndex };
  });
}

/** Earliest course with one practitioner: earliest first day, then first slot, then last day. */
export function searchOnePractitioner(oracle: DayOracle, practitioner: number, gaps: readonly Range[]): SearchOutcome {
  let failure: ChainFailure | undefined;
  for (let d = oracle.startDay; d <= oracle.endDay; d++) {
    if (!oracle.ok(practitioner, d)) continue;
    const chain = chainFrom(d, gaps, oracle.endDay, (day) => oracle.ok(practitioner, day));
    if (!isChainFailure(chain))
      return {
        sessions: place(
          oracle,
          chain,
          chain.map(() => practitioner),
        ),
      };
    failure = worse(failure, chain);
  }
  return { failure };
}

function byEarliest(a: FoundSession[], b: FoundSession[]): number {
  const lastA = a[a.length - 1]!;
  const lastB = b[b.length - 1]!;
  return a[0]!.startMs - b[0]!.startMs || lastA.day - lastB.day || lastA.startMs - lastB.startMs;
}

/**
 * Fewest changes of practitioner over fixed days, ties going to the earliest first slot: a course
 * shared between practitioners should still change hands as rarely as possible.
 */
function assignPractitioners(oracle: DayOracle, days: readonly number[], candidates: readonly number[]): number[] {
  const options = days.map((day) => candidates.filter((p) => oracle.ok(p, day)));
  type Cell = { switches: number; firstMs: number; prev: number };
  const table: Map<number, Cell>[] = [];
  table.push(
    new Map(options[0]!.map((p) => [p, { switches: 0, firstMs: oracle.slot(p, days[0]!)!.startMs, prev: -1 }])),
  );
  for (let i = 1; i < days.length; i++) {
    const row = new Map<number, Cell>();
    for (const p of options[i]!) {
      let best: Cell | undefined;
      for (const [q, cell] of table[i - 1]!) {
        const c = { switches: cell.switches + (q === p ? 0 : 1), firstMs: cell.firstMs, prev: q };
        if (!best || c.switches < best.switches || (c.switches === best.switches && c.firstMs < best.firstMs)) best = c;
      }
      row.set(p, best!);
    }
    table.push(row);
  }
  let p = -1;
  let best: Cell | undefined;
  for (const [q, cell] of table[days.length - 1]!) {
    if (!best || cell.switches < best.switches || (cell.switches === best.switches && cell.firstMs < best.firstMs))
      [p, best] = [q, cell];
  }
  const out = new Array<number>(days.length);
  for (let i = days.length - 1; i >= 0; i--) {
    out[i] = p;
    p = table[i]!.get(p)!.prev;
  }
  return out;
}

/**
 * Earliest course when any practitioner will do. The earliest first day comes from a search where
 * each day may have a different practitioner; on that same day a one-practitioner course, when one
 * exists, wins over a shared one (continuity matters more than finishing a few days sooner), but a
 * shared course that starts on an earlier day wins over waiting for one practitioner.
 */
export function searchAnyPractitioner(
  oracle: DayOracle,
  candidates: readonly number[],
  gaps: readonly Range[],
): SearchOutcome {
  const anyOk = (day: number) => candidates.some((p) => oracle.ok(p, day));
  let failure: ChainFailure | undefined;
  for (let d = oracle.startDay; d <= oracle.endDay; d++) {
    if (!anyOk(d)) continue;
    const chain = chainFrom(d, gaps, oracle.endDay, anyOk);
    if (isChainFailure(chain)) {
      failure = worse(failure, chain);
      continue;
    }
    let single: FoundSession[] | undefined;
    for (const p of candidates) {
      if (!oracle.ok(p, d)) continue;
      const own = chainFrom(d, gaps, oracle.endDay, (day) => oracle.ok(p, day));
      if (isChainFailure(own)) continue;
      const sessions = place(
        oracle,
        own,
        own.map(() => p),
      );
      if (!single || byEarliest(sessions, single) < 0) single = sessions;
    }
    return { sessions: single ?? place(oracle, chain, assignPractitioners(oracle, chain, candidates)) };
  }
  return { failure };
}
