import { z } from 'zod';
import type { App } from '../../app-types.js';
import { conflict } from '../../http-errors.js';
import { clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { loadClinicProduct } from '../../../services/access/catalogue-access.js';
import { loadClinicStock } from '../../../services/stock/stock-reports.js';
import { assertDateInWindow } from '../../validation/date-window.js';
import {
  lotExpiryWindow,
  lotView,
  newLotBody,
  newProductBody,
  productChangeBody,
  productView,
} from './product-schemas.js';
import { productShown, productWithLots } from './product-view.js';
import { resolveIngredients } from './resolve-ingredients.js';
import { found } from '../../../services/found.js';
import { readerKnowledge } from '../../reader-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** The product catalogue: what practitioners pick from when charting. Not patient data, so not audited on read. */
export async function productRoutes(app: App): Promise<void> {
  const spec = routeSpec(['products']);

  app.post(
    '/api/products',
    spec(clinicians, 'Add a product; ingredients are knowledge-base ingredient ids, names or aliases (stored as ids)', {
      body: newProductBody,
      response: answersWith(201, productView, 400),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      // The reader's knowledge base knows the English names and aliases and their own language's.
      const kb = await readerKnowledge(app, request);
      const ingredients = resolveIngredients(request.body.ingredients, kb);
      const product = await app.repos.transaction(async (tx) => {
        const created = await tx.products.createProduct({
          clinicId: user.clinicId,
          name: request.body.name,
          manufacturer: request.body.manufacturer ?? null,
          ingredients,
          ...(request.body.lowStockMl === undefined ? {} : { lowStockMl: request.body.lowStockMl }),
        });
        await request.audit({ action: 'create', entity: 'product', entityId: created.id, patientId: null }, tx);
        return created;
      });
      // A new product has no lots, so nothing in stock whatever the day.
      return reply.code(201).send(productWithLots(product, [], '', kb));
    },
  );

  app.get(
    '/api/products',
    spec(clinicians, "The clinic's products by name, each with its lots and the stock that can be charted today", {
      response: answers(z.object({ products: z.array(productView) })),
    }),
    async (request) => {
      const stock = await loadClinicStock(app.repos, requireAuth(request).user.clinicId, new Date());
      const kb = await readerKnowledge(app, request);
      return { products: stock.products.map((p) => productWithLots(p, stock.lots, stock.today, kb)) };
    },
  );

  app.get(
    '/api/products/:id',
    spec(clinicians, 'One product with its lots', { params: idParams, response: answers(productView, 404) }),
    async (request) => {
      const product = await loadClinicProduct(app.repos, requireAuth(request).user, request.params.id);
      return productShown(app.repos, product, await readerKnowledge(app, request), new Date());
    },
  );

  app.patch(
    '/api/products/:id',
    spec(clinicians, "Set the product's low-stock threshold", {
      params: idParams,
      body: productChangeBody,
      response: answers(productView, 400, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const product = await app.repos.transaction(async (tx) => {
        const current = await loadClinicProduct(tx, user, request.params.id);
        const changed = found(await tx.products.setLowStockThreshold(current.id, request.body.lowStockMl), 'product');
        await request.audit({ action: 'update', entity: 'product', entityId: current.id, patientId: null }, tx);
        return changed;
      });
      return productShown(app.repos, product, await readerKnowledge(app, request), new Date());
    },
  );

  app.post(
    '/api/products/:id/lots',
    spec(
      clinicians,
      'Add a lot (batch) of the product as received: quantity, expiry date, supplier and how it is kept',
      { params: idParams, body: newLotBody, response: answersWith(201, lotView, 400, 404, 409) },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      assertDateInWindow('expiryDate', request.body.expiryDate, lotExpiryWindow, app.now());
      const lot = await app.repos.transaction(async (tx) => {
        const product = await loadClinicProduct(tx, user, request.params.id);
        // The unique constraint catches a race; this check gives the usual case a clear answer.
        const existing = (await tx.products.listLots(product.id)).find((l) => l.lotNumber === request.body.lotNumber);
        if (existing) throw conflict('lot_exists', `${product.name} already has lot ${existing.lotNumber}`);
        const created = await tx.products.createLot({ productId: product.id, ...request.body });
        await request.audit({ action: 'create', entity: 'lot', entityId: created.id, patientId: null }, tx);
        return created;
      });
      return reply.code(201).send(lot);
    },
  );
}
