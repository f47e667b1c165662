import { describe, expect, it } from 'vitest';
import { measureDefinitions } from './outcome-measures.js';
import { courseSeries, seriesResult, type MeasureValue } from './outcome-series.js';

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function value(fields: Partial<MeasureValue> & Pick<MeasureValue, 'value'>): MeasureValue {
  const sessionId = fields.sessionId === undefined ? null : fields.sessionId;
  return {
    measure: 'hair_grade_male',
    rater: 'practitioner',
    site: null,
    sessionId,
    sessionAt: sessionId === null ? null : at(Number(sessionId.slice(1))),
    recordedAt: sessionId === null ? at(1) : at(Number(sessionId.slice(1))),
    ...fields,
  };
}

describe('a course series', () => {
  it('puts the baseline first and sessions in time order, whatever order they were recorded in', () => {
    const [series] = courseSeries([
      value({ sessionId: 's20', value: 3 }),
      value({ value: 5 }),
      value({ sessionId: 's10', value: 4, recordedAt: at(25) }),
    ]);
    expect(series?.points.map((p) => [p.sessionId, p.value])).toEqual([
      [null, 5],
      ['s10', 4],
      ['s20', 3],
    ]);
    expect(series).toMatchObject({ baseline: 5, latest: { sessionId: 's20', value: 3 }, change: -2, improved: true });
  });

  it('keeps separate series per measure, rater and site, in a stable order', () => {
    const series = courseSeries([
      value({ measure: 'circumference', site: 'waist', value: 90 }),
      value({ measure: 'gais', rater: 'patient', sessionId: 's10', value: 2 }),
      value({ measure: 'circumference', site: 'hips', value: 101 }),
      value({ measure: 'gais', sessionId: 's10', value: 3 }),
    ]);
    expect(series.map((s) => `${s.measure}/${s.rater}/${s.site ?? '-'}`)).toEqual([
      'gais/practitioner/-',
      'gais/patient/-',
      'circumference/practitioner/hips',
      'circumference/practitioner/waist',
    ]);
  });

  it('judges a rating scale by its latest rating, and has no change from a baseline', () => {
    const [series] = courseSeries([
      value({ measure: 'gais', sessionId: 's10', value: 2 }),
      value({ measure: 'gais', sessionId: 's20', value: 4 }),
    ]);
    expect(series).toMatchObject({ baseline: null, change: null, improved: false, latest: { value: 4 } });
    expect(seriesResult(measureDefinitions.gais, null, 3)).toEqual({ change: null, improved: true });
  });

  it('has no result while a graded measure lacks a baseline or a value after a session', () => {
    expect(courseSeries([value({ value: 4 })])[0]).toMatchObject({ latest: null, change: null, improved: null });
    expect(courseSeries([value({ sessionId: 's10', value: 4 })])[0]).toMatchObject({ change: null, improved: null });
  });

  it('counts an improvement only from the measure’s threshold, without float noise', () => {
    const waist = (before: number, after: number) =>
      courseSeries([
        value({ measure: 'circumference', site: 'waist', value: before }),
        value({ measure: 'circumference', site: 'waist', sessionId: 's10', value: after }),
      ])[0];
    expect(waist(88.1, 87.1)).toMatchObject({ change: -1, improved: true });
    expect(waist(88.1, 87.2)).toMatchObject({ change: -0.9, improved: false });
    expect(waist(88.1, 90.4)).toMatchObject({ change: 2.3, improved: false });
    expect(seriesResult(measureDefinitions.pain_nrs, 7, 6)).toEqual({ change: -1, improved: false });
    expect(seriesResult(measureDefinitions.pain_nrs, 7, 5)).toEqual({ change: -2, improved: true });
  });

  it('takes the later recorded of two values in one slot', () => {
    const [series] = courseSeries([
      value({ sessionId: 's10', value: 4, recordedAt: at(12) }),
      value({ sessionId: 's10', value: 3, recordedAt: at(11) }),
    ]);
    expect(series?.points.map((p) => p.value)).toEqual([4]);
  });
});
