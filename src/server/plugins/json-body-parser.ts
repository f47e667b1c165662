import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { InvalidInputError } from '../http-errors.js';
import { maxJsonDepth, nestsDeeperThan } from '../validation/json-depth.js';

/**
 * Fastify's JSON parser, strict about prototype keys, that also refuses a body nested deeper than
 * `maxJsonDepth`: 400 naming the body, before any route sees it.
 */
export function depthLimitedJsonParser(app: Pick<FastifyInstance, 'getDefaultJsonParser'>): FastifyBodyParser<string> {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body, done) =>
    parse(request, body, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (nestsDeeperThan(value, maxJsonDepth)) return done(new InvalidInputError([{ field: '(body)', message: `must not nest deeper than ${maxJsonDepth} levels` }]), undefined);
      done(null, value);
    });
}
