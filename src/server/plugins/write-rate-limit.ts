import fp from 'fastify-plugin';
import type { App } from '../app-types.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

class TooManyWritesError extends Error {
  override name = 'TooManyWritesError';
  readonly statusCode = 429;
}

/**
 * Throttles writes (POST, PUT, PATCH, DELETE) per signed-in user, whichever session or address
 * they come from: at most `appConfig.writeRateLimit.max` per window, then 429 with Retry-After until
 * the window has passed. Reads are not counted, nor writes without a session (sign-in has its own
 * limits). Counted in the process, like @fastify/rate-limit's other limits.
 */
export const writeRateLimitPlugin = fp(
  async (app: App) => {
    const { max, timeWindowMs } = app.appConfig.writeRateLimit;
    // createRateLimit, not a route hook: it leaves the per-route limits (sign-in) to run as well.
    const limit = app.createRateLimit({
      max,
      timeWindow: timeWindowMs,
      keyGenerator: (request) => `writes:${request.auth?.user.id ?? ''}`,
    });
    app.addHook('onRequest', async (request, reply) => {
      if (!request.auth || !writeMethods.has(request.method)) return;
      const result = await limit(request);
      if (result.isAllowed || !result.isExceeded) return;
      reply.header('retry-after', String(result.ttlInSeconds));
      throw new TooManyWritesError(
        `too many changes: at most ${max} per ${timeWindowMs / 1000} seconds per user; try again in ${result.ttlInSeconds} s`,
      );
    });
  },
  { name: 'write-rate-limit', dependencies: ['@fastify/rate-limit', 'authentication'] },
);
