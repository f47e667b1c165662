import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../src/server/build-app.js';
import type { App } from '../../../src/server/app-types.js';
import { argon2idHasher } from '../../../src/services/accounts/password-hasher.js';
import { createDatabase, type Db } from '../../../src/storage/create-database.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { createRepositories, type Repositories } from '../../../src/storage/repositories/repositories.js';
import { createClinicFixture, fixtureEmail, type ClinicFixture } from '../../../src/test-support/clinic-fixture.js';
import {
  testAppConfig,
  testKnowledgeBase,
  testKnowledgeLibrary,
  testPassword,
  testPasswordHashing,
} from '../../../src/test-support/test-app.js';
import type { Role } from '../../../src/core/records/index.js';

export interface E2eServer {
  baseUrl: string;
  app: App;
  repos: Repositories;
  fixture: ClinicFixture;
  /** What the practitioner charts with: one product with a usable lot. */
  catalogue: { productId: string; productName: string; lotId: string; lotNumber: string };
  email(role: Role): string;
  password: string;
  close(): Promise<void>;
}

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The real server (buildApp, serving web/dist) on 127.0.0.1 and a free port, over a fresh SQLite
 * database in a temporary folder, with a clinic fixture (one user per role, password `testPassword`),
 * the clinic's current mesotherapy consent text, a product with lots (one recalled), a room and the
 * practitioner's working hours (every day, 08:00-20:00), as an admin would set up.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-e2e-'));
  const db: Db = createDatabase({ engine: 'sqlite', file: join(dataDir, 'mesodesk.sqlite') });
  await migrateToLatest(db);
  const repos = createRepositories(db);
  const tag = `e2e-${process.pid}`;
  const passwordHash = await argon2idHasher(testPasswordHashing).hash(testPassword);
  const fixture = await createClinicFixture(repos, { tag, passwordHash });
  await repos.consent.createText({
    clinicId: fixture.clinic.id,
    procedure: 'mesotherapy',
    text: 'I consent to mesotherapy. I have been told about the usual after-effects and whom to call.',
    active: true,
  });
  const product = await repos.products.createProduct({
    clinicId: fixture.clinic.id,
    name: 'Hair revitalising cocktail',
    manufacturer: 'Demo Pharma',
    ingredients: ['vitamin_b', 'zinc'],
  });
  const lot = await repos.products.createLot({
    productId: product.id,
    lotNumber: 'HR-2401',
    expiryDate: isoDaysFromNow(300),
  });
  const recalled = await repos.products.createLot({
    productId: product.id,
    lotNumber: 'HR-2399',
    expiryDate: isoDaysFromNow(200),
  });
  await repos.products.setLotRecalled(recalled.id, true);

  // Working hours every day, so the course finder always has room in a test run on any weekday.
  const room = await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Treatment room 1' });
  const allDay = [{ start: '08:00', end: '20:00' }];
  await repos.availability.setPractitionerHours({
    practitionerId: fixture.users.practitioner.id,
    locationId: fixture.location.id,
    weeklyHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay },
    roomIds: [room.id],
  });

  // Every language of knowledge/translations, as the real server loads it: Turkish readers read Turkish.
  const app = await buildApp({
    db,
    knowledgeBase: testKnowledgeBase(),
    knowledgeLibrary: testKnowledgeLibrary(),
    config: testAppConfig(),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    repos,
    fixture,
    catalogue: { productId: product.id, productName: product.name, lotId: lot.id, lotNumber: lot.lotNumber },
    email: (role) => fixtureEmail(role, tag),
    password: testPassword,
    close: async () => {
      await app.close();
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
