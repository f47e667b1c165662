import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import { daysFromToday, januaryMonday } from '../../../src/test-support/relative-dates.js';
import type { TestApp, TestClient } from '../../../src/test-support/test-app.js';
import type { SampleWrite } from './sample-request.js';
import { expectStatus, restorePatientPassword, type SampleRecords } from './sample-records.js';

/**
 * Sample writes of the patient portal (as the fixture patient): a screening, course offers, a
 * booking, moving and cancelling a session booked online, a consultation request; the front desk
 * marking one handled; the clinic's notice period.
 */
export function portalSampleWrites(
  { repos, fixture, newSchedulingPlace }: SampleRecords,
  test: TestApp,
): Record<string, SampleWrite> {
  // Signed in afresh for each sample: other samples (a sign-out everywhere, a password change) may end
  // a session kept from an earlier one, or leave the patient with another password.
  const patientClient = async (): Promise<TestClient> => {
    await restorePatientPassword(repos, fixture);
    return test.signIn('patient');
  };
  const intake = () => healthyIntake(fixture.patient.birthDate, daysFromToday(1));

  /** A fresh bookable screening of the fixture patient, and a place of its own to book at. */
  const screenedAtPlace = async () => {
    const client = await patientClient();
    const screened = await client.inject({ method: 'POST', url: '/api/portal/intakes', payload: intake() });
    expectStatus(screened, 201, 'portal screening');
    const place = await newSchedulingPlace();
    return { client, assessmentId: screened.json().assessmentId as string, locationId: place.locationId };
  };

  /** The sessions of the first course the portal offers three Januaries on, as a booking names them. */
  const firstOffer = async (client: TestClient, assessmentId: string, locationId: string) => {
    const offered = await client.inject({
      method: 'POST',
      url: '/api/portal/course-proposals',
      payload: { assessmentId, locationId, earliestStart: januaryMonday(3) },
    });
    expectStatus(offered, 200, 'portal offer');
    return (offered.json().courses[0].sessions as { start: string; practitionerId: string; roomId: string }[]).map(
      ({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId }),
    );
  };

  /** A course booked in the portal three Januaries on, at a place of its own: its sessions' ids. */
  const bookedOnline = async () => {
    const { client, assessmentId, locationId } = await screenedAtPlace();
    const sessions = await firstOffer(client, assessmentId, locationId);
    const booked = await client.inject({
      method: 'POST',
      url: '/api/portal/bookings',
      payload: { assessmentId, locationId, sessions },
    });
    expectStatus(booked, 201, 'portal booking');
    return { client, sessionIds: (booked.json().course.sessions as { id: string }[]).map((s) => s.id) };
  };

  /** Closes the fixture patient's open request, so that a new one may be made. */
  const noOpenRequest = async () => {
    for (const request of await repos.portal.listConsultationRequests(fixture.patient.id))
      if (request.status === 'open') await repos.portal.markConsultationHandled(request.id, fixture.users.reception.id);
  };

  return {
    'POST /api/portal/intakes': {
      role: 'patient',
      stores: true,
      // A medication gives the sample the intake's free text to fill.
      make: async () => {
        const payload = intake();
        const medications = [{ name: 'Vitamin D', class: 'other', ongoing: true }];
        return { url: '/api/portal/intakes', payload: { ...payload, patient: { ...payload.patient, medications } } };
      },
    },
    'POST /api/portal/course-proposals': {
      role: 'patient',
      stores: false,
      make: async () => {
        const { assessmentId, locationId } = await screenedAtPlace();
        return {
          url: '/api/portal/course-proposals',
          payload: { assessmentId, locationId, earliestStart: januaryMonday(3) },
        };
      },
    },
    'POST /api/portal/bookings': {
      role: 'patient',
      stores: true,
      make: async () => {
        const { client, assessmentId, locationId } = await screenedAtPlace();
        const sessions = await firstOffer(client, assessmentId, locationId);
        return { url: '/api/portal/bookings', payload: { assessmentId, locationId, sessions } };
      },
    },
    'POST /api/portal/sessions/:id/reschedule': {
      role: 'patient',
      stores: true,
      make: async () => {
        const { client, sessionIds } = await bookedOnline();
        const id = sessionIds[1]!;
        const options = await client.inject({ method: 'GET', url: `/api/portal/sessions/${id}/move-options` });
        expectStatus(options, 200, 'portal move options');
        return { url: `/api/portal/sessions/${id}/reschedule`, payload: { start: options.json().options[0].start } };
      },
    },
    'POST /api/portal/sessions/:id/cancel': {
      role: 'patient',
      stores: true,
      make: async () => ({ url: `/api/portal/sessions/${(await bookedOnline()).sessionIds[3]!}/cancel` }),
    },
    'POST /api/portal/consultation-requests': {
      role: 'patient',
      stores: true,
      make: async () => {
        await noOpenRequest();
        return { url: '/api/portal/consultation-requests', payload: { note: 'Please call after five.' } };
      },
    },
    'POST /api/consultation-requests/:id/handled': {
      role: 'reception',
      stores: true,
      make: async () => {
        await noOpenRequest();
        const request = await repos.portal.createConsultationRequest({
          clinicId: fixture.clinic.id,
          patientId: fixture.patient.id,
          assessmentId: null,
          reason: 'patient_choice',
          note: null,
          createdBy: null,
        });
        return { url: `/api/consultation-requests/${request.id}/handled` };
      },
    },
    'PUT /api/clinics/:id/portal-settings': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/clinics/${fixture.clinic.id}/portal-settings`, payload: { noticeHours: 24 } }),
    },
  };
}
