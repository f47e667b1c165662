import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { InvalidInputError } from '../http-errors.js';
import { maxJsonDepth, tooDeepField } from '../validation/json-depth.js';
import { malformedTextField, malformedTextMessage } from '../validation/well-formed-text.js';

/**
 * Fastify's JSON parser, strict about prototype keys, that also refuses, before any route sees it,
 * a body nested deeper than `maxJsonDepth` (400 naming the field that holds the too-deep part) and
 * one with text that is not well-formed Unicode (400 naming the field: a lone surrogate would be
 * stored differently by each engine). Every JSON route is covered here, whatever its schema.
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
      const malformed = malformedTextField(value);
      if (malformed !== undefined)
        return done(new InvalidInputError([{ field: malformed, message: malformedTextMessage }]), undefined);
      done(null, value);
    });
}
