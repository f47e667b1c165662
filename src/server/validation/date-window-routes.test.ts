import { beforeAll, expect, it } from 'vitest';
import { healthyIntake } from '../../test-support/intake-examples.js';
import { daysFromToday } from '../../test-support/relative-dates.js';
import { forEachApp, signInRoles, type TestClient } from '../../test-support/test-app.js';

/**
 * The date filters and dates left after issue 23's first round, each held to a sane range with a
 * 400 naming the field: the schedule, calendar feeds and the audit log search ten years back to five
 * ahead; an intake's dates lie from 1900 to five years ahead, its birth date not after today.
 */
const problem = (field: string, message: RegExp) => [{ field, message: expect.stringMatching(message) }];
const between = /^must be between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d/;
const at = (date: string) => encodeURIComponent(`${date}T00:00:00Z`);

forEachApp('date filters and intake dates in range', (get) => {
  let admin: TestClient;
  let reception: TestClient;
  let practitioner: TestClient;

  beforeAll(async () => {
    ({ admin, reception, practitioner } = await signInRoles(get(), ['admin', 'reception', 'practitioner']));
  });

  const query = async (client: TestClient, url: string) => {
    const response = await client.inject({ method: 'GET', url });
    return { status: response.statusCode, problems: response.statusCode === 400 ? response.json().problems : [] };
  };

  it('searches the schedule and the audit log from ten years back to five ahead, to not before from', async () => {
    for (const url of ['/api/sessions', '/api/audit', '/api/audit/denied']) {
      const client = url === '/api/sessions' ? reception : admin;
      expect(
        await query(client, `${url}?from=${at(daysFromToday(-9 * 366))}&to=${at(daysFromToday(4 * 366))}`),
      ).toEqual({ status: 200, problems: [] });
      expect(await query(client, `${url}?from=${at(daysFromToday(-11 * 366))}`), url).toEqual({
        status: 400,
        problems: problem('from', between),
      });
      expect(await query(client, `${url}?from=${at('0001-01-01')}`), url).toEqual({
        status: 400,
        problems: problem('from', between),
      });
      expect(await query(client, `${url}?to=${at(daysFromToday(6 * 366))}`), url).toEqual({
        status: 400,
        problems: problem('to', /^must be between .* \(from 10 years ago to 5 years ahead\)$/),
      });
      expect(await query(client, `${url}?from=${at(daysFromToday(1))}&to=${at(daysFromToday(0))}`), url).toEqual({
        status: 400,
        problems: problem('to', /^must not be before from$/),
      });
    }
  });

  it("keeps a practitioner's calendar feed to the same years", async () => {
    const feed = (range: string) =>
      query(practitioner, `/api/practitioners/${get().fixture.users.practitioner.id}/calendar.ics?${range}`);
    expect((await feed(`from=${at(daysFromToday(-30))}&to=${at(daysFromToday(30))}`)).status).toBe(200);
    expect(await feed(`from=${at('1000-01-01')}&to=${at('1000-02-01')}`)).toEqual({
      status: 400,
      problems: problem('from', between),
    });
    expect(await feed(`from=${at(daysFromToday(6 * 366))}&to=${at(daysFromToday(6 * 366 + 30))}`)).toEqual({
      status: 400,
      problems: problem('from', between),
    });
  });

  it("holds an intake's dates to 1900..five years ahead, its birth date to today, naming the field", async () => {
    const { fixture } = get();
    const intake = (patient: object = {}, request: object = {}) => {
      const base = healthyIntake(fixture.patient.birthDate, daysFromToday(7));
      return { patient: { ...base.patient, ...patient }, request: { ...base.request, ...request } };
    };
    const nsaid = (lastDose: string) => ({ medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose }] });
    const cases: [object, string, RegExp][] = [
      [intake({ birthDate: '1899-12-31' }), 'patient.birthDate', /^must be 1900-01-01 or later$/],
      [intake({ birthDate: daysFromToday(1) }, { date: daysFromToday(30) }), 'patient.birthDate', /^must not be in/],
      [intake({}, { date: daysFromToday(6 * 366) }), 'request.date', /\(from 1900-01-01 to 5 years ahead\)$/],
      [intake(nsaid('9999-01-01')), 'patient.medications[0].lastDose', between],
      [intake({ conditions: [{ code: 'asthma', date: '1850-01-01' }] }), 'patient.conditions[0].date', between],
      [
        intake({ recentProcedures: [{ type: 'peel', date: '0999-01-01' }] }),
        'patient.recentProcedures[0].date',
        between,
      ],
    ];
    const before = (await get().repos.intakes.listByPatient(fixture.patient.id)).length;
    for (const [payload, field, message] of cases) {
      const stateless = await practitioner.inject({ method: 'POST', url: '/api/assessments', payload });
      expect(stateless.statusCode, field).toBe(400);
      expect(stateless.json().problems, field).toEqual(problem(field, message));
      const stored = await practitioner.inject({
        method: 'POST',
        url: `/api/patients/${fixture.patient.id}/intakes`,
        payload,
      });
      // A birth date unlike the record's is refused either way; the range is what the others show.
      expect(stored.statusCode, field).toBe(400);
      if (field !== 'patient.birthDate') expect(stored.json().problems, field).toEqual(problem(field, message));
    }
    expect(await get().repos.intakes.listByPatient(fixture.patient.id)).toHaveLength(before);
    const fine = intake(nsaid(daysFromToday(-2)), { date: daysFromToday(5 * 365 - 2) });
    expect((await practitioner.inject({ method: 'POST', url: '/api/assessments', payload: fine })).statusCode).toBe(
      200,
    );
  });
});
