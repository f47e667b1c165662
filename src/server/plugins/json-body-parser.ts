import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { InvalidInputError } from '../http-errors.js';
import { maxJsonDepth, tooDeepField } from '../validation/json-depth.js';

/**
 * Fastify's JSON parser, strict about prototype keys, that also refuses a body nested deeper than
 * `maxJsonDepth`: 400 naming the field that holds the too-deep part, before any route sees it.
 */
export function depthLimitedJsonParser(app: Pick<FastifyInstance, 'getDefaultJsonParser'>): FastifyBodyParser<string> {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body, done) =>
    parse(request, body, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const field = tooDeepField(value, maxJsonDepth);
      if (field !== undefined)
        return done(
          new InvalidInputError([{ field, message: `must not nest deeper than ${maxJsonDepth} levels in all` }]),
          undefined,
        );
      done(null, value);
    });
}
