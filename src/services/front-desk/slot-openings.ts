import { asWeekdays, localSlot, slotSuits, type LocalSlot } from '../../core/front-desk/opening-fit.js';
import type { ProposedCourse } from '../../core/scheduling/course-result.js';
import type { LocationRecord, SlotOpeningRecord, UserRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError, notFound } from '../domain-errors.js';
import { earliestStartOf } from '../scheduling/earliest-start.js';
import { proposeCourse } from '../scheduling/propose-course.js';
import { listWaitingList, type WaitingLine } from './waiting-list.js';

/** An opened slot that is still free, where and when it is on the clinic's clock. */
export interface OpenSlot {
  opening: SlotOpeningRecord;
  location: LocationRecord;
  local: LocalSlot;
}

/**
 * What the waiting list can do with an opened slot, per waiting patient:
 * - `fits`: a whole course keeping the plan's intervals starts on the slot's day (`course`);
 * - `starts_later`: their days and times allow the slot, but the earliest course that keeps the
 *   intervals starts later (`course`);
 * - `no_course`: their days and times allow it, but the plan cannot be kept from that day (`reason`);
 * - `not_ready`: no course is ready to book (a clinician starts it from the assessment), or the
 *   assessment allows no booking yet (`reason`);
 * - `outside_preferences`: the slot is not on their days or within their times;
 * - `not_checked`: beyond the number of courses searched for one slot.
 */
export type OpeningFit = 'fits' | 'starts_later' | 'no_course' | 'not_ready' | 'outside_preferences' | 'not_checked';

export interface OpeningCandidate {
  line: WaitingLine;
  fit: OpeningFit;
  course?: ProposedCourse;
  reason?: string;
}

/** Openings shown: the soonest ones that are still free. */
export const maxOpenings = 50;
/** Courses searched for one opening, for the longest waiting patients it suits. */
export const maxSearches = 20;
const hourMs = 3_600_000;
/** Sessions last at most 8 hours (the session routes' bound): a session taking the slot starts no earlier. */
const longestSessionMs = 8 * hourMs;

function endOf(opening: SlotOpeningRecord): number {
  return Date.parse(opening.startsAt) + (opening.durationMinutes ?? 0) * 60_000;
}

/** Whether a planned session of the opening's practitioner (or, without one, room) now overlaps the slot. */
async function taken(repos: Repositories, clinicId: string, opening: SlotOpeningRecord): Promise<boolean> {
  const start = Date.parse(opening.startsAt);
  const end = Math.max(endOf(opening), start + 1);
  const around = await repos.treatmentSessions.schedule({
    clinicId,
    from: new Date(start - longestSessionMs).toISOString(),
    to: new Date(end).toISOString(),
    status: 'planned',
    ...(opening.practitionerId ? { practitionerId: opening.practitionerId } : {}),
    ...(opening.locationId ? { locationId: opening.locationId } : {}),
    limit: 100,
    offset: 0,
  });
  return around.some(({ session }) => {
    if (!opening.practitionerId && session.roomId !== opening.roomId) return false;
    const from = Date.parse(session.scheduledAt);
    return from < end && from + (session.durationMinutes ?? 0) * 60_000 > start;
  });
}

async function asOpenSlot(repos: Repositories, opening: SlotOpeningRecord): Promise<OpenSlot | undefined> {
  if (!opening.locationId) return undefined;
  const location = await repos.clinics.findLocation(opening.locationId);
  if (!location) return undefined;
  return { opening, location, local: localSlot(opening.startsAt, opening.durationMinutes ?? 0, location.timeZone) };
}

/** The clinic's slots that opened from now on and are still free, soonest first, one per practitioner and time. */
export async function listOpenSlots(
  repos: Repositories,
  query: { user: UserRecord; now: string; days: number },
): Promise<OpenSlot[]> {
  const { clinicId } = query.user;
  const nowMs = Date.parse(query.now);
  const openings = await repos.frontDesk.listSlotOpenings({
    clinicId,
    from: query.now,
    to: new Date(nowMs + query.days * 24 * hourMs).toISOString(),
    limit: maxOpenings * 4,
  });
  const seen = new Set<string>();
  const slots: OpenSlot[] = [];
  for (const opening of openings) {
    const key = `${opening.practitionerId ?? opening.roomId ?? ''}@${opening.startsAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (await taken(repos, clinicId, opening)) continue;
    const slot = await asOpenSlot(repos, opening);
    if (slot) slots.push(slot);
    if (slots.length >= maxOpenings) break;
  }
  return slots;
}

/** An opening of the user's clinic, as a slot; another clinic's is "not found". */
export async function loadOpenSlot(repos: Repositories, user: UserRecord, openingId: string): Promise<OpenSlot> {
  const opening = await repos.frontDesk.findSlotOpening(openingId);
  const slot = opening && opening.clinicId === user.clinicId ? await asOpenSlot(repos, opening) : undefined;
  if (!slot) throw notFound('slot opening');
  return slot;
}

/** Why a course could not be searched for: the assessment allows no booking yet, and the like. */
function refusal(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  throw error;
}

/**
 * Who on the waiting list could take an opened slot: for each waiting patient (longest waiting
 * first) whose days and times the slot suits, the course finder searches their course's plan from
 * the slot's day with the slot's practitioner. Nothing is booked.
 */
export async function candidatesFor(
  repos: Repositories,
  input: { user: UserRecord; slot: OpenSlot; now: string },
): Promise<OpeningCandidate[]> {
  const { slot, now } = input;
  const lines = await listWaitingList(repos, { user: input.user });
  let searches = 0;
  const candidates: OpeningCandidate[] = [];
  for (const line of lines) {
    const { entry, course } = line;
    if (!slotSuits(entry, slot.local)) {
      candidates.push({ line, fit: 'outside_preferences' });
      continue;
    }
    if (!course) {
      candidates.push({ line, fit: 'not_ready', reason: 'no course of this indication is ready to book' });
      continue;
    }
    if (searches >= maxSearches) {
      candidates.push({ line, fit: 'not_checked' });
      continue;
    }
    searches += 1;
    try {
      const assessmentStart = await earliestStartOf(repos, course);
      const { result } = await proposeCourse(repos, {
        location: slot.location,
        plan: course.plan,
        now,
        ...(assessmentStart ? { assessmentStart } : {}),
        options: {
          earliestStart: slot.local.date,
          preferences: {
            weekdays: asWeekdays(entry.weekdays),
            timesOfDay: entry.timesOfDay,
            ...(slot.opening.practitionerId ? { practitionerId: slot.opening.practitionerId } : {}),
          },
        },
      });
      if (result.status === 'found')
        candidates.push({
          line,
          fit: result.course.firstDate === slot.local.date ? 'fits' : 'starts_later',
          course: result.course,
        });
      else
        candidates.push({
          line,
          fit: 'no_course',
          reason: result.explanation[0]?.message ?? 'no course keeps the intervals from this day',
        });
    } catch (error) {
      candidates.push({ line, fit: 'not_ready', reason: refusal(error) });
    }
  }
  const order: Record<OpeningFit, number> = {
    fits: 0,
    starts_later: 1,
    no_course: 2,
    not_ready: 3,
    not_checked: 4,
    outside_preferences: 5,
  };
  // Stable: within a kind, the longest waiting first.
  return candidates.sort((a, b) => order[a.fit] - order[b.fit]);
}
