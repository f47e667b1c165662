import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded on first visit, so the first page (sign-in) carries only what it needs.
 * Screens are named exports; React.lazy wants a default one.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
