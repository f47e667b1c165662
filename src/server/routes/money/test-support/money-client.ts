import { beforeAll, expect } from 'vitest';
import { signInRoles, type TestApp, type TestClient } from '../../../../test-support/test-app.js';

/** Requests of the money tests, with the status each expects checked against the body. */
export function moneyRequests(expectStatus = true) {
  const send = async (
    client: TestClient,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => client.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
  const expecting =
    (status: number) =>
    async (client: TestClient, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => {
      const response = await send(client, method, url, payload);
      if (expectStatus) expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
      return response.json();
    };
  return {
    send,
    ok: expecting(200),
    created: expecting(201),
  };
}

/** A price list for a clinic: a session and a course package for hair loss, a product, and a generic session. */
export async function seedPriceList(admin: TestClient, currency = 'EUR') {
  const { created } = moneyRequests();
  const session = await created(admin, 'POST', '/api/prices', {
    kind: 'session',
    name: 'Hair loss session',
    indication: 'hair_loss',
    unitPriceMinor: 15_000,
    currency,
    taxRatePercent: 20,
  });
  const pack = await created(admin, 'POST', '/api/prices', {
    kind: 'course_package',
    name: 'Hair loss course of 4',
    indication: 'hair_loss',
    sessions: 4,
    unitPriceMinor: 50_000,
    currency,
    taxRatePercent: 20,
  });
  const product = await created(admin, 'POST', '/api/prices', {
    kind: 'product',
    name: 'Home care serum',
    unitPriceMinor: 2_500,
    currency,
    taxRatePercent: 10,
  });
  const generic = await created(admin, 'POST', '/api/prices', {
    kind: 'session',
    name: 'Mesotherapy session',
    unitPriceMinor: 12_000,
    currency,
    taxRatePercent: 20,
  });
  return { session, pack, product, generic } as Record<'session' | 'pack' | 'product' | 'generic', { id: string }>;
}

export type MoneyClinic = Record<'admin' | 'practitioner' | 'reception' | 'patient', TestClient> & {
  prices: Awaited<ReturnType<typeof seedPriceList>>;
};

/** Signs in one client per role and seeds the price list before the block's tests; filled in by then. */
export function moneyClinic(get: () => TestApp): MoneyClinic {
  const clinic = {} as MoneyClinic;
  beforeAll(async () => {
    Object.assign(clinic, await signInRoles(get(), ['admin', 'practitioner', 'reception', 'patient']));
    clinic.prices = await seedPriceList(clinic.admin);
  });
  return clinic;
}
