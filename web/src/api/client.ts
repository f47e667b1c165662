import createClient from 'openapi-fetch';
import { ApiError } from './api-error';
import { csrfFetch } from './csrf-fetch';
import type { paths } from './schema';

/** The typed client of the server's OpenAPI document (schema.d.ts, from web/scripts/generate-api-types.mjs). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: csrfFetch });

type Listener = () => void;
let onUnauthenticated: Listener = () => {};

/** The auth provider learns here that the session ended (expired, or signed out elsewhere). */
export function setUnauthenticatedListener(listener: Listener): void {
  onUnauthenticated = listener;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of an API call, or an ApiError. Network failures become `network` errors so screens
 * can say "cannot reach the server" rather than show a stack.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (result.response.ok) return result.data as T;
  if (result.response.status === 401) onUnauthenticated();
  throw ApiError.fromBody(result.response.status, result.error);
}
