import { describe, expect, it } from 'vitest';
import { argon2idHasher } from './password-hasher.js';

describe('argon2idHasher', () => {
  const hasher = argon2idHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await hasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(hash, 'wrong')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
    await hasher.verifyNothing('x');
  });
});
