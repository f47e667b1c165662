import { describe, expect, it } from 'vitest';
import {
  attributedPractitioner,
  clinicResults,
  seriesInWindow,
  type CourseOutcomes,
  type MeasureResult,
} from './clinic-results.js';
import { courseSeries, type MeasureValue } from './outcome-series.js';

let courseCount = 0;

/** A course with a baseline grade and a later one, plus the practitioner's and the patient's GAIS. */
function course(
  fields: Partial<CourseOutcomes>,
  grade: [number, number] | null,
  gais: { practitioner?: number; patient?: number } = {},
): CourseOutcomes {
  const values: MeasureValue[] = [];
  const after = { sessionId: 's1', sessionAt: '2026-04-01T09:00:00.000Z', recordedAt: '2026-04-01T10:00:00.000Z' };
  if (grade) {
    const base = { measure: 'hair_grade_male', rater: 'practitioner', site: null } as const;
    values.push({ ...base, sessionId: null, sessionAt: null, value: grade[0], recordedAt: '2026-01-05T09:00:00.000Z' });
    values.push({ ...base, ...after, value: grade[1] });
  }
  for (const rater of ['practitioner', 'patient'] as const) {
    const rating = gais[rater];
    if (rating !== undefined) values.push({ measure: 'gais', rater, site: null, ...after, value: rating });
  }
  return {
    courseId: `c${++courseCount}`,
    indication: 'hair_loss',
    practitionerId: 'p1',
    productIds: [],
    series: courseSeries(values),
    ...fields,
  };
}

const result = (measures: MeasureResult[], measure: string, rater = 'practitioner') =>
  measures.find((m) => m.measure === measure && m.rater === rater);

describe('clinic results', () => {
  it('counts per indication: results, share improved and mean change, with courses still awaiting a result', () => {
    const { byIndication } = clinicResults([
      course({}, [5, 4], { practitioner: 2, patient: 3 }),
      course({}, [4, 4], { practitioner: 4, patient: 2 }),
      course({}, [6, 3], { patient: 5 }),
      course({ indication: 'skin_rejuvenation' }, null, { practitioner: 1 }),
    ]);
    expect(byIndication.map((g) => [g.key, g.courses])).toEqual([
      ['hair_loss', 3],
      ['skin_rejuvenation', 1],
    ]);
    const hair = byIndication[0]!.measures;
    expect(result(hair, 'hair_grade_male')).toEqual({
      measure: 'hair_grade_male',
      rater: 'practitioner',
      results: 3,
      courses: 3,
      improved: 2,
      shareImproved: 0.667,
      meanChange: -1.33,
      meanLatest: 3.67,
      awaiting: 0,
    });
    expect(result(hair, 'gais')).toMatchObject({ results: 2, improved: 1, shareImproved: 0.5, meanChange: null });
    expect(result(hair, 'gais', 'patient')).toMatchObject({ results: 3, improved: 2, meanLatest: 3.33 });
  });

  it('groups by practitioner (courses without one together) and counts a course for every product it used', () => {
    const { byPractitioner, byProduct } = clinicResults([
      course({ practitionerId: 'p1', productIds: ['a', 'b'] }, [5, 4]),
      course({ practitionerId: 'p2', productIds: ['a'] }, [5, 5]),
      course({ practitionerId: null, productIds: [] }, [5, 3]),
    ]);
    expect(byPractitioner.map((g) => [g.key, result(g.measures, 'hair_grade_male')?.improved])).toEqual([
      ['p1', 1],
      ['p2', 0],
      [null, 1],
    ]);
    expect(byProduct.map((g) => [g.key, g.courses, result(g.measures, 'hair_grade_male')?.shareImproved])).toEqual([
      ['a', 2, 0.5],
      ['b', 1, 1],
    ]);
  });

  it('counts a baseline with nothing after it as awaiting, not as a result', () => {
    const awaiting: CourseOutcomes = {
      ...course({}, null),
      series: courseSeries([
        {
          measure: 'hair_grade_male',
          rater: 'practitioner',
          site: null,
          sessionId: null,
          sessionAt: null,
          value: 5,
          recordedAt: '2026-01-05T09:00:00.000Z',
        },
      ]),
    };
    const [group] = clinicResults([awaiting]).byIndication;
    expect(result(group!.measures, 'hair_grade_male')).toMatchObject({
      results: 0,
      awaiting: 1,
      shareImproved: null,
      meanChange: null,
    });
  });

  it('leaves out courses without any series', () => {
    expect(clinicResults([course({}, null)])).toEqual({ byIndication: [], byPractitioner: [], byProduct: [] });
  });

  it('attributes a course to who held most of its sessions, the latest of them on a tie', () => {
    const held = (practitionerId: string | null, day: number) => ({
      practitionerId,
      scheduledAt: `2026-02-${String(day).padStart(2, '0')}T10:00:00.000Z`,
    });
    expect(attributedPractitioner([held('a', 1), held('b', 2), held('a', 3)])).toBe('a');
    expect(attributedPractitioner([held('a', 1), held('b', 2)])).toBe('b');
    expect(attributedPractitioner([held('b', 9), held('a', 1), held('a', 12), held('b', 2)])).toBe('a');
    expect(attributedPractitioner([held(null, 1)])).toBeNull();
    expect(attributedPractitioner([])).toBeNull();
  });

  it('keeps a series in a window by the day, where the clinic is, of its latest value', () => {
    const [series] = course({}, [5, 4]).series.filter((s) => s.measure === 'hair_grade_male');
    // The later grade was recorded on 1 April at 10:00 UTC.
    expect(seriesInWindow(series!, { from: '2026-04-01', to: '2026-04-30', timeZone: 'UTC' })).toBe(true);
    expect(seriesInWindow(series!, { from: '2026-04-02', to: '2026-04-30', timeZone: 'UTC' })).toBe(false);
    expect(seriesInWindow(series!, { from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC' })).toBe(false);
    // 22:30 UTC on 31 March is already 1 April in Istanbul (UTC+3).
    const late = { ...series!, latest: { ...series!.latest!, recordedAt: '2026-03-31T22:30:00.000Z' } };
    expect(seriesInWindow(late, { from: '2026-04-01', to: '2026-04-30', timeZone: 'Europe/Istanbul' })).toBe(true);
    expect(seriesInWindow(late, { from: '2026-04-01', to: '2026-04-30', timeZone: 'UTC' })).toBe(false);
  });
});
