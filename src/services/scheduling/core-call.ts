import { conflict } from '../domain-errors.js';

/**
 * Runs a scheduling-core function. Routes validate requests before calling, so a RangeError left
 * over means stored data the core cannot read (a time zone or time off that no longer parses):
 * a 409 that says so, never a 500.
 */
export function callCore<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError)
      throw conflict('schedule_invalid', `the stored schedule cannot be used: ${error.message}`);
    throw error;
  }
}
