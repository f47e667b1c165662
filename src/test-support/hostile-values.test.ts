import { describe, expect, it } from 'vitest';
import { withValueAt } from './hostile-values.js';

describe('withValueAt', () => {
  it('replaces one place only, even where the base shares an object between places', () => {
    const point = { area: 'scalp', productId: 'p1' };
    const base = { points: [point, point] };
    const changed = withValueAt(base, ['points', 1, 'productId'], 'broken') as typeof base;
    expect(changed.points[1]?.productId).toBe('broken');
    expect(changed.points[0]?.productId).toBe('p1');
    expect(base.points[1]?.productId).toBe('p1');
  });
});
