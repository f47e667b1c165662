import type { SetupPractitioner } from './large-clinic-setup.js';

/**
 * Who is booked when, while generating: sessions go into free half-hour slots of their
 * practitioner's working hours (09:00-13:00 and 14:00-18:00 local, Saturdays mornings only). When the
 * patient's own practitioner is booked out for two weeks, the session goes to the first free slot at
 * the same location, the own practitioner first on each day: a colleague's within those two weeks,
 * or a later one, as a front desk's waiting list would give. The generated schedule has no double
 * bookings unless the whole location is booked out for eight weeks.
 */

export const slotMinutes = 30;
const slotsPerDay = 16;
const morningSlots = 8;

/** ISO weekday of a day number (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Local minutes after midnight at which a slot starts. */
export function slotStartMinutes(slot: number): number {
  return slot < morningSlots ? 9 * 60 + slot * slotMinutes : 14 * 60 + (slot - morningSlots) * slotMinutes;
}

const offsets = new Map<string, { format: Intl.DateTimeFormat; byDay: Map<number, number> }>();

/** The zone's UTC offset in minutes at midday of the day (working hours never straddle a DST change). */
export function utcOffsetMinutes(timeZone: string, day: number): number {
  let zone = offsets.get(timeZone);
  if (!zone)
    offsets.set(
      timeZone,
      (zone = { format: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }), byDay: new Map() }),
    );
  let offset = zone.byDay.get(day);
  if (offset === undefined) {
    const name =
      zone.format.formatToParts(new Date(day * 86_400_000 + 12 * 3_600_000)).find((p) => p.type === 'timeZoneName')
        ?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    zone.byDay.set(day, offset);
  }
  return offset;
}

export interface Booking {
  /** Who gives the session: the practitioner asked for, or a colleague at the same location. */
  practitioner: number;
  day: number;
  slot: number;
  /** UTC milliseconds of the start. */
  startMs: number;
}

export interface PractitionerCalendar {
  /**
   * Books `length` slots for practitioner `p` on the first working day from `day` with room, near
   * `preferredSlot`; failing that within two weeks, the first slot free at the location (see above).
   */
  book(p: number, day: number, preferredSlot: number, length: number): Booking;
}

export function practitionerCalendar(
  practitioners: readonly SetupPractitioner[],
  firstDay: number,
  lastDay: number,
): PractitionerCalendar {
  const days = lastDay - firstDay + 1;
  const busy = new Uint16Array(practitioners.length * days);
  const colleagues = new Map<string, number[]>();
  practitioners.forEach((p, index) => {
    const here = colleagues.get(p.locationId);
    if (here) here.push(index);
    else colleagues.set(p.locationId, [index]);
  });

  const slotsOn = (p: SetupPractitioner, day: number) => {
    const weekday = weekdayOf(day);
    if (!p.workdays.has(weekday)) return 0;
    return weekday === 6 && p.saturdayMorningsOnly ? morningSlots : slotsPerDay;
  };
  const fits = (mask: number, slot: number, length: number, count: number) => {
    if (slot < 0 || slot + length > count) return false;
    // A session does not run through the lunch break.
    if (slot < morningSlots && slot + length > morningSlots) return false;
    const bits = ((1 << length) - 1) << slot;
    return (mask & bits) === 0;
  };
  const at = (index: number, p: SetupPractitioner, day: number, slot: number): Booking => ({
    practitioner: index,
    day,
    slot,
    startMs: day * 86_400_000 + (slotStartMinutes(slot) - utcOffsetMinutes(p.timeZone, day)) * 60_000,
  });

  /** A free slot of practitioner `index` on day `d` near `preferredSlot`, taken; undefined if none. */
  const take = (index: number, d: number, preferredSlot: number, length: number): Booking | undefined => {
    const p = practitioners[index]!;
    const count = slotsOn(p, d);
    if (count === 0) return undefined;
    if (d < firstDay || d > lastDay) return at(index, p, d, Math.min(preferredSlot, count - length));
    const cell = index * days + (d - firstDay);
    const mask = busy[cell] ?? 0;
    for (let step = 0; step < 2 * count; step++) {
      const slot = preferredSlot + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
      if (!fits(mask, slot, length, count)) continue;
      busy[cell] = mask | (((1 << length) - 1) << slot);
      return at(index, p, d, slot);
    }
    return undefined;
  };

  return {
    book(index, day, preferredSlot, length) {
      const p = practitioners[index];
      if (!p) throw new Error(`no practitioner ${index}`);
      for (let d = day; d < day + 14; d++) {
        const booked = take(index, d, preferredSlot, length);
        if (booked) return booked;
      }
      // Then the first free slot at the location, the patient's own practitioner first each day: a
      // colleague within two weeks, or later, as a waiting list would give.
      for (let d = day; d < day + 56; d++)
        for (const other of [index, ...(colleagues.get(p.locationId) ?? []).filter((c) => c !== index)]) {
          const booked = other === index && d < day + 14 ? undefined : take(other, d, preferredSlot, length);
          if (booked) return booked;
        }
      // The whole location booked out for eight weeks: a double booking, as happens in real diaries.
      let d = day;
      while (d < day + 7 && slotsOn(p, d) === 0) d++;
      return at(index, p, d, Math.max(0, Math.min(preferredSlot, slotsOn(p, d) - length)));
    },
  };
}
