import { describe, expect, it } from 'vitest';
import { dashboardWindow, offsetPieces } from './dashboard-window.js';

const ms = (iso: string) => Date.parse(iso);

describe('dashboard window', () => {
  it('splits a year in Berlin at both changes of clock, and keeps a zone without them whole', () => {
    expect(offsetPieces('Europe/Berlin', ms('2025-12-31T23:00:00Z'), ms('2026-12-31T23:00:00Z'))).toEqual([
      { until: '2026-03-29T01:00:00.000Z', offsetMinutes: 60 },
      { until: '2026-10-25T01:00:00.000Z', offsetMinutes: 120 },
      { until: '2026-12-31T23:00:00.000Z', offsetMinutes: 60 },
    ]);
    expect(offsetPieces('Asia/Kolkata', ms('2026-01-01T00:00:00Z'), ms('2026-06-01T00:00:00Z'))).toEqual([
      { until: '2026-06-01T00:00:00.000Z', offsetMinutes: 330 },
    ]);
  });

  it('reads the dates in the clinic zone: its first and last instants, today by its clock', () => {
    const clinic = { clinicId: 'c', timeZone: 'Pacific/Auckland' };
    // 11:00 UTC on 6 December is already 7 December in Auckland (UTC+13 in summer).
    const window = dashboardWindow({}, clinic, new Date('2026-12-06T11:00:00Z'));
    expect(window).toMatchObject({ from: '2026-11-08', to: '2026-12-07' });
    expect(window.days).toHaveLength(30);
    expect(window.query).toMatchObject({ from: '2026-11-07T11:00:00.000Z', to: '2026-12-07T11:00:00.000Z' });
    expect(dashboardWindow({ from: '2026-01-01' }, clinic, new Date()).to).toBe('2026-01-30');
    expect(dashboardWindow({ to: '2026-01-30' }, clinic, new Date()).from).toBe('2026-01-01');
  });

  it('refuses a window backwards or longer than 366 days, naming the field', () => {
    const clinic = { clinicId: 'c', timeZone: 'UTC' };
    const problem = (input: { from?: string; to?: string }) => {
      try {
        dashboardWindow(input, clinic, new Date());
      } catch (error) {
        return (error as { problems?: { field: string }[] }).problems?.[0]?.field;
      }
      return undefined;
    };
    expect(problem({ from: '2026-02-02', to: '2026-02-01' })).toBe('to');
    expect(problem({ from: '2025-01-01', to: '2026-01-02' })).toBe('to');
    expect(problem({ from: '2026-02-31' })).toBe('from');
    expect(problem({ from: '2025-01-01', to: '2026-01-01' })).toBeUndefined();
  });
});
