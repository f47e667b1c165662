import fc from 'fast-check';
import { expect } from 'vitest';
import type { HTTPMethods } from 'fastify';
import { jsonText, mutated } from './hostile-values.js';
import type { TestClient } from './test-app.js';

/** A route that takes a JSON body, with a valid `base` body to mutate. */
export interface BodyTarget {
  method: HTTPMethods;
  url: string;
  base: object;
}

/**
 * Sends each target hostile JSON bodies, wholly hostile or its `base` with a field made hostile,
 * and fails on the first answer of 500 or more, naming the route and the body.
 */
export async function expectNoServerErrorForBodies(
  client: TestClient,
  targets: readonly BodyTarget[],
  hostile: fc.Arbitrary<unknown>,
  numRuns = 40,
): Promise<void> {
  for (const target of targets) {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(target.base, hostile), hostile), async (body) => {
        const response = await client.inject({
          method: target.method,
          url: target.url,
          headers: { 'content-type': 'application/json' },
          payload: jsonText(body),
        });
        expect(
          response.statusCode,
          `${target.method} ${target.url} ${jsonText(body).slice(0, 500)} → ${response.body}`,
        ).toBeLessThan(500);
      }),
      { numRuns },
    );
  }
}
