import { beforeAll, expect, it } from 'vitest';
import { refusal } from '../../test-support/domain-refusal.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { RoomRecord, TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { DomainError } from '../domain-errors.js';
import { holdSlots, syncSlots } from './slot-guard.js';
import { createSampleCourse, createStaff } from '../../test-support/stored-records.js';

/** The guard on the database alone: no route, no check before it. */
forEachEngine('slot guard', (getDb) => {
  let repos: Repositories;
  let practitioners: UserRecord[];
  let rooms: RoomRecord[];
  let courseId: string;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Guarded' });
    const location = await repos.clinics.createLocation({
      clinicId: clinic.id,
      name: 'Centre',
      timeZone: 'Europe/Berlin',
    });
    practitioners = [
      await createStaff(repos, { clinicId: clinic.id, email: 'a@guard.test', displayName: 'A' }),
      await createStaff(repos, { clinicId: clinic.id, email: 'b@guard.test', displayName: 'B' }),
    ];
    rooms = [
      await repos.availability.createRoom({ locationId: location.id, name: 'R1' }),
      await repos.availability.createRoom({ locationId: location.id, name: 'R2' }),
    ];
    const patient = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'P',
      lastName: 'Q',
      birthDate: '1990-01-01',
      sex: 'female',
      phone: null,
      email: null,
    });
    courseId = (await createSampleCourse(repos, patient.id)).id;
  });

  /** A half-hour session of the course, through `on` (a transaction's repositories, say). */
  const session = (
    scheduledAt: string,
    practitionerId: string | null,
    roomId: string | null,
    on: Repositories = repos,
  ): Promise<TreatmentSessionRecord> =>
    on.treatmentSessions.create({ courseId, scheduledAt, durationMinutes: 30, practitionerId, roomId });

  it('refuses a second claim on a practitioner or room slot, whatever checked before', async () => {
    const [a, b] = practitioners as [UserRecord, UserRecord];
    const [r1, r2] = rooms as [RoomRecord, RoomRecord];
    await holdSlots(repos, await session('2030-01-07T09:00:00.000Z', a.id, r1.id));
    // Touches the second slot only, with the same practitioner.
    expect(await refusal(holdSlots(repos, await session('2030-01-07T09:20:00.000Z', a.id, r2.id), 3))).toMatchObject({
      error: 'slot_taken',
      problems: [{ session: 3, code: 'practitioner_booked', practitionerId: a.id }],
    });
    expect((await refusal(holdSlots(repos, await session('2030-01-07T09:00:00.000Z', b.id, r1.id)))).problems).toEqual([
      expect.objectContaining({ code: 'room_booked', roomId: r1.id }),
    ]);
    // Other people in other rooms, and back-to-back on the grid, are fine.
    await holdSlots(repos, await session('2030-01-07T09:00:00.000Z', b.id, r2.id));
    await holdSlots(repos, await session('2030-01-07T09:30:00.000Z', a.id, r1.id));
    await expect(
      repos.availability.claimSlots([
        {
          sessionId: (await session('2030-01-08T09:00:00.000Z', null, null)).id,
          slotStart: '2030-01-08T09:00:00.000Z',
          practitionerId: null,
          roomId: null,
        },
      ]),
    ).rejects.toThrow();
  });

  it('frees slots on cancellation and re-claims them on a move', async () => {
    const [a] = practitioners as [UserRecord];
    const first = await session('2030-02-04T09:00:00.000Z', a.id, null);
    await holdSlots(repos, first);
    const cancelled = (await repos.treatmentSessions.update(first.id, { status: 'cancelled' }))!;
    await syncSlots(repos, cancelled);
    expect(await repos.availability.listSlotClaims(first.id)).toEqual([]);
    const second = await session('2030-02-04T09:00:00.000Z', a.id, null);
    await holdSlots(repos, second);
    const moved = (await repos.treatmentSessions.update(second.id, { scheduledAt: '2030-02-04T11:00:00.000Z' }))!;
    await syncSlots(repos, moved);
    expect((await repos.availability.listSlotClaims(second.id)).map((c) => c.slotStart)).toEqual([
      '2030-02-04T11:00:00.000Z',
      '2030-02-04T11:15:00.000Z',
    ]);
  });

  it('lets exactly one of two racing transactions hold the slot; the other writes nothing', async () => {
    const [a] = practitioners as [UserRecord];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let claimed!: () => void;
    const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const first = repos.transaction(async (tx) => {
      const s = await session('2030-03-04T09:00:00.000Z', a.id, null, tx);
      await holdSlots(tx, s);
      claimed();
      // Still uncommitted while the second transaction tries the same slot.
      await gate;
      return s.id;
    });
    await firstClaimed;
    const second = repos.transaction(async (tx) => {
      const s = await session('2030-03-04T09:15:00.000Z', a.id, null, tx);
      await holdSlots(tx, s);
      return s.id;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    open();
    const [won, lost] = await Promise.allSettled([first, second]);
    expect(won.status).toBe('fulfilled');
    expect(lost.status).toBe('rejected');
    expect(((lost as PromiseRejectedResult).reason as DomainError).kind).toBe('conflict');
    const held = await repos.availability.bookedSlots({
      clinicId: (await repos.users.findById(a.id))!.clinicId,
      from: '2030-03-04T00:00:00.000Z',
      to: '2030-03-05T00:00:00.000Z',
    });
    expect(held.map((h) => h.sessionId)).toEqual([(won as PromiseFulfilledResult<string>).value]);
  });
});
