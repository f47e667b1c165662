import { z } from 'zod';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { createPrice, updatePrice } from '../../../services/money/prices.js';
import { pricePatchBody, priceBody, pricesQuery, priceView } from './money-schemas.js';
import { writeAudited } from '../write-audited.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** The clinic's price list. Prices are the clinic's, not patient data: reads are not audited, changes are. */
export async function priceRoutes(app: App): Promise<void> {
  const spec = routeSpec(['money']);

  app.get(
    '/api/prices',
    spec(allow('admin', 'practitioner', 'reception'), "The clinic's price list, by kind and name", {
      querystring: pricesQuery,
      response: answers(z.object({ items: z.array(priceView) }), 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const { active } = request.query;
      return { items: await app.repos.money.listPrices(user.clinicId, active === undefined ? {} : { active }) };
    },
  );

  app.post(
    '/api/prices',
    spec(allow('admin'), 'Add a price: per session, per course package, per product or per area', {
      description:
        'A course_package says how many `sessions` it covers (and nothing else may). `currency` is required: ' +
        'a price without one is refused with 400 naming the field.',
      body: priceBody,
      response: answersWith(201, priceView, 400),
    }),
    async (request, reply) =>
      reply
        .code(201)
        .send(await writeAudited(app.repos, request, 'price', (tx, user) => createPrice(tx, user, request.body))),
  );

  app.patch(
    '/api/prices/:id',
    spec(allow('admin'), 'Change a price from now on (quotes and invoices keep their own copy of each line)', {
      params: idParams,
      body: pricePatchBody,
      response: answers(priceView, 400, 404),
    }),
    async (request) =>
      writeAudited(app.repos, request, 'price', (tx, user) => updatePrice(tx, user, request.params.id, request.body)),
  );
}
