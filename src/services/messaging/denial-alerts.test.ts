import { beforeAll, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { createClinicFixture } from '../../test-support/clinic-fixture.js';
import { createStaff } from '../../test-support/stored-records.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { alertOnDenialBurst } from './denial-alerts.js';
import { defaultMessagingSettings } from './messaging-settings.js';

forEachEngine('denial alerts', (getDb) => {
  let repos: Repositories;
  beforeAll(() => {
    repos = createRepositories(getDb());
  });

  it('alerts each admin in the language they read the workspace in', async () => {
    const tag = `denial-${process.pid}-${Date.now()}`;
    const fixture = await createClinicFixture(repos, { tag, passwordHash: 'not-used' });
    const turkishAdmin = await createStaff(repos, {
      clinicId: fixture.clinic.id,
      email: `tr-admin@${tag}.test`,
      displayName: 'Deniz Yönetici',
      role: 'admin',
      preferredLanguage: 'tr',
    });
    const prober = fixture.users.patient;
    const actor = { clinicId: prober.clinicId, userId: prober.id, role: prober.role, route: 'GET /api/patients/:id' };
    for (let i = 0; i < 3; i++)
      await repos.audit.append([
        {
          ...actor,
          action: 'read',
          entity: 'patient',
          reason: 'not_their_record',
          records: [{ entityId: fixture.otherPatient.id, patientId: fixture.otherPatient.id }],
        },
      ]);
    const settings = { threshold: 3, windowMinutes: 10 };
    expect(await alertOnDenialBurst(repos, prober, actor.route, settings, defaultMessagingSettings())).toBe(true);

    const alerts = await getDb()
      .selectFrom('outbox_messages')
      .select(['recipient', 'subject', 'body'])
      .where('clinic_id', '=', fixture.clinic.id)
      .where('kind', '=', 'denial_alert')
      .execute();
    const to = (email: string) => alerts.find((a) => a.recipient === email);
    expect(alerts).toHaveLength(2);
    expect(to(fixture.users.admin.email)?.subject).toBe('mesodesk: 3 refused requests by Paula Patient');
    expect(to(turkishAdmin.email)?.subject).toBe('mesodesk: 3 istek reddedildi (kullanıcı: Paula Patient)');
    expect(to(turkishAdmin.email)?.body).toMatch(/^Kullanıcı Paula Patient \(.+, hasta\): 10 dakika içinde 3 kez/);
    expect(to(turkishAdmin.email)?.body).toContain('Sonuncusu: GET /api/patients/:id.');
    expect(to(turkishAdmin.email)?.body).not.toMatch(/refused|alert/);
  });
});
