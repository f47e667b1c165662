import { describe, expect, it } from 'vitest';
import { maxWorkers, workersFromEnv } from './workers-config.js';

const postgres = { engine: 'postgres', url: 'postgres://db.example/mesodesk' } as const;
const sqlite = { engine: 'sqlite', file: '/srv/data/mesodesk.sqlite' } as const;

describe('MESODESK_WORKERS', () => {
  it('is one server process unless told otherwise', () => {
    expect(workersFromEnv({}, postgres)).toBe(1);
    expect(workersFromEnv({ MESODESK_WORKERS: ' ' }, sqlite)).toBe(1);
    expect(workersFromEnv({ MESODESK_WORKERS: '1' }, sqlite)).toBe(1);
  });

  it('runs several on PostgreSQL', () => {
    expect(workersFromEnv({ MESODESK_WORKERS: '4' }, postgres)).toBe(4);
    expect(workersFromEnv({ MESODESK_WORKERS: String(maxWorkers) }, postgres)).toBe(maxWorkers);
  });

  it('refuses several on SQLite, saying why and what to do', () => {
    expect(() => workersFromEnv({ MESODESK_WORKERS: '2' }, sqlite)).toThrow(
      /^MESODESK_WORKERS=2 needs PostgreSQL \(set DATABASE_URL\): SQLite writes one transaction at a time.*unset MESODESK_WORKERS or set it to 1$/,
    );
  });

  it('refuses what is not a whole number in range', () => {
    for (const value of ['0', '-1', '2.5', 'two', String(maxWorkers + 1), '1e1'])
      expect(() => workersFromEnv({ MESODESK_WORKERS: value }, postgres), value).toThrow(
        `MESODESK_WORKERS must be a whole number from 1 to ${maxWorkers}, not "${value}"`,
      );
  });
});
