import { expect, it } from 'vitest';
import { forEachEngine } from '../test-support/test-databases.js';
import { advisoryLockKey, exclusively, tryExclusively } from './advisory-lock.js';

/** A promise and the function that settles it, to hold a run open until the test lets it go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

it('derives one fixed 64-bit key per lock name', () => {
  expect(advisoryLockKey('a')).toBe(advisoryLockKey('a'));
  expect(advisoryLockKey('a')).not.toBe(advisoryLockKey('b'));
  const key = BigInt(advisoryLockKey('re-screening at start'));
  expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
});

// Each call takes its own pooled connection, so on PostgreSQL two calls stand for two processes.
forEachEngine('runs held by an advisory lock', (getDb, engine) => {
  it('skips a second run under the same name while the first holds it (PostgreSQL), runs both on SQLite', async () => {
    const inside = gate();
    const release = gate();
    const first = tryExclusively(getDb(), 'job', async () => {
      inside.open();
      await release.opened;
      return 'first';
    });
    await inside.opened;
    const second = await tryExclusively(getDb(), 'job', async () => 'second');
    const other = await tryExclusively(getDb(), 'another job', async () => 'other');
    release.open();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(second).toEqual(engine === 'postgres' ? { ran: false } : { ran: true, value: 'second' });
    expect(other).toEqual({ ran: true, value: 'other' });
    expect(await tryExclusively(getDb(), 'job', async () => 'after')).toEqual({ ran: true, value: 'after' });
  });

  it('lets the lock go when the work fails', async () => {
    await expect(
      tryExclusively(getDb(), 'failing job', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await tryExclusively(getDb(), 'failing job', async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it.runIf(engine === 'postgres')('makes a waiting run start only after the holder ended', async () => {
    const order: string[] = [];
    const inside = gate();
    const release = gate();
    const first = exclusively(getDb(), 'start', async () => {
      order.push('first began');
      inside.open();
      await release.opened;
      order.push('first ended');
    });
    await inside.opened;
    const second = exclusively(getDb(), 'start', async () => void order.push('second ran'));
    // Long enough for the second to have run, had it not waited.
    await new Promise((resolve) => setTimeout(resolve, 200));
    order.push('released');
    release.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['first began', 'released', 'first ended', 'second ran']);
  });
});
