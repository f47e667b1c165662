import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { expectNoServerErrorForBodies } from '../../../test-support/hostile-bodies.js';
import { nastyString, nastyValue } from '../../../test-support/hostile-values.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { moneyRequests, seedPriceList } from './test-support/money-client.js';

/** Whatever is sent to the money routes, the answer is a 4xx or a success, never a server error. */
forEachApp('money routes under hostile input', (get) => {
  let admin: TestClient;
  let prices: Awaited<ReturnType<typeof seedPriceList>>;
  let invoiceId: string;
  const { created } = moneyRequests();

  beforeAll(async () => {
    ({ admin } = await signInRoles(get(), ['admin']));
    prices = await seedPriceList(admin);
    invoiceId = (
      await created(admin, 'POST', '/api/invoices', {
        patientId: get().fixture.patient.id,
        lines: [{ priceId: prices.session.id, quantity: 100 }],
      })
    ).id;
  });

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    const patientId = get().fixture.patient.id;
    const line = {
      priceId: prices.session.id,
      description: 'Session',
      quantity: 1,
      unitPriceMinor: 100,
      taxRatePercent: 20,
    };
    await expectNoServerErrorForBodies(
      admin,
      [
        {
          method: 'POST',
          url: '/api/prices',
          base: { kind: 'session', name: 'P', unitPriceMinor: 1, currency: 'EUR', taxRatePercent: 0 },
        },
        { method: 'PATCH', url: `/api/prices/${prices.product.id}`, base: { unitPriceMinor: 2_500 } },
        { method: 'POST', url: '/api/quotes', base: { patientId, lines: [line], depositMinor: 0 } },
        { method: 'POST', url: '/api/invoices', base: { patientId, lines: [line], currency: 'EUR' } },
        { method: 'POST', url: `/api/invoices/${invoiceId}/payments`, base: { amountMinor: 1, method: 'cash' } },
        { method: 'POST', url: `/api/invoices/${invoiceId}/credit-notes`, base: { amountMinor: 1, reason: 'r' } },
        { method: 'PUT', url: '/api/money/billing-details', base: { currency: 'EUR', paymentTermDays: 14 } },
      ],
      nastyValue(),
      30,
    );
  });

  it('answers hostile query strings with 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/money/takings',
          '/api/money/owed',
          '/api/money/export.csv',
          '/api/invoices',
          '/api/quotes',
        ),
        fc.dictionary(fc.constantFrom('date', 'asOf', 'from', 'to', 'currency', 'status', 'patientId'), nastyString(), {
          maxKeys: 3,
        }),
        async (url, query) => {
          const response = await admin.inject({ method: 'GET', url, query });
          expect(response.statusCode, `${url} ${JSON.stringify(query)} → ${response.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});
