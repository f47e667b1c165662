import { describe, expect, it } from 'vitest';
import { defaultLoginLimits } from '../services/accounts/login-limits.js';
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
    expect(config.app).toEqual({ secureCookies: false, trustProxy: false, loginLimits: defaultLoginLimits });
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
    for (const weak of ['aaaaaaaaaa', '1234567890', ' '.repeat(10), 'a@b.example!'])
      expect(() => readServerConfig({ MESODESK_ADMIN_EMAIL: 'a@b.example', MESODESK_ADMIN_PASSWORD: weak })).toThrow(
        /^MESODESK_ADMIN_PASSWORD is too easy to guess: \S/,
      );
    expect(() =>
      readServerConfig({ DATABASE_URL: 'postgres://x/y', MESODESK_PG_PREPARED_STATEMENTS: 'sometimes' }),
    ).toThrow(/MESODESK_PG_PREPARED_STATEMENTS/);
  });

  it('trusts a reverse proxy by hop count or by address, never every proxy', () => {
    const trust = (value: string) => readServerConfig({ MESODESK_TRUST_PROXY: value }).app.trustProxy;
    expect(trust('1')).toBe(1);
    expect(trust(' 2 ')).toBe(2);
    expect(trust('0')).toBe(false);
    expect(trust('off')).toBe(false);
    expect(trust('10.0.0.1, 10.1.0.0/16,::1, fd00::/8, loopback')).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const all of ['true', 'TRUE', 'yes', 'on', '*', 'all'])
      expect(() => trust(all), all).toThrow(/^MESODESK_TRUST_PROXY must be a hop count .* not "/);
    expect(() => trust('10.0.0.1, proxy.internal, 10.0.0.0/33')).toThrow(
      /MESODESK_TRUST_PROXY .*: "proxy.internal", "10.0.0.0\/33"$/,
    );
    expect(() => trust('99')).toThrow(/MESODESK_TRUST_PROXY/);
  });

  it('reads the sign-in limits', () => {
    expect(
      readServerConfig({
        MESODESK_LOGIN_LOCKOUT_FAILURES: '6',
        MESODESK_LOGIN_LOCKOUT_MINUTES: '60',
        MESODESK_LOGIN_ADDRESS_FAILURES: '100',
      }).app.loginLimits,
    ).toEqual({
      ...defaultLoginLimits,
      lockoutFailures: 6,
      accountFreeFailures: 3,
      lockoutMinutes: 60,
      addressFreeFailures: 100,
    });
    expect(() => readServerConfig({ MESODESK_LOGIN_LOCKOUT_MINUTES: 'soon' })).toThrow(
      /^MESODESK_LOGIN_LOCKOUT_MINUTES must be a whole number/,
    );
    expect(() => readServerConfig({ MESODESK_LOGIN_LOCKOUT_FAILURES: '1' })).toThrow(/MESODESK_LOGIN_LOCKOUT_FAILURES/);
  });
});
