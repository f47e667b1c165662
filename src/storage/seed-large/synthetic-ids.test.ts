import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { syntheticIds } from './synthetic-ids.js';

describe('syntheticIds', () => {
  it('makes distinct version 7 UUIDs that sort by the given time and repeat with the seed', () => {
    const ids = syntheticIds(seededRandom(42));
    const times = [0, 1, 1, 1_700_000_000_000, 1_700_000_000_000, 2 ** 47];
    const made = times.map((ms) => ids(ms));
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(made[3]?.slice(0, 13)).toBe('018bcfe5-6800');
    const atDistinctTimes = [made[0], made[1], made[3], made[5]];
    expect([...atDistinctTimes].sort()).toEqual(atDistinctTimes);
    expect(syntheticIds(seededRandom(42))(0)).toBe(made[0]);

    const many = new Set<string>();
    const again = syntheticIds(seededRandom(1));
    for (let i = 0; i < 100_000; i++) many.add(again(1_700_000_000_000));
    expect(many.size).toBe(100_000);
  });
});
