/**
 * Constraint errors that reach past the services' own checks (two requests
 * racing for the same email, say). Both engines' codes map to one meaning.
 */
export type DatabaseErrorKind = 'unique' | 'foreign_key' | 'invalid_value' | 'busy';

const sqliteCodes: Record<string, DatabaseErrorKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'invalid_value',
  SQLITE_CONSTRAINT_NOTNULL: 'invalid_value',
  SQLITE_TOOBIG: 'invalid_value',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
};

const postgresCodes: Record<string, DatabaseErrorKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'invalid_value',
  '23502': 'invalid_value',
  '40001': 'busy',
  '40P01': 'busy',
  '55P03': 'busy',
};

export function databaseErrorKind(error: unknown): DatabaseErrorKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_')) return sqliteCodes[code];
  // Class 22 (data exception): a value PostgreSQL cannot store, such as a number out of range.
  if (/^22[0-9A-Z]{3}$/.test(code)) return 'invalid_value';
  return postgresCodes[code];
}
