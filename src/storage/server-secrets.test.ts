import { expect, it } from 'vitest';
import { forEachEngine } from '../test-support/test-databases.js';
import { sharedSecret } from './server-secrets.js';

forEachEngine('shared server secrets', (getDb) => {
  it('makes a secret once and gives every later caller the same one', async () => {
    const first = await sharedSecret(getDb(), 'first');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await sharedSecret(getDb(), 'first')).toBe(first);
    expect(await sharedSecret(getDb(), 'second')).not.toBe(first);
  });

  it('gives callers racing to make it one and the same secret', async () => {
    const secrets = await Promise.all(Array.from({ length: 8 }, () => sharedSecret(getDb(), 'raced')));
    expect(new Set(secrets).size).toBe(1);
    const rows = await getDb().selectFrom('server_secrets').selectAll().where('name', '=', 'raced').execute();
    expect(rows.map((r) => r.value)).toEqual([secrets[0]]);
  });
});
