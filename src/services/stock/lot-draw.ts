import type { LotRecord, ProductRecord } from '../../core/records/index.js';
import { sumMl } from '../../core/stock/stock-levels.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError } from '../domain-errors.js';

/** What a chart takes from one lot: the volumes of its points on that lot, together. */
export interface LotDraw {
  lot: LotRecord;
  product: ProductRecord;
  drawMl: number;
}

/** The volume each lot gives to the points, in the order of the lots given. */
export function lotDraws(
  lots: readonly { lot: LotRecord; product: ProductRecord }[],
  points: readonly { lotId: string; volumeMl: number }[],
): LotDraw[] {
  return lots.map(({ lot, product }) => ({
    lot,
    product,
    drawMl: sumMl(points.filter((p) => p.lotId === lot.id).map((p) => p.volumeMl)),
  }));
}

function outOfStock(short: readonly { draw: LotDraw; remainingMl: number }[]): DomainError {
  const described = short.map(({ draw, remainingMl }) => {
    const name = `lot ${draw.lot.lotNumber} of ${draw.product.name}`;
    return remainingMl <= 0
      ? `${name} has no stock left`
      : `${name} holds ${remainingMl} ml, less than the ${draw.drawMl} ml charted`;
  });
  return new DomainError(
    'conflict',
    'lot_out_of_stock',
    `${described.join('; ')}: ${short.length === 1 ? 'it' : 'they'} cannot be charted (record a stock count if the shelf holds more)`,
    {
      lots: short.map(({ draw, remainingMl }) => ({
        lotId: draw.lot.id,
        lotNumber: draw.lot.lotNumber,
        reason: 'out_of_stock' as const,
        remainingMl,
        drawnMl: draw.drawMl,
      })),
    },
  );
}

/** 409 `lot_out_of_stock` naming every lot that holds less than the chart draws from it, as last read. */
export function assertLotsStocked(draws: readonly LotDraw[]): void {
  const short = draws.filter((d) => d.lot.remainingMl <= 0 || d.lot.remainingMl < d.drawMl);
  if (short.length) throw outOfStock(short.map((draw) => ({ draw, remainingMl: draw.lot.remainingMl })));
}

/**
 * Takes each draw from its lot inside the caller's transaction, or throws 409 `lot_out_of_stock`
 * (the transaction then writes nothing). Each draw is a conditional UPDATE, the guard against a
 * concurrent chart that took the stock after it was read; lots are drawn in id order so that two
 * charts drawing the same lots wait for each other rather than deadlock.
 */
export async function drawFromLots(tx: Repositories, draws: readonly LotDraw[]): Promise<void> {
  for (const draw of [...draws].sort((a, b) => a.lot.id.localeCompare(b.lot.id))) {
    if (draw.drawMl <= 0) continue;
    if (await tx.products.drawFromLot(draw.lot.id, draw.drawMl)) continue;
    const now = await tx.products.findLot(draw.lot.id);
    throw outOfStock([{ draw, remainingMl: now?.remainingMl ?? 0 }]);
  }
}
