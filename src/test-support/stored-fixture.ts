import type { Db } from '../storage/create-database.js';
import { createRepositories, type Repositories } from '../storage/repositories/repositories.js';
import { sharedFixture } from './shared-fixture.js';

/**
 * The records a block of storage tests shares: `build` stores them once, before the block's tests,
 * through repositories over the engine's database. The getter hands them out, with those
 * repositories, inside tests and hooks (like `forEachApp`'s `get()`).
 */
export function storedFixture<T extends object>(
  getDb: () => Db,
  build: (repos: Repositories) => Promise<T>,
): () => T & { repos: Repositories } {
  return sharedFixture(async () => {
    const repos = createRepositories(getDb());
    return { ...(await build(repos)), repos };
  });
}
