import { createDatabase } from '../../../src/storage/create-database.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { testAppConfig, testKnowledgeBase } from '../../../src/test-support/test-app.js';
import { buildApp } from '../../../src/server/build-app.js';
import { apiRoutes, type ApiRoute, type OpenApiDocument } from './api-routes.js';

/**
 * The API routes of a freshly built app (over an in-memory database) with their schemas, read while
 * the test file loads: each route then gets a test of its own, and a new route one without anyone
 * listing it.
 */
export async function discoverRoutes(): Promise<ApiRoute[]> {
  const db = createDatabase({ engine: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(db);
    const app = await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() });
    try {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
      return apiRoutes(app, doc);
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
  }
}
