import { notFound } from './domain-errors.js';

/** The value a lookup or a change found, or "<entity> not found" when it found none. */
export function found<T>(value: T | null | undefined, entity: string): T {
  if (value === undefined || value === null) throw notFound(entity);
  return value;
}
