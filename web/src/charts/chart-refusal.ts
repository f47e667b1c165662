import { ApiError, isApiError } from '../api/api-error';
import type { paths } from '../api/schema';

type ChartPost = NonNullable<paths['/api/sessions/{id}/chart']['post']>;

/**
 * The details the server sends with the chart's refusals (409), beyond `{ error, message }`: every
 * blocker, each value outside the plan (`field` like `points[3].depthMm`), the allergen named.
 */
export type RefusalDetails = ChartPost['responses'][409]['content']['application/json'];

/** An ApiError that keeps the refusal's details, which the plain one drops. */
export class ChartRefusal extends ApiError {
  constructor(
    error: ApiError,
    readonly details: RefusalDetails,
  ) {
    super(error.status, error.code, error.message, error.problems);
  }
}

export const safetyRefusals = ['treatment_blocked', 'outside_plan', 'anaesthetic_allergy', 'product_allergy'] as const;
export type SafetyRefusal = (typeof safetyRefusals)[number];

export function isSafetyRefusal(error: unknown): error is ChartRefusal & { code: SafetyRefusal } {
  return error instanceof ChartRefusal && (safetyRefusals as readonly string[]).includes(error.code);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * `call` for the chart's writes: the same errors, but a refusal keeps its body, so the page can show
 * every blocking reason, each out-of-plan value, or the allergen, rather than one line.
 */
export async function callKeepingRefusal<T>(
  request: Promise<FetchResult<T>>,
  call: (r: Promise<FetchResult<T>>) => Promise<T>,
): Promise<T> {
  let body: unknown;
  const kept = request.then((result) => {
    body = result.error;
    return result;
  });
  try {
    return await call(kept);
  } catch (error) {
    if (isApiError(error) && typeof body === 'object' && body !== null)
      throw new ChartRefusal(error, body as RefusalDetails);
    throw error;
  }
}
