import { isIP } from 'node:net';
import { databaseConfigFromEnv, resolveDataDir, type DatabaseConfig, type Env } from '../storage/database-config.js';
import { defaultLoginLimits, type LoginLimits } from '../services/accounts/login-limits.js';
import { passwordWeakness } from '../services/accounts/password-strength.js';
import type { AppConfig, TrustProxy } from './app-config.js';

/** Everything `main.ts` reads from the environment. */
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /** Set both to create the first admin (instead of the demo clinic) on first start. */
  firstAdmin?: { email: string; password: string; clinicName?: string };
  app: Partial<AppConfig>;
  logLevel: string;
}

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

function port(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ServerConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}

/** Names proxy-addr (Fastify's trustProxy) knows for groups of addresses. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * MESODESK_TRUST_PROXY: a hop count (`1`: one proxy in front) or a comma-separated list of proxy
 * addresses and CIDR ranges. "true" is refused: trusting every hop lets a client write its own
 * address into X-Forwarded-For and so slip past the per-address sign-in limits.
 */
export function trustProxyFromEnv(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || /^(0|false|no|off)$/i.test(text)) return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new ServerConfigError(`MESODESK_TRUST_PROXY: ${hops} proxies in a row is not plausible`);
    return hops;
  }
  if (/^(true|yes|on|all|\*)$/i.test(text))
    throw new ServerConfigError(
      `MESODESK_TRUST_PROXY must be a hop count (e.g. 1 for one reverse proxy) or a comma-separated list of proxy addresses or CIDR ranges, not "${text}": trusting every proxy would let any client choose the address it is limited and audited by`,
    );
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0)
    throw new ServerConfigError(
      `MESODESK_TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.0/8, ::1); not an address or range: ${bad.map((e) => `"${e}"`).join(', ')}`,
    );
  return entries;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new ServerConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** MESODESK_LOGIN_LOCKOUT_FAILURES, MESODESK_LOGIN_LOCKOUT_MINUTES, MESODESK_LOGIN_ADDRESS_FAILURES. */
export function loginLimitsFromEnv(env: Env): LoginLimits {
  const lockoutFailures = wholeNumber(
    env,
    'MESODESK_LOGIN_LOCKOUT_FAILURES',
    defaultLoginLimits.lockoutFailures,
    3,
    1000,
  );
  return {
    ...defaultLoginLimits,
    lockoutFailures,
    // Waits start halfway to the lockout.
    accountFreeFailures: Math.min(defaultLoginLimits.accountFreeFailures, Math.ceil(lockoutFailures / 2)),
    lockoutMinutes: wholeNumber(
      env,
      'MESODESK_LOGIN_LOCKOUT_MINUTES',
      defaultLoginLimits.lockoutMinutes,
      1,
      7 * 24 * 60,
    ),
    addressFreeFailures: wholeNumber(
      env,
      'MESODESK_LOGIN_ADDRESS_FAILURES',
      defaultLoginLimits.addressFreeFailures,
      1,
      100_000,
    ),
  };
}

/**
 * PORT (3000), HOST (localhost), DATABASE_URL (postgres://...; unset: SQLite in the data folder),
 * MESODESK_DATA_DIR (./data), MESODESK_ADMIN_EMAIL and MESODESK_ADMIN_PASSWORD (first admin),
 * MESODESK_CLINIC_NAME, MESODESK_SECURE_COOKIES (behind https), MESODESK_TRUST_PROXY (hop count or
 * proxy addresses), the sign-in limits (`loginLimitsFromEnv`), MESODESK_CSRF_KEY (unset: one kept in
 * the database, shared by every server process), LOG_LEVEL (info).
 */
export function readServerConfig(env: Env, cwd: string = process.cwd()): ServerConfig {
  const email = env.MESODESK_ADMIN_EMAIL?.trim();
  const password = env.MESODESK_ADMIN_PASSWORD;
  if (Boolean(email) !== Boolean(password))
    throw new ServerConfigError('set both MESODESK_ADMIN_EMAIL and MESODESK_ADMIN_PASSWORD, or neither');
  if (password !== undefined && password.length > 0 && password.length < 10)
    throw new ServerConfigError('MESODESK_ADMIN_PASSWORD must be at least 10 characters');
  const weakness = email && password ? passwordWeakness(password, [email]) : undefined;
  if (weakness) throw new ServerConfigError(`MESODESK_ADMIN_PASSWORD ${weakness}`);
  const clinicName = env.MESODESK_CLINIC_NAME?.trim();
  const app: Partial<AppConfig> = {
    secureCookies: truthy(env.MESODESK_SECURE_COOKIES),
    trustProxy: trustProxyFromEnv(env.MESODESK_TRUST_PROXY),
    loginLimits: loginLimitsFromEnv(env),
  };
  if (env.MESODESK_CSRF_KEY) app.csrfKey = env.MESODESK_CSRF_KEY;
  return {
    host: env.HOST?.trim() || 'localhost',
    port: port(env.PORT),
    dataDir: resolveDataDir(env, cwd),
    database: databaseConfigFromEnv(env, cwd),
    ...(email && password ? { firstAdmin: { email, password, ...(clinicName ? { clinicName } : {}) } } : {}),
    app,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
}
