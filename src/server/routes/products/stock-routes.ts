import { z } from 'zod';
import type { App } from '../../app-types.js';
import { clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { loadClinicLot } from '../../../services/access/catalogue-access.js';
import { countLot } from '../../../services/stock/stock-count.js';
import { expiringLots, loadClinicStock, lowStockProducts } from '../../../services/stock/stock-reports.js';
import {
  expiringQuery,
  expiringView,
  lotView,
  lowStockView,
  stockCountBody,
  stockCountView,
} from './product-schemas.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** Stock levels and counts. Clinic stock, not patient data: reads are not audited, counts are. */
export async function stockRoutes(app: App): Promise<void> {
  const spec = routeSpec(['products']);

  /** Display names of the users who counted, looked up once each. */
  async function withCounterNames<T extends { countedBy: string | null }>(counts: readonly T[]) {
    const names = new Map<string, string | null>();
    for (const id of new Set(counts.flatMap((c) => (c.countedBy ? [c.countedBy] : []))))
      names.set(id, (await app.repos.users.findById(id))?.displayName ?? null);
    return counts.map((c) => ({ ...c, countedByName: c.countedBy ? (names.get(c.countedBy) ?? null) : null }));
  }

  app.get(
    '/api/stock/low-stock',
    spec(
      clinicians,
      'Products whose lots that can be charted today (not recalled, not expired) hold no more than their low-stock threshold, lowest first',
      { response: answers(lowStockView) },
    ),
    async (request) => {
      const stock = await loadClinicStock(app.repos, requireAuth(request).user.clinicId, new Date());
      return {
        today: stock.today,
        products: lowStockProducts(stock).map(({ product, usableMl, usableLots }) => ({
          productId: product.id,
          name: product.name,
          manufacturer: product.manufacturer,
          stockMl: usableMl,
          lowStockMl: product.lowStockMl,
          usableLots,
        })),
      };
    },
  );

  app.get(
    '/api/stock/expiring',
    spec(
      clinicians,
      'Lots with stock left, not recalled, that expire within `days` (60 unless given) or already have, soonest first',
      { querystring: expiringQuery, response: answers(expiringView, 400) },
    ),
    async (request) => {
      const stock = await loadClinicStock(app.repos, requireAuth(request).user.clinicId, new Date());
      return {
        today: stock.today,
        days: request.query.days,
        lots: expiringLots(stock, request.query.days).map(({ lot, product, daysLeft }) => ({
          ...lot,
          productName: product.name,
          daysLeft,
        })),
      };
    },
  );

  app.post(
    '/api/lots/:id/counts',
    spec(
      clinicians,
      'Record a stock count of the lot: the difference against what it held by the records is kept with who counted and when, and the lot then holds the count',
      {
        params: idParams,
        body: stockCountBody,
        response: answersWith(201, z.object({ count: stockCountView, lot: lotView }), 400, 404),
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { count, lot } = await app.repos.transaction(async (tx) => {
        const { audit, ...recorded } = await countLot(tx, user, request.params.id, request.body);
        await request.audit(audit, tx);
        return recorded;
      });
      return reply.code(201).send({ count: { ...count, countedByName: user.displayName }, lot });
    },
  );

  app.get(
    '/api/lots/:id/counts',
    spec(clinicians, "The lot's stock counts, newest first", {
      params: idParams,
      response: answers(z.object({ counts: z.array(stockCountView) }), 404),
    }),
    async (request) => {
      const { lot } = await loadClinicLot(app.repos, requireAuth(request).user, request.params.id);
      return { counts: await withCounterNames(await app.repos.products.listStockCounts(lot.id)) };
    },
  );
}
