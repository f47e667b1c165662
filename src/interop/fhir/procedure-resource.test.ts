import { describe, expect, it } from 'vitest';
import { fhirSchemaErrors } from '../test-support/fhir-schema-validator.js';
import { id, overriddenChart, sampleGroup } from '../test-support/sample-records.js';
import { localIdentifiers } from './code-maps.js';
import { procedureResource } from './procedure-resource.js';

describe('the Procedure of a charted session', () => {
  const group = sampleGroup();
  const chart = group.chartEntries[0]!;
  const session = group.sessions.find((s) => s.id === chart.sessionId)!;
  const course = group.courses[0];

  const gated = overriddenChart(chart);

  it('notes the override with its reason, the confirmed out-of-plan values and each addendum with its author, oldest first', () => {
    const procedure = procedureResource(gated, session, course, []);
    const notes = procedure.note ?? [];
    expect(notes.map((n) => n.text)).toEqual([
      expect.stringMatching(/^3 injection points/),
      'Tolerated well.',
      'Treated despite NSAID_WITHIN_7_DAYS (verdict defer), overridden by the clinician: Prescriber agreed by phone',
      'Depths or volumes outside the plan, confirmed by the clinician.',
      'Addendum: Bruise at the temple the next day.',
      'Addendum: Settled by day three.',
    ]);
    expect(notes[2]).toMatchObject({
      time: '2026-11-23T07:05:00.000Z',
      authorReference: { type: 'Practitioner', identifier: { system: localIdentifiers.user, value: id('user', 1) } },
    });
    expect(notes[4]).toMatchObject({ time: '2026-11-24T08:00:00.000Z', authorString: 'Dr Pia' });
    expect(notes[5]).toMatchObject({ authorReference: { identifier: { value: id('user', 2) } } });
    expect(fhirSchemaErrors(procedure)).toEqual([]);
  }, 60_000);

  it('adds nothing for a chart written without override, confirmation or addenda', () => {
    const plain = procedureResource(
      { ...chart, override: null, outsidePlanConfirmed: false, addenda: [] },
      session,
      course,
      [],
    );
    expect(plain.note?.map((n) => n.text)).toEqual([expect.stringMatching(/^3 injection points/), 'Tolerated well.']);
  });
});
