import { ApiError } from './api-error';
import { csrfFetch } from './csrf-fetch';

/**
 * A multipart upload (openapi-fetch sends JSON), through the same CSRF-aware fetch as the client.
 * The browser sets the multipart boundary itself, so no content type is given here.
 */
export async function upload<T>(url: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await csrfFetch(
      new Request(url, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      }),
    );
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.fromBody(response.status, body);
  return body as T;
}
