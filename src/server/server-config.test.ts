import { describe, expect, it } from 'vitest';
import { readServerConfig } from './server-config.js';

describe('readServerConfig', () => {
  it('defaults to port 3000 and SQLite under ./data', () => {
    const config = readServerConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      dataDir: '/srv/app/data',
      database: { engine: 'sqlite', file: '/srv/app/data/mesodesk.sqlite' },
      logLevel: 'info',
    });
    expect(config.firstAdmin).toBeUndefined();
    expect(config.app).toEqual({ secureCookies: false, trustProxy: false });
  });

  it('reads the data folder, PostgreSQL, https and the first admin', () => {
    const config = readServerConfig(
      {
        PORT: '8080',
        MESODESK_DATA_DIR: 'clinic-data',
        DATABASE_URL: 'postgres://db.example:5432/mesodesk',
        MESODESK_ADMIN_EMAIL: ' boss@clinic.example ',
        MESODESK_ADMIN_PASSWORD: 'a long secret',
        MESODESK_CLINIC_NAME: 'Skin & Hair',
        MESODESK_SECURE_COOKIES: 'true',
        MESODESK_CSRF_KEY: 'shared',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/srv/app/clinic-data',
      database: { engine: 'postgres', url: 'postgres://db.example:5432/mesodesk' },
      firstAdmin: { email: 'boss@clinic.example', password: 'a long secret', clinicName: 'Skin & Hair' },
      app: { secureCookies: true, csrfKey: 'shared' },
    });
    expect(readServerConfig({ MESODESK_DATA_DIR: '/var/lib/mesodesk' }).database).toEqual({
      engine: 'sqlite',
      file: '/var/lib/mesodesk/mesodesk.sqlite',
    });
    // Behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
    expect(
      readServerConfig({ DATABASE_URL: 'postgres://x/y', MESODESK_PG_PREPARED_STATEMENTS: 'off' }).database,
    ).toEqual({ engine: 'postgres', url: 'postgres://x/y', preparedStatements: false });
  });

  it('refuses what it cannot honour', () => {
    expect(() => readServerConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readServerConfig({ MESODESK_ADMIN_EMAIL: 'a@b.example' })).toThrow(/both/);
    expect(() => readServerConfig({ MESODESK_ADMIN_EMAIL: 'a@b.example', MESODESK_ADMIN_PASSWORD: 'short' })).toThrow(
      /10 characters/,
    );
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(/postgres/);
    expect(() =>
      readServerConfig({ DATABASE_URL: 'postgres://x/y', MESODESK_PG_PREPARED_STATEMENTS: 'sometimes' }),
    ).toThrow(/MESODESK_PG_PREPARED_STATEMENTS/);
  });
});
