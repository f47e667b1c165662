import { describe, expect, it } from 'vitest';
import { createSampleCourse } from '../../../test-support/stored-records.js';
import { changedTables, snapshotDatabase } from '../../../test-support/database-snapshot.js';
import { daysFromToday } from '../../../test-support/relative-dates.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { clinicAudit } from '../../../test-support/audited-records.js';
import { moneyClinic, moneyRequests } from './test-support/money-client.js';

/** The price list and quotes: prices with their currency and tax, quotes from the list, and deciding them. */
forEachApp('price and quote routes', (get) => {
  const clinic = moneyClinic(get);
  const { send, ok, created } = moneyRequests();

  /** Sends a request that must be refused and change nothing in the database. */
  async function refused(client: TestClient, method: 'POST' | 'PATCH', url: string, payload: object, status: number) {
    const before = await snapshotDatabase(get().db);
    const response = await send(client, method, url, payload);
    expect(response.statusCode, response.body).toBe(status);
    // Refused access is itself audited; nothing else may change.
    const changed = changedTables(before, await snapshotDatabase(get().db, before));
    expect(changed.filter((t) => status === 409 || status === 400 || !t.startsWith('audit_log'))).toEqual([]);
    return response.json() as { error: string; problems?: { field: string }[] };
  }

  describe('prices', () => {
    it('lists the clinic prices to staff, active ones on asking', async () => {
      const listed = await ok(clinic.practitioner, 'GET', '/api/prices');
      expect(listed.items.map((p: { id: string }) => p.id)).toEqual(
        expect.arrayContaining(Object.values(clinic.prices).map((p) => p.id)),
      );
      expect(listed.items.find((p: { id: string }) => p.id === clinic.prices.pack.id)).toMatchObject({
        kind: 'course_package',
        sessions: 4,
        unitPriceMinor: 50_000,
        currency: 'EUR',
        taxRatePercent: 20,
        active: true,
      });
      const extra = await created(clinic.admin, 'POST', '/api/prices', {
        kind: 'area',
        name: 'Neck area',
        area: 'neck',
        unitPriceMinor: 8_000,
        currency: 'EUR',
        taxRatePercent: 7.5,
      });
      await ok(clinic.admin, 'PATCH', `/api/prices/${extra.id}`, { active: false });
      const active = await ok(clinic.reception, 'GET', '/api/prices?active=true');
      expect(active.items.map((p: { id: string }) => p.id)).not.toContain(extra.id);
      const inactive = await ok(clinic.reception, 'GET', '/api/prices?active=false');
      expect(inactive.items).toEqual([expect.objectContaining({ id: extra.id, taxRatePercent: 7.5, active: false })]);
    });

    it('refuses a price without a currency, naming the field, and writes nothing', async () => {
      const body = await refused(
        clinic.admin,
        'POST',
        '/api/prices',
        { kind: 'session', name: 'No currency', unitPriceMinor: 100, taxRatePercent: 20 },
        400,
      );
      expect(body.problems?.map((p) => p.field)).toEqual(['currency']);
      const lower = await refused(
        clinic.admin,
        'POST',
        '/api/prices',
        { kind: 'session', name: 'x', unitPriceMinor: 1, currency: 'eur', taxRatePercent: 0 },
        400,
      );
      expect(lower.problems?.map((p) => p.field)).toEqual(['currency']);
    });

    it('refuses tax rates outside 0..100, negative or fractional amounts and packages without sessions', async () => {
      const base = { kind: 'session', name: 'Bad', unitPriceMinor: 100, currency: 'EUR', taxRatePercent: 20 };
      for (const [change, field] of [
        [{ taxRatePercent: 101 }, 'taxRatePercent'],
        [{ taxRatePercent: 7.555 }, 'taxRatePercent'],
        [{ unitPriceMinor: -1 }, 'unitPriceMinor'],
        [{ unitPriceMinor: 10.5 }, 'unitPriceMinor'],
        [{ kind: 'course_package' }, 'sessions'],
        [{ sessions: 3 }, 'sessions'],
      ] as const) {
        const body = await refused(clinic.admin, 'POST', '/api/prices', { ...base, ...change }, 400);
        expect(
          body.problems?.map((p) => p.field),
          JSON.stringify(change),
        ).toEqual([field]);
      }
    });

    it('lets only the admin set prices, and keeps them from patients', async () => {
      for (const client of [clinic.practitioner, clinic.reception])
        await refused(
          client,
          'POST',
          '/api/prices',
          { kind: 'session', name: 'x', unitPriceMinor: 1, currency: 'EUR', taxRatePercent: 0 },
          403,
        );
      expect((await send(clinic.patient, 'GET', '/api/prices')).statusCode).toBe(403);
      const elsewhere = await get().signInElsewhere('admin');
      expect(
        (await send(elsewhere, 'PATCH', `/api/prices/${clinic.prices.product.id}`, { unitPriceMinor: 1 })).statusCode,
      ).toBe(404);
      expect((await ok(elsewhere, 'GET', '/api/prices')).items).toEqual([]);
    });
  });

  describe('quotes', () => {
    const patientId = () => get().fixture.patient.id;

    it('quotes a course package when one covers the sessions, else the session price times the sessions', async () => {
      const pack = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: patientId(),
        indication: 'hair_loss',
        sessions: 4,
      });
      expect(pack).toMatchObject({
        status: 'open',
        currency: 'EUR',
        lines: [
          { priceId: clinic.prices.pack.id, quantity: 1, netMinor: 50_000, taxMinor: 10_000, totalMinor: 60_000 },
        ],
        totals: { netMinor: 50_000, taxMinor: 10_000, totalMinor: 60_000 },
      });
      const three = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: patientId(),
        indication: 'hair_loss',
        sessions: 3,
      });
      expect(three.lines).toEqual([
        expect.objectContaining({ priceId: clinic.prices.session.id, quantity: 3, netMinor: 45_000, taxMinor: 9_000 }),
      ]);
      const other = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: patientId(),
        indication: 'cellulite',
        sessions: 2,
      });
      expect(other.lines).toEqual([
        expect.objectContaining({ priceId: clinic.prices.generic.id, quantity: 2, netMinor: 24_000 }),
      ]);
    });

    it("quotes a course from its plan, and keeps the quote's lines when the price changes later", async () => {
      const { repos, fixture } = get();
      const course = await createSampleCourse(repos, fixture.patient.id);
      const quote = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: patientId(),
        courseId: course.id,
      });
      expect(quote.courseId).toBe(course.id);
      expect(quote.lines).toEqual([
        expect.objectContaining({ priceId: clinic.prices.session.id, quantity: course.plan.sessions.max }),
      ]);
      await ok(clinic.admin, 'PATCH', `/api/prices/${clinic.prices.session.id}`, { unitPriceMinor: 99_000 });
      expect((await ok(clinic.reception, 'GET', `/api/quotes/${quote.id}`)).lines[0].unitPriceMinor).toBe(15_000);
      await ok(clinic.admin, 'PATCH', `/api/prices/${clinic.prices.session.id}`, { unitPriceMinor: 15_000 });
    });

    it('takes written-out lines with their own tax, rounding each line half away from zero', async () => {
      const quote = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: patientId(),
        currency: 'EUR',
        lines: [
          { description: 'Consultation', quantity: 1, unitPriceMinor: 1_005, taxRatePercent: 10 },
          { priceId: clinic.prices.product.id, quantity: 3 },
        ],
        depositMinor: 1_000,
        validUntil: daysFromToday(30),
      });
      // 10 % of 1005 is 100.5: rounded away from zero to 101.
      expect(quote.lines.map((l: { taxMinor: number }) => l.taxMinor)).toEqual([101, 750]);
      expect(quote.totals).toEqual({ netMinor: 8_505, taxMinor: 851, totalMinor: 9_356 });
      expect(quote).toMatchObject({ depositMinor: 1_000, validUntil: daysFromToday(30) });
    });

    it('refuses quotes that cannot be priced or are malformed, naming the field', async () => {
      const cases: [object, string][] = [
        [{ indication: 'hair_loss' }, 'sessions'],
        [{}, 'lines'],
        [{ lines: [{ quantity: 1, unitPriceMinor: 10, taxRatePercent: 0 }] }, 'lines[0].description'],
        // The deposit or the lines sent may be wrong: both are named; lines from the price list are not.
        [{ lines: [{ priceId: clinic.prices.pack.id, quantity: 1 }], depositMinor: 70_000 }, 'depositMinor,lines'],
        [{ indication: 'hair_loss', sessions: 4, depositMinor: 70_000 }, 'depositMinor'],
        [{ lines: [{ priceId: clinic.prices.pack.id, quantity: 1 }], validUntil: daysFromToday(-1) }, 'validUntil'],
        [{ lines: [{ priceId: clinic.prices.pack.id, quantity: 1 }], currency: 'TRY' }, 'currency'],
        [{ lines: [{ priceId: 'no-such-price', quantity: 1 }] }, 'lines[0].priceId'],
      ];
      for (const [payload, field] of cases) {
        const body = await refused(
          clinic.reception,
          'POST',
          '/api/quotes',
          { patientId: patientId(), ...payload },
          400,
        );
        expect(
          body.problems?.map((p) => p.field),
          JSON.stringify(payload),
        ).toEqual(field.split(','));
      }
      const noPrice = await get().signInElsewhere('admin');
      const theirPatient = (
        await get().repos.patients.search({ clinicId: noPrice.user.clinicId, limit: 1, offset: 0 })
      )[0];
      const body = await refused(
        noPrice,
        'POST',
        '/api/quotes',
        { patientId: theirPatient?.id, indication: 'hair_loss', sessions: 4 },
        400,
      );
      expect(body.problems?.map((p) => p.field)).toEqual(['indication']);
    });

    it('shows a patient only their own quotes, which they may accept or decline but not withdraw', async () => {
      const { fixture } = get();
      const own = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: fixture.patient.id,
        indication: 'hair_loss',
        sessions: 4,
      });
      const theirs = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: fixture.otherPatient.id,
        indication: 'hair_loss',
        sessions: 4,
      });
      const listed = await ok(clinic.patient, 'GET', '/api/quotes');
      expect(listed.items.length).toBeGreaterThan(0);
      expect(new Set(listed.items.map((q: { patientId: string }) => q.patientId))).toEqual(
        new Set([fixture.patient.id]),
      );
      expect((await send(clinic.patient, 'GET', `/api/quotes/${theirs.id}`)).statusCode).toBe(404);
      expect((await send(clinic.patient, 'GET', `/api/quotes?patientId=${fixture.otherPatient.id}`)).statusCode).toBe(
        403,
      );
      expect((await send(clinic.patient, 'POST', `/api/quotes/${theirs.id}/accept`)).statusCode).toBe(404);
      expect((await send(clinic.patient, 'POST', `/api/quotes/${own.id}/withdraw`)).statusCode).toBe(403);
      expect(await ok(clinic.patient, 'POST', `/api/quotes/${own.id}/accept`)).toMatchObject({
        id: own.id,
        status: 'accepted',
      });
      const again = await refused(clinic.patient, 'POST', `/api/quotes/${own.id}/decline`, {}, 409);
      expect(again.error).toBe('quote_not_open');
      expect(await ok(clinic.reception, 'POST', `/api/quotes/${theirs.id}/withdraw`)).toMatchObject({
        status: 'withdrawn',
      });
      // A practitioner reads quotes but does not make them.
      expect((await ok(clinic.practitioner, 'GET', `/api/quotes/${own.id}`)).status).toBe('accepted');
      expect(
        (
          await send(clinic.practitioner, 'POST', '/api/quotes', {
            patientId: fixture.patient.id,
            indication: 'hair_loss',
            sessions: 4,
          })
        ).statusCode,
      ).toBe(403);
    });

    it('audits every price and quote write', async () => {
      const quote = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId: patientId(),
        indication: 'hair_loss',
        sessions: 4,
      });
      const entries = await clinicAudit(get(), { entity: 'quote', action: 'create', limit: 500 });
      expect(entries.flatMap((e) => e.records.map((r) => r.entityId))).toContain(quote.id);
      const priceWrites = await clinicAudit(get(), { entity: 'price', limit: 500 });
      expect(priceWrites.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
    });
  });
});
