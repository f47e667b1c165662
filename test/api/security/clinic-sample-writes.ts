import { tinyPngDataUrl } from '../../../src/interop/test-support/tiny-png.js';
import { testPassword } from '../../../src/test-support/test-app.js';
import type { SampleWrite } from './sample-request.js';
import { intakeWithMedication, restorePatientPassword, type SampleRecords } from './sample-records.js';

/**
 * Sample writes of the clinic and its accounts: sign-out, calendar feeds, an assessment, the clinic, its
 * locations and rooms, its messages to patients, users.
 */
export function clinicSampleWrites({
  repos,
  fixture,
  clinicId,
  unique,
  newPractitioner,
  newSession,
  future,
}: SampleRecords): Record<string, SampleWrite> {
  return {
    'POST /api/auth/logout': { role: 'admin', stores: true, make: async () => ({ url: '/api/auth/logout' }) },
    // The patient sets the same password again (other sessions end): later sign-ins still work.
    // A sample sent with another new password (SQL, say) is undone the next time one is made.
    'POST /api/auth/password': {
      role: 'patient',
      stores: true,
      make: async () => {
        await restorePatientPassword(repos, fixture);
        return { url: '/api/auth/password', payload: { currentPassword: testPassword, newPassword: testPassword } };
      },
    },
    // The reader's own language: set to what it is, so later samples read as before.
    'PATCH /api/auth/me': {
      role: 'practitioner',
      stores: true,
      make: async () => ({ url: '/api/auth/me', payload: { preferredLanguage: 'en' } }),
    },
    'POST /api/calendar-feed': {
      role: 'practitioner',
      stores: true,
      make: async () => ({ url: '/api/calendar-feed' }),
    },
    'DELETE /api/calendar-feed': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        await repos.calendarFeeds.replace(fixture.users.practitioner.id, `sample-${unique()}`);
        return { url: '/api/calendar-feed' };
      },
    },
    'POST /api/assessments': {
      role: 'practitioner',
      stores: false,
      make: async () => ({ url: '/api/assessments', payload: intakeWithMedication('1991-03-15') }),
    },
    'PATCH /api/clinics/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/clinics/${clinicId}`, payload: { name: `Clinic ${unique()}` } }),
    },
    'PUT /api/clinics/:id/logo': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/clinics/${clinicId}/logo`, payload: { image: tinyPngDataUrl() } }),
    },
    'DELETE /api/clinics/:id/logo': {
      role: 'admin',
      stores: true,
      make: async () => {
        await repos.clinics.saveLogo({
          clinicId,
          mime: 'image/png',
          data: Buffer.from(tinyPngDataUrl().split(',')[1] ?? '', 'base64'),
          updatedBy: null,
        });
        return { url: `/api/clinics/${clinicId}/logo` };
      },
    },
    'POST /api/clinics/:id/locations': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/clinics/${clinicId}/locations`,
        payload: { name: 'Annex', address: '2 Side Street', timeZone: 'Europe/Berlin' },
      }),
    },
    'PATCH /api/locations/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const location = await repos.clinics.createLocation({ clinicId, name: 'Old name', address: null });
        return {
          url: `/api/locations/${location.id}`,
          payload: { name: 'New name', address: '3 Main Street', timeZone: 'Europe/Istanbul' },
        };
      },
    },
    'POST /api/locations/:id/rooms': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/locations/${fixture.location.id}/rooms`, payload: { name: 'Treatment room' } }),
    },
    'PATCH /api/rooms/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const room = await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Old room' });
        return { url: `/api/rooms/${room.id}`, payload: { name: 'Renamed room', active: true } };
      },
    },
    'PUT /api/clinics/:id/message-settings': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/clinics/${clinicId}/message-settings`,
        payload: {
          language: 'en',
          preparationHoursBefore: null,
          reminderHoursBefore: 24,
          aftercareHoursAfter: 1,
          checkInHoursAfter: 48,
        },
      }),
    },
    'PUT /api/clinics/:id/message-templates/:kind/:language': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/clinics/${clinicId}/message-templates/check_in/en`,
        payload: { subject: 'How are you, {patientName}?', body: 'Dear {patientName},\n\n{instructions}' },
      }),
    },
    'DELETE /api/clinics/:id/message-templates/:kind/:language': {
      role: 'admin',
      stores: true,
      make: async () => {
        await repos.messageTemplates.saveTemplate({
          clinicId,
          kind: 'aftercare',
          language: 'tr',
          subject: 'Bakım',
          body: '{instructions}',
          updatedBy: null,
        });
        return { url: `/api/clinics/${clinicId}/message-templates/aftercare/tr` };
      },
    },
    'POST /api/clinics/:id/message-preview': {
      role: 'admin',
      stores: false,
      make: async () => {
        await newSession(future());
        return {
          url: `/api/clinics/${clinicId}/message-preview`,
          payload: {
            patientId: fixture.patient.id,
            kind: 'check_in',
            subject: 'How are you, {patientName}?',
            body: 'Dear {patientName}, thank you.',
          },
        };
      },
    },
    'POST /api/users': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: '/api/users',
        payload: {
          email: `user-${unique()}@security.test`,
          password: 'long enough password',
          displayName: 'New User',
          role: 'reception',
        },
      }),
    },
    'POST /api/invitations': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: '/api/invitations',
        payload: { email: `invited-${unique()}@security.test`, displayName: 'Invited User', role: 'reception' },
      }),
    },
    'DELETE /api/invitations/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const invitation = await repos.invitations.create({
          clinicId,
          email: `withdrawn-${unique()}@security.test`,
          displayName: 'Withdrawn',
          role: 'reception',
          patientId: null,
          tokenHash: `hash-${unique()}`,
          expiresAt: '2099-01-01T00:00:00.000Z',
          createdBy: fixture.users.admin.id,
        });
        return { url: `/api/invitations/${invitation.id}` };
      },
    },
    'DELETE /api/users/:id/lockout': {
      role: 'admin',
      stores: true,
      make: async () => {
        const user = await newPractitioner();
        await repos.loginThrottles.countTry({ scope: 'account', key: user.email }, new Date(0).toISOString());
        await repos.loginThrottles.lock({ scope: 'account', key: user.email }, '2099-01-01T00:00:00.000Z');
        return { url: `/api/users/${user.id}/lockout` };
      },
    },
    'PATCH /api/users/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/users/${(await newPractitioner()).id}`,
        payload: { displayName: 'Renamed User', password: 'another long password' },
      }),
    },
  };
}
