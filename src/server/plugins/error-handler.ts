import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { UnknownCodeError } from '../../core/assessment/assess.js';
import { DomainError, InvalidInputError, statusOfKind, type FieldProblem } from '../http-errors.js';
import type { App } from '../app-types.js';
import { databaseErrorKind } from '../../storage/database-errors.js';

/** Error bodies for Fastify's own 4xx errors, by status. */
const statusCodes: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function send(reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function fastifyProblem(error: FastifyError): FieldProblem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { field: '(body)', message: 'must be valid JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { field: '(body)', message: 'must not be empty when the content type is JSON' };
    case 'FST_ERR_BAD_URL':
      return { field: '(path)', message: 'must be valid percent-encoded UTF-8' };
    default:
      return { field: '(request)', message: error.message };
  }
}

/** Maps every error a client can cause to a 4xx with a stable body; anything else is logged and a bare 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) return send(reply, statusOfKind[error.kind], error.body());
  if (error instanceof UnknownCodeError)
    return send(reply, 400, new InvalidInputError([{ field: error.field, message: error.problem }]).body());

  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('FST_CSRF_'))
    return send(reply, 403, {
      error: 'csrf_token_invalid',
      message: 'send the token from GET /api/auth/csrf in the x-csrf-token header',
    });

  switch (databaseErrorKind(error)) {
    case 'unique':
      return send(reply, 409, { error: 'conflict', message: 'a record with these values already exists' });
    case 'foreign_key':
      return send(reply, 409, {
        error: 'conflict',
        message: 'the request refers to a record that does not exist, or one still in use',
      });
    case 'invalid_value':
      return send(
        reply,
        400,
        new InvalidInputError([{ field: '(body)', message: 'contains a value that cannot be stored' }]).body(),
      );
    case 'busy':
      request.log.warn({ err: error }, 'database busy');
      return send(reply.header('retry-after', '1'), 503, { error: 'busy', message: 'the database is busy; try again' });
    default:
      break;
  }

  const status = error instanceof Error ? (error as FastifyError).statusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    if (status === 400) return send(reply, 400, new InvalidInputError([fastifyProblem(error as FastifyError)]).body());
    return send(reply, status, { error: statusCodes[status] ?? 'bad_request', message: (error as Error).message });
  }

  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 500, { error: 'internal_error', message: 'something went wrong; it has been logged' });
}

export const errorHandlerPlugin = fp(
  async (app: App) => {
    app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
    app.setNotFoundHandler((request, reply) =>
      send(reply, 404, { error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
    );
  },
  { name: 'error-handler' },
);
