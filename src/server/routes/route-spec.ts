import type { FastifySchema } from 'fastify';
import type { Access } from '../plugins/route-access.js';
import { errorResponse } from '../validation/fields.js';

/** The statuses a route answers with `errorResponse`; a route whose error body differs names it in `answers`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

type ErrorAnswers<E extends readonly ErrorStatus[]> = { [K in E[number]]: typeof errorResponse };

/** A route's inputs and answers: everything of its schema but the words, which `routeSpec` adds. */
export type RouteSchema = Omit<FastifySchema, 'summary' | 'tags'>;

/**
 * `{ 200: view, 404: errorResponse, ... }`: the success body and the error statuses a route can give.
 * Every error status shares one body, so a route lists the numbers only.
 */
export function answers<V, const E extends readonly ErrorStatus[]>(
  view: V,
  ...errors: E
): { 200: V } & ErrorAnswers<E> {
  return answersWith(200, view, ...errors);
}

/** As `answers`, with a success status other than 200 (201 for a created record, 204 for no body). */
export function answersWith<const S extends number, V, const E extends readonly ErrorStatus[]>(
  status: S,
  view: V,
  ...errors: E
): { [K in S]: V } & ErrorAnswers<E> {
  const answered: Record<number, unknown> = { [status]: view };
  for (const error of errors) answered[error] = errorResponse;
  return answered as { [K in S]: V } & ErrorAnswers<E>;
}

/**
 * The options of every route of one plugin: who may call it (`config`) and its OpenAPI description.
 * `routeSpec(['money'])` gives a function that keeps a route's declaration to what is its own:
 *
 *   app.get('/api/prices', spec(allow('admin'), "The clinic's price list", { response: answers(view, 400) }), handler)
 */
export function routeSpec(tags: readonly string[]) {
  return function spec<const S extends RouteSchema>(
    config: { access: Access },
    summary: string,
    schema: S,
  ): { config: { access: Access }; schema: S & { summary: string; tags: string[] } } {
    return { config, schema: { summary, tags: [...tags], ...schema } };
  };
}

/** What `routeSpec` gives: a plugin hands it to the routes it keeps in other files, which share its tags. */
export type RouteSpec = ReturnType<typeof routeSpec>;
