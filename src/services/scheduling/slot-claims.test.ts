import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsFor, slotStarts, widenToSlots } from './slot-claims.js';

const minute = 60_000;
const base = Date.parse('2030-01-07T00:00:00Z');

describe('slot claims', () => {
  it('claims every 15-minute slot a session touches', () => {
    expect(slotStarts(Date.parse('2030-01-07T09:00:00Z'), Date.parse('2030-01-07T10:25:00Z'))).toEqual(
      ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) => `2030-01-07T${t}:00.000Z`),
    );
    expect(slotStarts(Date.parse('2030-01-07T09:10:00Z'), Date.parse('2030-01-07T09:20:00Z'))).toEqual([
      '2030-01-07T09:00:00.000Z',
      '2030-01-07T09:15:00.000Z',
    ]);
    expect(widenToSlots(base + 7 * minute, base + 8 * minute)).toEqual([base, base + 15 * minute]);
  });

  it('makes overlapping sessions share a slot, and sessions on the grid that only touch share none', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 240 }))
      .map(([start, length]) => [base + start * minute, base + (start + length) * minute] as const);
    fc.assert(
      fc.property(interval, interval, ([a0, a1], [b0, b1]) => {
        const shared = slotStarts(a0, a1).some((slot) => slotStarts(b0, b1).includes(slot));
        if (a0 < b1 && b0 < a1) expect(shared).toBe(true);
      }),
    );
    const onGrid = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 16 }))
      .map(([start, length]) => [base + start * 15 * minute, base + (start + length) * 15 * minute] as const);
    fc.assert(
      fc.property(onGrid, onGrid, ([a0, a1], [b0, b1]) => {
        const shared = slotStarts(a0, a1).some((slot) => slotStarts(b0, b1).includes(slot));
        expect(shared).toBe(a0 < b1 && b0 < a1);
      }),
    );
  });

  it('claims nothing for closed sessions or sessions that hold nobody, and an hour for an unknown length', () => {
    const session = {
      id: 's',
      scheduledAt: '2030-01-07T09:00:00.000Z',
      durationMinutes: null,
      practitionerId: 'p',
      roomId: null,
      status: 'planned' as const,
    };
    expect(claimsFor(session)).toHaveLength(4);
    expect(claimsFor(session)[0]).toEqual({
      sessionId: 's',
      slotStart: '2030-01-07T09:00:00.000Z',
      practitionerId: 'p',
      roomId: null,
    });
    expect(claimsFor({ ...session, status: 'done' })).toHaveLength(4);
    expect(claimsFor({ ...session, status: 'cancelled' })).toEqual([]);
    expect(claimsFor({ ...session, status: 'no_show' })).toEqual([]);
    expect(claimsFor({ ...session, practitionerId: null })).toEqual([]);
  });
});
