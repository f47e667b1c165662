/**
 * Busy time as sorted, disjoint blocks of epoch milliseconds, queried by binary search so that a
 * year of bookings costs O(log n) per candidate slot. Overlapping and touching inputs are merged:
 * only "is this range free, and if not, when does the blocking stretch end" is ever asked.
 */
export class Timeline {
  private constructor(
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
  ) {}

  static readonly empty = new Timeline(new Float64Array(0), new Float64Array(0));

  /** `flat` holds start, end, start, end... so callers need not allocate a pair per booking. */
  static fromFlat(flat: readonly number[]): Timeline {
    const n = flat.length / 2;
    if (n === 0) return Timeline.empty;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => flat[2 * a]! - flat[2 * b]!);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const i of order) {
      const s = flat[2 * i]!;
      const e = flat[2 * i + 1]!;
      if (e <= s) continue;
      const last = ends.length - 1;
      if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
      else {
        starts.push(s);
        ends.push(e);
      }
    }
    return new Timeline(Float64Array.from(starts), Float64Array.from(ends));
  }

  get size(): number {
    return this.starts.length;
  }

  /** Index of the first block ending after `ms`. */
  private firstEndingAfter(ms: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** -1 when [from, to) is free; otherwise the end of the first busy block overlapping it. */
  conflictEnd(from: number, to: number): number {
    const i = this.firstEndingAfter(from);
    return i < this.starts.length && this.starts[i]! < to ? this.ends[i]! : -1;
  }

  /** The free parts of [from, to), in order. */
  freeWithin(from: number, to: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let cursor = from;
    for (let i = this.firstEndingAfter(from); i < this.starts.length && this.starts[i]! < to; i++) {
      if (this.starts[i]! > cursor) out.push([cursor, this.starts[i]!]);
      cursor = Math.max(cursor, this.ends[i]!);
    }
    if (cursor < to) out.push([cursor, to]);
    return out;
  }
}
