import { expect } from 'vitest';
import { DomainError } from '../services/domain-errors.js';

/** The body of the domain error `work` fails with; fails the test if it succeeds or fails otherwise. */
export async function refusal(work: Promise<unknown>): Promise<ReturnType<DomainError['body']>> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).body();
}
