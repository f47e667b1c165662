import { z } from 'zod';
import type { ProductRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { conflict } from '../../http-errors.js';
import { allow, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { loadClinicProduct } from './catalogue-access.js';
import { lotView, newLotBody, newProductBody, productView } from './product-schemas.js';
import { resolveIngredients } from './resolve-ingredients.js';

async function withLots(repos: Repositories, product: ProductRecord) {
  return { ...product, lots: await repos.products.listLots(product.id) };
}

/** The product catalogue: what practitioners pick from when charting. Not patient data, so not audited on read. */
export async function productRoutes(app: App): Promise<void> {
  const tags = ['products'];
  const clinicians = allow(...clinicalRoles);

  app.post(
    '/api/products',
    {
      config: clinicians,
      schema: {
        summary: 'Add a product; ingredients are knowledge-base ingredient ids, names or aliases (stored as ids)',
        tags,
        body: newProductBody,
        response: { 201: productView, 400: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const ingredients = resolveIngredients(request.body.ingredients, app.knowledgeBase);
      const product = await app.repos.transaction(async (tx) => {
        const created = await tx.products.createProduct({
          clinicId: user.clinicId,
          name: request.body.name,
          manufacturer: request.body.manufacturer ?? null,
          ingredients,
        });
        await request.audit({ action: 'create', entity: 'product', entityId: created.id, patientId: null }, tx);
        return created;
      });
      return reply.code(201).send({ ...product, lots: [] });
    },
  );

  app.get(
    '/api/products',
    {
      config: clinicians,
      schema: {
        summary: "The clinic's products by name, each with its lots",
        tags,
        response: { 200: z.object({ products: z.array(productView) }) },
      },
    },
    async (request) => {
      const products = [];
      for (const product of await app.repos.products.listProducts(requireAuth(request).user.clinicId))
        products.push(await withLots(app.repos, product));
      return { products };
    },
  );

  app.get(
    '/api/products/:id',
    {
      config: clinicians,
      schema: {
        summary: 'One product with its lots',
        tags,
        params: idParams,
        response: { 200: productView, 404: errorResponse },
      },
    },
    async (request) =>
      withLots(app.repos, await loadClinicProduct(app.repos, requireAuth(request).user, request.params.id)),
  );

  app.post(
    '/api/products/:id/lots',
    {
      config: clinicians,
      schema: {
        summary: 'Add a lot (batch) of the product with its expiry date',
        tags,
        params: idParams,
        body: newLotBody,
        response: { 201: lotView, 400: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
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
