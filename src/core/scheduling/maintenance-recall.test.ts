import { describe, expect, it } from 'vitest';
import { maintenanceRecall } from './maintenance-recall.js';

describe('maintenanceRecall', () => {
  it('gives the window of calendar months after the last session', () => {
    expect(maintenanceRecall('2026-12-14', { intervalMonths: { min: 3, max: 6 } })).toEqual({
      from: '2027-03-14',
      to: '2027-06-14',
      message:
        'Maintenance session 3-6 months after the last session on 2026-12-14: between 2027-03-14 and 2027-06-14.',
    });
  });

  it('rolls a day missing from the target month forward, never cutting the wait short', () => {
    expect(maintenanceRecall('2026-08-31', { intervalMonths: { min: 6, max: 6 } })).toMatchObject({
      from: '2027-03-01',
      to: '2027-03-01',
    });
    expect(maintenanceRecall('2026-11-30', { intervalMonths: { min: 3, max: 12 } })).toMatchObject({
      from: '2027-03-01',
      to: '2027-11-30',
    });
  });

  it('has no recall when the plan schedules no maintenance', () => {
    expect(maintenanceRecall('2026-12-14', {})).toBeUndefined();
  });

  it('rejects impossible input', () => {
    expect(() => maintenanceRecall('2026-02-30', { intervalMonths: { min: 3, max: 6 } })).toThrow(RangeError);
    expect(() => maintenanceRecall('2026-12-14', { intervalMonths: { min: 6, max: 3 } })).toThrow(RangeError);
  });
});
