import { describe, expect, it } from 'vitest';
import { indexRecords, latestIntake, lotIdsOfChart, sessionEndMs } from './record-index.js';
import { id, sampleGroup } from './test-support/sample-records.js';

describe('record index', () => {
  const group = sampleGroup();
  const index = indexRecords(group);

  it('orders each course’s sessions in time, whatever the load order', () => {
    expect(index.sessionsByCourse.get(id('course', 1))?.map((s) => s.id)).toEqual([
      id('session', 11),
      id('session', 12),
    ]);
  });

  it('lists the lots of a chart once each, in order of first use', () => {
    expect(lotIdsOfChart(group.chartEntries[0])).toEqual([id('lot', 1), id('lot', 2)]);
    expect(lotIdsOfChart(undefined)).toEqual([]);
  });

  it('takes the newest intake version', () => {
    expect(latestIntake(group.intakes)?.version).toBe(2);
    expect(latestIntake([])).toBeUndefined();
  });

  it('ends a session at start plus length, and knows when it cannot tell', () => {
    expect(sessionEndMs({ scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 45 })).toBe(
      Date.parse('2026-11-23T07:45:00Z'),
    );
    expect(sessionEndMs({ scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: null })).toBeUndefined();
    expect(() => sessionEndMs({ scheduledAt: 'tomorrow', durationMinutes: 10 })).toThrow(RangeError);
  });
});
