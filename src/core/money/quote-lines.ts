import { moneyLine } from './money-lines.js';
import type { MoneyLine, PriceListItem } from './money-types.js';

export interface CourseWanted {
  indication: string;
  sessions: number;
}

/**
 * A course's lines from the price list: a package for the indication covering exactly that many
 * sessions if the clinic sells one, else the indication's session price times the sessions, else a
 * session price for any indication. Only active prices count. None when nothing fits.
 */
export function courseLinesFromPrices(
  prices: readonly PriceListItem[],
  wanted: CourseWanted,
): { lines: MoneyLine[]; currency: string } | undefined {
  const active = prices.filter((p) => p.active);
  const lineOf = (price: PriceListItem, quantity: number) => ({
    lines: [
      moneyLine({
        description: price.name,
        quantity,
        unitPriceMinor: price.unitPriceMinor,
        taxRatePercent: price.taxRatePercent,
        priceId: price.id,
      }),
    ],
    currency: price.currency,
  });
  const byName = (a: PriceListItem, b: PriceListItem) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const pkg = active
    .filter((p) => p.kind === 'course_package' && p.indication === wanted.indication && p.sessions === wanted.sessions)
    .sort(byName)[0];
  if (pkg) return lineOf(pkg, 1);
  const sessions = active.filter((p) => p.kind === 'session').sort(byName);
  const session =
    sessions.find((p) => p.indication === wanted.indication) ?? sessions.find((p) => p.indication === null);
  return session && lineOf(session, wanted.sessions);
}
