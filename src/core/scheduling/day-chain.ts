import type { Range } from '../assessment/assessment-result.js';

export interface ChainFailure {
  /** The session (1-based) no day could be found for. */
  session: number;
  firstDay: number;
  /** Days the session could have taken, already cut to the horizon. */
  from: number;
  to: number;
  /** The window reached past the horizon, so a longer horizon might have helped. */
  cutByHorizon: boolean;
}

/**
 * Days for a whole course starting on `firstDay`: each day `feasible`, each gap within its range.
 * Forward pass keeps every reachable day per session (a greedy "earliest next day" can walk into a
 * dead end that a later day avoids); the earliest reachable last day is the earliest completion,
 * and the backward pass picks, for each earlier session, its earliest compatible day.
 */
export function chainFrom(
  firstDay: number,
  gaps: readonly Range[],
  endDay: number,
  feasible: (day: number) => boolean,
): number[] | ChainFailure {
  const levels: number[][] = [[firstDay]];
  for (let g = 0; g < gaps.length; g++) {
    const { min, max } = gaps[g]!;
    const reach = levels[g]!;
    const lo = reach[0]! + min;
    const wanted = reach[reach.length - 1]! + max;
    const hi = Math.min(wanted, endDay);
    const next: number[] = [];
    let j = 0;
    for (let d = lo; d <= hi; d++) {
      while (j < reach.length && reach[j]! < d - max) j++;
      if (j < reach.length && reach[j]! <= d - min && feasible(d)) next.push(d);
    }
    if (next.length === 0)
      return { session: g + 2, firstDay, from: lo, to: Math.max(lo, hi), cutByHorizon: wanted > endDay };
    levels.push(next);
  }
  const days = new Array<number>(levels.length);
  days[levels.length - 1] = levels[levels.length - 1]![0]!;
  for (let s = levels.length - 2; s >= 0; s--) {
    const { min, max } = gaps[s]!;
    const after = days[s + 1]!;
    days[s] = levels[s]!.find((d) => after - d >= min && after - d <= max)!;
  }
  return days;
}

export function isChainFailure(x: number[] | ChainFailure): x is ChainFailure {
  return !Array.isArray(x);
}
