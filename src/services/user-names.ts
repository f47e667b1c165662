import type { Repositories } from '../storage/repositories/repositories.js';

/**
 * The display names of the clinic's users among `ids`, for lists that say who did something.
 * Users of another clinic are left out (named by nobody); the clinic's users are one query.
 */
export async function userNames(
  repos: Repositories,
  clinicId: string,
  ids: Iterable<string | null>,
): Promise<Map<string, string>> {
  const wanted = new Set([...ids].filter((id): id is string => id !== null));
  if (wanted.size === 0) return new Map();
  const users = await repos.users.list(clinicId);
  return new Map(users.filter((u) => wanted.has(u.id)).map((u) => [u.id, u.displayName]));
}
