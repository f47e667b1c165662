import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../core/dates/iso-date.js';
import { daysBetween, prepareLocation, type SchedulingClinic } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import {
  asPortalBooking,
  newPortalPatients,
  offers,
  portalIntake,
  refusal,
  screenThroughPortal,
  type PortalPatient,
} from './test-support/portal-patients.js';

interface SessionJson {
  id: string;
  number: number;
  scheduledAt: string;
  localDate: string;
  status: string;
  changeable: boolean;
}

/**
 * Moving and cancelling in the portal: only outside the clinic's notice period (an admin sets it;
 * within it the answer is a 409 saying to call the clinic), only to a time beyond it, and only inside
 * the course's interval window; the course re-flows as when the clinic moves a session.
 */
forEachApp('portal session changes', (get) => {
  let clinic: SchedulingClinic;
  let admin: TestClient;
  beforeAll(async () => {
    clinic = await prepareLocation(get());
    admin = await get().signIn('admin');
  });

  /** A patient with a four-session course booked in the portal, starting a week or more from today. */
  async function bookedPatient(): Promise<PortalPatient & { sessions: SessionJson[] }> {
    const [booked] = await newPortalPatients(get(), 1);
    const screening = await screenThroughPortal(booked!.client, portalIntake(booked!.patient, 7));
    const offered = await offers(booked!.client, {
      assessmentId: screening.assessmentId,
      locationId: clinic.location.id,
    });
    const response = await booked!.client.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: asPortalBooking(screening.assessmentId, clinic.location.id, offered[0]!),
    });
    if (response.statusCode !== 201) throw new Error(`booking: ${response.body}`);
    return { ...booked!, sessions: response.json().course.sessions };
  }
  const setNotice = async (noticeHours: number) => {
    const response = await admin.inject({
      method: 'PUT',
      url: `/api/clinics/${get().fixture.clinic.id}/portal-settings`,
      payload: { noticeHours },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const storedTimes = async (patientId: string) =>
    (await get().repos.treatmentSessions.listByPatient(patientId))
      .map((s) => `${s.id} ${s.scheduledAt} ${s.status}`)
      .sort();

  it('lets an admin set the notice period, 24 hours by default, and names a bad value', async () => {
    const url = `/api/clinics/${get().fixture.clinic.id}/portal-settings`;
    expect((await admin.inject({ method: 'GET', url })).json()).toEqual({ noticeHours: 24, isDefault: true });
    await setNotice(48);
    expect((await admin.inject({ method: 'GET', url })).json()).toEqual({ noticeHours: 48, isDefault: false });
    const bad = await admin.inject({ method: 'PUT', url, payload: { noticeHours: 721 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].field).toBe('noticeHours');
    const other = await get().signInElsewhere('admin');
    expect((await other.inject({ method: 'PUT', url, payload: { noticeHours: 1 } })).statusCode).toBe(404);
    await setNotice(24);
  });

  it("offers times inside the interval window and moves the session there, re-flowing the course's later ones", async () => {
    const { patient, client, sessions } = await bookedPatient();
    const second = sessions[1]!;
    const options = await client.inject({ method: 'GET', url: `/api/portal/sessions/${second.id}/move-options` });
    expect(options.statusCode, options.body).toBe(200);
    const { window, options: times } = options.json();
    expect(window).toMatchObject({ from: addDays(sessions[0]!.localDate, 7), to: addDays(sessions[0]!.localDate, 14) });
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((t: { localDate: string }) => t.localDate >= window.from && t.localDate <= window.to)).toBe(
      true,
    );
    expect(times.map((t: { start: string }) => Date.parse(t.start))).not.toContain(Date.parse(second.scheduledAt));

    const target = times.at(-1);
    const moved = await client.inject({
      method: 'POST',
      url: `/api/portal/sessions/${second.id}/reschedule`,
      payload: { start: target.start },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const course = moved.json().course;
    expect(moved.json().moved).toContain(second.id);
    expect(course.sessions[1]).toMatchObject({
      id: second.id,
      localDate: target.localDate,
      localTime: target.localTime,
    });
    for (let i = 1; i < course.sessions.length; i++) {
      const gap = daysBetween(course.sessions[i - 1].localDate, course.sessions[i].localDate);
      expect(gap).toBeGreaterThanOrEqual(7);
      expect(gap).toBeLessThanOrEqual(14);
    }
    const stored = await get().repos.treatmentSessions.findById(second.id);
    expect(Date.parse(stored!.scheduledAt)).toBe(Date.parse(target.start));
    void patient;
  });

  it("refuses a move outside the course's interval window with what to do, moving nothing", async () => {
    const { patient, client, sessions } = await bookedPatient();
    const before = await storedTimes(patient.id);
    const third = sessions[2]!;
    const tooLate = `${addDays(sessions[1]!.localDate, 20)}T09:00:00Z`;
    const response = await client.inject({
      method: 'POST',
      url: `/api/portal/sessions/${third.id}/reschedule`,
      payload: { start: tooLate },
    });
    expect(response.statusCode).toBe(409);
    expect(refusal(response)).toMatchObject({
      error: 'outside_interval_window',
      next: 'choose_again',
      from: addDays(sessions[1]!.localDate, 7),
      to: addDays(sessions[1]!.localDate, 14),
    });
    expect(refusal(response).message).toContain('session 3 must be between');
    // Years out (a typo) is bad input naming the field, not a day the calendar is asked to name.
    const typo = await client.inject({
      method: 'POST',
      url: `/api/portal/sessions/${third.id}/reschedule`,
      payload: { start: '9999-12-31T23:59:59Z' },
    });
    expect([typo.statusCode, typo.json().problems?.[0]?.field]).toEqual([400, 'start']);
    expect(await storedTimes(patient.id)).toEqual(before);
  });

  it('refuses, within the notice period, to move, cancel or offer times, saying to call the clinic', async () => {
    const { patient, client, sessions } = await bookedPatient();
    const before = await storedTimes(patient.id);
    // The first session is a week or so away: a notice period of 30 days covers it.
    await setNotice(720);
    try {
      const first = sessions[0]!;
      const plan = (await client.inject({ method: 'GET', url: '/api/portal/plan' })).json();
      expect(plan.noticeHours).toBe(720);
      expect(plan.courses[0].sessions[0].changeable).toBe(false);
      for (const request of [
        { method: 'GET' as const, url: `/api/portal/sessions/${first.id}/move-options` },
        { method: 'POST' as const, url: `/api/portal/sessions/${first.id}/cancel` },
        {
          method: 'POST' as const,
          url: `/api/portal/sessions/${first.id}/reschedule`,
          payload: { start: new Date(Date.parse(first.scheduledAt) + 86_400_000).toISOString() },
        },
      ]) {
        const response = await client.inject(request);
        expect(response.statusCode, request.url).toBe(409);
        expect(refusal(response)).toMatchObject({ error: 'notice_period_passed', next: 'call_clinic' });
        expect(refusal(response).message).toContain('call the clinic');
      }
      expect(await storedTimes(patient.id)).toEqual(before);
    } finally {
      await setNotice(24);
    }
  });

  it('refuses a move to a time within the notice period from now', async () => {
    const { client, sessions } = await bookedPatient();
    const response = await client.inject({
      method: 'POST',
      url: `/api/portal/sessions/${sessions[0]!.id}/reschedule`,
      payload: { start: new Date(Date.now() + 2 * 3_600_000).toISOString() },
    });
    expect(response.statusCode).toBe(409);
    expect(refusal(response)).toMatchObject({ error: 'too_soon', next: 'choose_again' });
  });

  it("cancels a session outside the notice period and frees its slot; never another patient's", async () => {
    const { patient, client, sessions } = await bookedPatient();
    const [other] = await newPortalPatients(get(), 1);
    const last = sessions[3]!;
    const theirs = await other!.client.inject({ method: 'POST', url: `/api/portal/sessions/${last.id}/cancel` });
    expect(theirs.statusCode).toBe(404);
    const response = await client.inject({ method: 'POST', url: `/api/portal/sessions/${last.id}/cancel` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().course.sessions.map((s: SessionJson) => s.id)).not.toContain(last.id);
    expect((await get().repos.treatmentSessions.findById(last.id))!.status).toBe('cancelled');
    expect(await get().repos.availability.listSlotClaims(last.id)).toEqual([]);
    const again = await client.inject({ method: 'POST', url: `/api/portal/sessions/${last.id}/cancel` });
    expect(refusal(again)).toMatchObject({ error: 'session_closed' });
    void patient;
  });
});
