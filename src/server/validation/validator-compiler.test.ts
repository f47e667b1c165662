import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleError } from '../plugins/error-handler.js';
import { tooLargeIssue, validatorCompiler } from './validator-compiler.js';

const body = z.object({
  points: z.array(z.object({ x: z.number({ error: 'must be a number' }) })),
  hours: z.record(z.string(), z.array(z.object({ start: z.string({ error: 'must be text' }) }))).optional(),
  image: z
    .string()
    .superRefine((value, ctx) => {
      if (value.length > 10)
        ctx.addIssue({ code: 'custom', message: 'must be at most 10 characters', params: tooLargeIssue });
    })
    .optional(),
});

async function app() {
  const server = Fastify();
  server.setValidatorCompiler(validatorCompiler);
  server.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  server.post(
    '/things',
    {
      schema: {
        body,
        querystring: z.object({ limit: z.coerce.number({ error: 'must be a whole number' }).int().optional() }),
      },
    },
    async (request) => ({
      received: request.body,
    }),
  );
  await server.ready();
  return server;
}

describe('validatorCompiler', () => {
  it('passes the parsed input to the handler', async () => {
    const response = await (await app()).inject({ method: 'POST', url: '/things', payload: { points: [{ x: 1 }] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: { points: [{ x: 1 }] } });
  });

  it('answers 400 invalid_input naming each field: array indexes in brackets, record keys (even digits) after a dot', async () => {
    const response = await (
      await app()
    ).inject({
      method: 'POST',
      url: '/things',
      payload: { points: [{ x: 1 }, { x: 'two' }], hours: { 1: [{ start: 9 }] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'invalid_input',
      problems: [
        { field: 'points[1].x', message: 'must be a number' },
        { field: 'hours.1[0].start', message: 'must be text' },
      ],
    });
  });

  it('names the body itself as (body), and query fields by their name', async () => {
    const server = await app();
    const notAnObject = await server.inject({ method: 'POST', url: '/things', payload: [1, 2] });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json().problems).toEqual([{ field: '(body)', message: expect.any(String) }]);
    const query = await server.inject({ method: 'POST', url: '/things?limit=lots', payload: { points: [] } });
    expect(query.json().problems).toEqual([{ field: 'limit', message: 'must be a whole number' }]);
  });

  it('answers 413 payload_too_large for a value over its size limit', async () => {
    const response = await (
      await app()
    ).inject({ method: 'POST', url: '/things', payload: { points: [], image: 'x'.repeat(11) } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      error: 'payload_too_large',
      problems: [{ field: 'image', message: 'must be at most 10 characters' }],
    });
  });
});
