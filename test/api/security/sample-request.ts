import type { InjectOptions } from 'fastify';
import type { Role } from '../../../src/core/records/index.js';
import { multipartPayload, type FormPart } from '../../../src/server/uploads/test-support/multipart-payload.js';

/** One valid write: what to send, as whom. Built fresh each time, since most can be done only once. */
export interface SampleRequest {
  url: string;
  /** A JSON body; neither this nor `form` for routes without a body. */
  payload?: Record<string, unknown>;
  /** A multipart form instead of JSON (image uploads). */
  form?: FormPart[];
}

export interface SampleWrite {
  role: Role;
  /** False for the routes that answer without storing anything (assessing, proposing, reading an import). */
  stores: boolean;
  /**
   * For a route that only ever refuses (an issued invoice is never changed): the status and error
   * code a valid request with the right token meets. Such a route changes nothing.
   */
  refusal?: { status: number; error: string };
  make(): Promise<SampleRequest>;
}

/** The request as `inject()` options: JSON, a multipart form, or no body. */
export function sampleInjection(method: string, request: SampleRequest): InjectOptions {
  if (request.form)
    return { method: method as InjectOptions['method'], url: request.url, ...multipartPayload(request.form) };
  return {
    method: method as InjectOptions['method'],
    url: request.url,
    ...(request.payload ? { payload: request.payload } : {}),
  };
}
