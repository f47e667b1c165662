import type { TimedInstruction } from '../api/assessment-types';

const hour = 3_600_000;

/** A preparation step for a session: from when it applies (the longest window before the session). */
export function preparationStart(instruction: TimedInstruction, sessionAt: string): Date {
  return new Date(Date.parse(sessionAt) - instruction.hours.max * hour);
}

/** An aftercare instruction's end: the longest window after the session, as the sheet prints it. */
export function aftercareEnd(instruction: TimedInstruction, sessionAt: string): Date {
  return new Date(Date.parse(sessionAt) + instruction.hours.max * hour);
}

/** Only instructions for the course's area (some are for body areas only). */
export function forArea(instructions: readonly TimedInstruction[], area: string): TimedInstruction[] {
  return instructions.filter((i) => !i.areas || i.areas.includes(area));
}
