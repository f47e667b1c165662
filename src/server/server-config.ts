import { databaseConfigFromEnv, resolveDataDir, type DatabaseConfig, type Env } from '../storage/database-config.js';
import type { AppConfig } from './app-config.js';

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

/**
 * PORT (3000), HOST (localhost), DATABASE_URL (postgres://...; unset: SQLite in the data folder),
 * MESODESK_DATA_DIR (./data), MESODESK_ADMIN_EMAIL and MESODESK_ADMIN_PASSWORD (first admin),
 * MESODESK_CLINIC_NAME, MESODESK_SECURE_COOKIES (behind https), MESODESK_TRUST_PROXY,
 * MESODESK_CSRF_KEY (share across server processes), LOG_LEVEL (info).
 */
export function readServerConfig(env: Env, cwd: string = process.cwd()): ServerConfig {
  const email = env.MESODESK_ADMIN_EMAIL?.trim();
  const password = env.MESODESK_ADMIN_PASSWORD;
  if (Boolean(email) !== Boolean(password))
    throw new ServerConfigError('set both MESODESK_ADMIN_EMAIL and MESODESK_ADMIN_PASSWORD, or neither');
  if (password !== undefined && password.length > 0 && password.length < 10)
    throw new ServerConfigError('MESODESK_ADMIN_PASSWORD must be at least 10 characters');
  const clinicName = env.MESODESK_CLINIC_NAME?.trim();
  const app: Partial<AppConfig> = {
    secureCookies: truthy(env.MESODESK_SECURE_COOKIES),
    trustProxy: truthy(env.MESODESK_TRUST_PROXY),
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
