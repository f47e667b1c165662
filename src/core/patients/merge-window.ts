/** How long an admin may reverse a merge, in days from the merge. */
export const mergeReversalDays = 30;

const dayMs = 86_400_000;

/** The last instant a merge made at `mergedAt` may be reversed (ISO 8601). */
export function reversibleUntil(mergedAt: string): string {
  return new Date(Date.parse(mergedAt) + mergeReversalDays * dayMs).toISOString();
}

/** Whether a merge made at `mergedAt` may still be reversed at `now`: up to and including 30 days later. */
export function mayReverseMerge(mergedAt: string, now: Date): boolean {
  return now.getTime() <= Date.parse(mergedAt) + mergeReversalDays * dayMs;
}
