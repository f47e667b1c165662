/** A field the server refused, as in its error bodies (`problems`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The server's error body, `{ error, message, problems? }` (src/server/validation/fields.ts). */
export interface ErrorBody {
  error: string;
  message?: string;
  problems?: FieldProblem[];
}

/**
 * A failed request. `code` is the server's stable error code (or `network` when no answer came),
 * which the screens translate; `message` is the server's English text, shown when no translation exists.
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** The rest of the error body: what a refusal adds to say what to do (dates, a next step). */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  static fromBody(status: number, body: unknown): ApiError {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<ErrorBody>;
    return new ApiError(
      status,
      typeof b.error === 'string' ? b.error : `http_${status}`,
      b.message ?? `HTTP ${status}`,
      Array.isArray(b.problems) ? b.problems : [],
      b as Record<string, unknown>,
    );
  }

  /** The problem reported for a field (by its dotted path), if any. */
  problemFor(field: string): string | undefined {
    return this.problems.find((p) => p.field === field)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
