import type {
  Booking,
  ClinicLocation,
  PractitionerAvailability,
  ScheduleInput,
  WeeklyHours,
} from '../core/scheduling/availability.js';
import type { CoursePlan } from '../core/scheduling/course-request.js';
import type { CourseResult, ProposedCourse } from '../core/scheduling/course-result.js';

/** Small builders for the scheduling tests: plain data, with no test-runner imports. */

export const weekdaysNineToFive: WeeklyHours = {
  1: [{ start: '09:00', end: '17:00' }],
  2: [{ start: '09:00', end: '17:00' }],
  3: [{ start: '09:00', end: '17:00' }],
  4: [{ start: '09:00', end: '17:00' }],
  5: [{ start: '09:00', end: '17:00' }],
};

export function testPlan(overrides: Partial<CoursePlan> = {}): CoursePlan {
  return {
    sessions: { min: 4, max: 10 },
    intervalDays: { min: 7, max: 14 },
    durationMinutes: { min: 20, max: 30 },
    anaesthesia: { creamOffered: false, leadMinutes: { min: 20, max: 30 } },
    ...overrides,
  };
}

export function testPractitioner(
  id: string,
  overrides: Partial<PractitionerAvailability> = {},
): PractitionerAvailability {
  return { practitionerId: id, name: `Dr ${id}`, weeklyHours: weekdaysNineToFive, ...overrides };
}

export function testClinic(
  options: {
    timeZone?: string;
    practitioners?: PractitionerAvailability[];
    rooms?: string[];
    bookings?: Booking[];
    closures?: ClinicLocation['closures'];
    openingHours?: ClinicLocation['openingHours'];
  } = {},
): ScheduleInput {
  return {
    location: {
      id: 'main',
      timeZone: options.timeZone ?? 'Europe/Istanbul',
      rooms: (options.rooms ?? ['r1']).map((id) => ({ id })),
      ...(options.closures ? { closures: options.closures } : {}),
      ...(options.openingHours ? { openingHours: options.openingHours } : {}),
    },
    practitioners: options.practitioners ?? [testPractitioner('a')],
    bookings: options.bookings ?? [],
  };
}

/** The course the finder found; a test that expected one fails with the finder's explanation. */
export function found(result: CourseResult): ProposedCourse {
  if (result.status !== 'found') throw new Error(`expected a course, got ${JSON.stringify(result.explanation)}`);
  return result.course;
}
