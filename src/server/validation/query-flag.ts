import { z } from 'zod';

/** A query parameter `true` or `false` (a query string has no booleans), false when left out. */
export function queryFlag(description: string) {
  return z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true')
    .describe(description);
}
