import { describe, expect, it } from 'vitest';
import type { CourseRecord } from '../records/index.js';
import { bookableCourse } from './bookable-course.js';

const course = (id: string, fields: Partial<CourseRecord> = {}): CourseRecord => ({
  id,
  patientId: 'p',
  assessmentId: null,
  indication: 'hair_loss',
  area: 'scalp',
  plan: {} as CourseRecord['plan'],
  status: 'active',
  createdBy: null,
  createdAt: `2026-01-0${id.length}T00:00:00.000Z`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('bookable course', () => {
  it('is the newest active course of the indication with nothing booked or held', () => {
    const older = course('a');
    const newer = course('bb');
    expect(
      bookableCourse(
        [
          { course: older, sessionStatuses: [] },
          { course: newer, sessionStatuses: [] },
        ],
        'hair_loss',
      ),
    ).toBe(newer);
    // Cancelled sessions leave a course free to book again; planned, done or missed ones do not.
    expect(
      bookableCourse(
        [
          { course: older, sessionStatuses: ['cancelled'] },
          { course: newer, sessionStatuses: ['planned'] },
        ],
        'hair_loss',
      ),
    ).toBe(older);
    for (const status of ['planned', 'done', 'no_show'] as const)
      expect(bookableCourse([{ course: older, sessionStatuses: [status] }], 'hair_loss')).toBeUndefined();
    expect(
      bookableCourse([{ course: course('c', { status: 'completed' }), sessionStatuses: [] }], 'hair_loss'),
    ).toBeUndefined();
    expect(bookableCourse([{ course: older, sessionStatuses: [] }], 'skin_quality')).toBeUndefined();
  });
});
