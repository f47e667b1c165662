import { sql, type RawBuilder } from 'kysely';
import type { OffsetPiece } from './dashboard-repository.js';

const wallTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The clinic-local date of a stored instant, from the zone's offsets over the window (see
 * `DashboardQuery.offsets`). Stored instants are ISO text in UTC, so the UTC date is the text's
 * first ten characters, and it is the local date too except in the hours the offset carries over
 * midnight: only those rows pay for date arithmetic (most of the cost of grouping a month of
 * sessions by day). The offsets are parameters: the text, and a prepared plan, stays the same from
 * one window to the next with as many changes of offset.
 */
export function localDate(
  postgres: boolean,
  column: RawBuilder<unknown>,
  offsets: readonly OffsetPiece[],
): RawBuilder<string> {
  const last = offsets.at(-1);
  if (!last) throw new RangeError('a dashboard window needs the offsets in force over it');
  // Ahead of UTC, times from 24:00 less the offset fall on the next local day; behind it, times
  // before the offset on the day before. '24:00' and '00:00' never match.
  const from = (o: OffsetPiece) => (o.offsetMinutes > 0 ? wallTime(1440 - o.offsetMinutes) : '24:00');
  const before = (o: OffsetPiece) => (o.offsetMinutes < 0 ? wallTime(-o.offsetMinutes) : '00:00');
  const shift = (o: OffsetPiece) =>
    postgres
      ? sql`cast(${o.offsetMinutes} as integer)`
      : sql`${`${o.offsetMinutes >= 0 ? '+' : ''}${o.offsetMinutes} minutes`}`;
  const inForce = (pick: (o: OffsetPiece) => unknown) =>
    offsets.length === 1
      ? sql`${pick(last)}`
      : sql`case ${sql.join(
          offsets.slice(0, -1).map((o) => sql`when ${column} < ${o.until} then ${pick(o)}`),
          sql` `,
        )} else ${pick(last)} end`;
  const time = sql`substr(${column}, 12, 5)`;
  // PostgreSQL's timestamp without zone reads the wall time and ignores the Z, which is what adding
  // the offset needs.
  const shifted = postgres
    ? sql`cast(cast(cast(${column} as timestamp) + make_interval(mins => ${inForce(shift)}) as date) as text)`
    : sql`date(${column}, ${inForce(shift)})`;
  return sql<string>`case when ${time} >= ${inForce(from)} or ${time} < ${inForce(before)}
    then ${shifted} else substr(${column}, 1, 10) end`;
}
