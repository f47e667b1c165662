import { toMajor, toMinor, typedAmount } from './money-amounts';
import type { LineInput, PriceListItem } from './money-api';

/** A quote line as it is being edited: amounts in major units, as typed (a number, or '' while empty). */
export interface LineDraft {
  key: string;
  priceId: string | null;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
  taxRate: number | string;
}

let nextKey = 0;
const newKey = () => `line-${++nextKey}`;

export function blankLine(): LineDraft {
  return { key: newKey(), priceId: null, description: '', quantity: 1, unitPrice: '', taxRate: '' };
}

export function lineFromPrice(price: PriceListItem, quantity: number): LineDraft {
  return {
    key: newKey(),
    priceId: price.id,
    description: price.name,
    quantity,
    unitPrice: toMajor(price.unitPriceMinor, price.currency),
    taxRate: price.taxRatePercent,
  };
}

/**
 * The lines the price list suggests for a planned course, as the server builds them when asked
 * without lines: the indication's course package for exactly that many sessions if there is one,
 * else its session price (or a session price for any indication) times the sessions. None when
 * the price list has no price for it.
 */
export function suggestedLines(
  prices: readonly PriceListItem[],
  indication: string | null,
  sessions: number | null,
): LineDraft[] {
  if (!indication || !sessions || sessions < 1) return [];
  const active = prices.filter((p) => p.active);
  const pack = active.find(
    (p) => p.kind === 'course_package' && p.indication === indication && p.sessions === sessions,
  );
  if (pack) return [lineFromPrice(pack, 1)];
  const session =
    active.find((p) => p.kind === 'session' && p.indication === indication) ??
    active.find((p) => p.kind === 'session' && p.indication === null);
  return session ? [lineFromPrice(session, sessions)] : [];
}

/** A line's net and tax in minor units, as the server will work them out (tax rounded half away from zero). */
export function draftAmounts(line: LineDraft, currency: string): { netMinor: number; taxMinor: number } {
  const quantity = typedAmount(line.quantity) ?? 0;
  const unit = typedAmount(line.unitPrice);
  const rate = typedAmount(line.taxRate) ?? 0;
  const netMinor = unit === undefined ? 0 : quantity * toMinor(unit, currency);
  // In integers, as hundredths of a percent: a float division could round a half the wrong way.
  const scaled = Math.abs(netMinor) * Math.round(rate * 100);
  const whole = Math.floor(scaled / 10_000);
  const rounded = 2 * (scaled - whole * 10_000) >= 10_000 ? whole + 1 : whole;
  return { netMinor, taxMinor: Math.sign(netMinor) * rounded || 0 };
}

/**
 * The lines to send. A line still showing its price's name goes by the price's id, so the quote
 * records where it came from; the amounts typed are always sent, so an edit on screen is what is
 * quoted. Empty amounts are left out for the server to name.
 */
export function linesToSend(
  lines: readonly LineDraft[],
  prices: readonly PriceListItem[],
  currency: string,
): LineInput[] {
  return lines.map((line) => {
    const price = line.priceId ? prices.find((p) => p.id === line.priceId) : undefined;
    const unit = typedAmount(line.unitPrice);
    const rate = typedAmount(line.taxRate);
    const quantity = typedAmount(line.quantity);
    return {
      ...(price ? { priceId: price.id } : {}),
      ...(price && price.name === line.description.trim() ? {} : { description: line.description.trim() }),
      quantity: quantity as number,
      ...(unit === undefined ? {} : { unitPriceMinor: toMinor(unit, currency) }),
      ...(rate === undefined ? {} : { taxRatePercent: rate }),
    };
  });
}
