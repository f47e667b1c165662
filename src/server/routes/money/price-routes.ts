import { z } from 'zod';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { createPrice, updatePrice } from '../../../services/money/prices.js';
import { pricePatchBody, priceBody, pricesQuery, priceView } from './money-schemas.js';
import { writeAudited } from './money-route-support.js';

/** The clinic's price list. Prices are the clinic's, not patient data: reads are not audited, changes are. */
export async function priceRoutes(app: App): Promise<void> {
  const tags = ['money'];

  app.get(
    '/api/prices',
    {
      config: allow('admin', 'practitioner', 'reception'),
      schema: {
        summary: "The clinic's price list, by kind and name",
        tags,
        querystring: pricesQuery,
        response: { 200: z.object({ items: z.array(priceView) }), 400: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const { active } = request.query;
      return { items: await app.repos.money.listPrices(user.clinicId, active === undefined ? {} : { active }) };
    },
  );

  app.post(
    '/api/prices',
    {
      config: allow('admin'),
      schema: {
        summary: 'Add a price: per session, per course package, per product or per area',
        description:
          'A course_package says how many `sessions` it covers (and nothing else may). `currency` is required: ' +
          'a price without one is refused with 400 naming the field.',
        tags,
        body: priceBody,
        response: { 201: priceView, 400: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const price = await writeAudited(app.repos, request, 'price', (tx) => createPrice(tx, user, request.body));
      return reply.code(201).send(price);
    },
  );

  app.patch(
    '/api/prices/:id',
    {
      config: allow('admin'),
      schema: {
        summary: 'Change a price from now on (quotes and invoices keep their own copy of each line)',
        tags,
        params: idParams,
        body: pricePatchBody,
        response: { 200: priceView, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return writeAudited(app.repos, request, 'price', (tx) => updatePrice(tx, user, request.params.id, request.body));
    },
  );
}
