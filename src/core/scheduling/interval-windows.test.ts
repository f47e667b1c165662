import { describe, expect, it } from 'vitest';
import { intervalWindows } from './interval-windows.js';

describe('intervalWindows', () => {
  it('gives each session the window after the one before, and whether it is kept', () => {
    const spacing = { intervalDays: { min: 7, max: 14 }, laterIntervalDays: { min: 14, max: 30 }, switchAfter: 2 };
    expect(intervalWindows(spacing, ['2030-06-03', '2030-06-14', '2030-06-20'])).toEqual([
      null,
      { minDays: 7, maxDays: 14, from: '2030-06-10', to: '2030-06-17', days: 11, kept: true },
      { minDays: 14, maxDays: 30, from: '2030-06-28', to: '2030-07-14', days: 6, kept: false },
    ]);
  });
});
