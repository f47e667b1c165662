import { beforeAll } from 'vitest';

/**
 * What a block's tests share, made once before them (a `beforeAll` in the calling block). The getter
 * hands it out inside tests and hooks, typed, instead of `let`s assigned in a hook.
 */
export function sharedFixture<T>(build: () => Promise<T>): () => T {
  let ready: { value: T } | undefined;
  beforeAll(async () => {
    ready = { value: await build() };
  });
  return () => {
    if (!ready) throw new Error('the shared fixture is not ready: call its getter inside a test or hook');
    return ready.value;
  };
}
