import { expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';
import { nothingStored, useTreatmentGate } from './test-support/treatment-gate-fixture.js';

/** Checks a chart must pass after the treatment gate: depths inside the plan, no anaesthetic the patient is allergic to. */
forEachApp('chart safety checks', (get) => {
  const { setup, newPatient, sessionOf, point, chartBody, chart, storedFor } = useTreatmentGate(get);

  it('asks for confirmation of a depth outside the plan, and stores that it was given', async () => {
    const { practitioner } = setup();
    const session = await sessionOf(await newPatient());
    const outside = await chart(practitioner, session.id, chartBody({ points: [point(), point({ depthMm: 6 })] }));
    expect(outside.statusCode, outside.body).toBe(409);
    expect(outside.json()).toMatchObject({
      error: 'outside_plan',
      points: [{ index: 1, field: 'points[1].depthMm', value: 6, range: { min: 1, max: 4 } }],
    });
    expect(await storedFor(session.id)).toEqual(nothingStored);

    const confirmed = await chart(
      practitioner,
      session.id,
      chartBody({ points: [point(), point({ depthMm: 6 })], confirmOutsidePlan: true }),
    );
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().chart).toMatchObject({
      outsidePlanConfirmed: true,
      override: null,
      screening: { verdict: 'eligible' },
    });
    expect(
      (await practitioner.inject({ method: 'GET', url: `/api/sessions/${session.id}/chart` })).json()
        .outsidePlanConfirmed,
    ).toBe(true);

    // A confirmation with nothing outside the plan records nothing to confirm.
    const within = await sessionOf(await newPatient());
    expect(
      (await chart(practitioner, within.id, chartBody({ confirmOutsidePlan: true }))).json().chart.outsidePlanConfirmed,
    ).toBe(false);
  });

  it('refuses an anaesthetic the patient is allergic to, under any of its names, and never as an override', async () => {
    const { practitioner } = setup();
    const session = await sessionOf(await newPatient({ allergies: [{ substance: 'lidocaine' }] }));
    for (const agent of ['Lidocaine cream', 'lignocaine 5%', 'numbing cream']) {
      const refused = await chart(
        practitioner,
        session.id,
        chartBody({ anaesthesiaUsed: true, anaesthesiaAgent: agent, override: { reason: 'Patient wants it' } }),
      );
      expect(refused.statusCode, agent).toBe(409);
      expect(refused.json()).toMatchObject({
        error: 'anaesthetic_allergy',
        allergen: 'lidocaine',
        allergens: ['lidocaine'],
      });
    }
    expect(await storedFor(session.id)).toEqual(nothingStored);
    const iced = await chart(
      practitioner,
      session.id,
      chartBody({ anaesthesiaUsed: true, anaesthesiaAgent: 'Ice pack' }),
    );
    expect(iced.statusCode, iced.body).toBe(201);
    // The override sent with nothing to override is not recorded.
    expect(iced.json().chart.override).toBeNull();
  });
});
