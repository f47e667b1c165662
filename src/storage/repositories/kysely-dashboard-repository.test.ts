import { beforeAll, expect, it } from 'vitest';
import { createSampleCourse, createSamplePatient } from '../../test-support/stored-records.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { OffsetPiece } from './dashboard-repository.js';
import { createRepositories } from './repositories.js';

/**
 * The local date each engine gives a stored instant, in zones behind, ahead of and at odd minutes
 * from UTC, across a change of clock: the sessions of each local day as Intl counts them. The
 * offsets are found here hour by hour through Intl, not as the service finds them.
 */

const zones = ['America/St_Johns', 'Asia/Kathmandu', 'Pacific/Auckland', 'America/Los_Angeles'];
const from = Date.parse('2026-03-06T00:00:00Z');
const to = Date.parse('2026-03-10T00:00:00Z');

function offsetAt(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - ms) / 60_000);
}

/** Offsets by probing every quarter hour: a change lands on the first quarter hour showing it. */
function probedOffsets(zone: string): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let current = offsetAt(zone, from);
  for (let ms = from + 900_000; ms <= to; ms += 900_000) {
    const offset = ms === to ? NaN : offsetAt(zone, ms);
    if (offset !== current) {
      pieces.push({ until: new Date(ms).toISOString(), offsetMinutes: current });
      current = offset;
    }
  }
  return pieces;
}

const localDate = (zone: string, ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

forEachEngine('dashboard repository, local dates', (getDb) => {
  const clinics = new Map<string, string>();
  const instants: number[] = [];
  for (let ms = from; ms < to; ms += 37 * 60_000) instants.push(ms);

  beforeAll(async () => {
    const repos = createRepositories(getDb());
    for (const zone of zones) {
      const clinic = await repos.clinics.create({ name: `Local dates ${zone}` });
      const location = await repos.clinics.createLocation({ clinicId: clinic.id, name: 'Here', timeZone: zone });
      const course = await createSampleCourse(repos, (await createSamplePatient(repos, clinic.id)).id);
      for (const ms of instants)
        await repos.treatmentSessions.create({
          courseId: course.id,
          scheduledAt: new Date(ms).toISOString(),
          locationId: location.id,
        });
      clinics.set(zone, clinic.id);
    }
  });

  it.each(zones)('counts the sessions of each local day in %s', async (zone) => {
    const offsets = probedOffsets(zone);
    // North America moves its clocks on 8 March; Kathmandu (+5:45) and Auckland (+13) stay put.
    expect(offsets.length).toBe(zone.startsWith('America/') ? 2 : 1);
    const counted = await createRepositories(getDb()).dashboard.sessionsByDay({
      clinicId: clinics.get(zone)!,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      offsets,
    });
    const expected = new Map<string, number>();
    for (const ms of instants) expected.set(localDate(zone, ms), (expected.get(localDate(zone, ms)) ?? 0) + 1);
    const byDate = new Map<string, number>();
    for (const row of counted) byDate.set(row.date, (byDate.get(row.date) ?? 0) + row.sessions);
    expect(Object.fromEntries(byDate)).toEqual(Object.fromEntries(expected));
    expect(counted.every((row) => row.status === 'planned')).toBe(true);
  });
});
