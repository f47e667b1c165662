import type { Role } from '../core/records/index.js';
import { sharedFixture } from './shared-fixture.js';
import { signInRoles, type TestApp, type TestClient } from './test-app.js';

/**
 * A signed-in client for each role `wanted` (every fixture role unless told), signed in once before
 * the block's tests; the getter hands them out inside tests and hooks.
 */
export function signedInClients<R extends Role>(
  get: () => TestApp,
  wanted?: readonly R[],
): () => Record<R, TestClient> {
  return sharedFixture(() => signInRoles(get(), wanted));
}
