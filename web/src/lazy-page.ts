import { lazy, type ComponentType } from 'react';
import { matchPath } from 'react-router';

/**
 * A screen loaded on first visit, so the first page (sign-in) carries only what it needs.
 * Screens are named exports; React.lazy wants a default one.
 *
 * `opensOn` is the route path the screen shows at (or, for the layout, a test of the path). When the
 * app starts there (a reload, a bookmark, a link), the screen's code is fetched at once, beside the
 * session check, rather than after it (and after the layout's code): the page shows two round trips
 * sooner.
 */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  opensOn?: string | ((pathname: string) => boolean),
) {
  const path = window.location.pathname;
  const startsHere =
    typeof opensOn === 'function' ? opensOn(path) : opensOn !== undefined && !!matchPath(opensOn, path);
  // The browser fetches a module once: the screen's own import below reuses this one, and reports its failure.
  if (startsHere) load().catch(() => undefined);
  return lazy(async () => ({ default: (await load())[name] }));
}
