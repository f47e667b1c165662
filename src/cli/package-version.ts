import { readFileSync } from 'node:fs';

/**
 * The version in this checkout's package.json, read when asked: the same file from src/ under test
 * and from dist/ (both two folders down), so `mesodesk --version` cannot drift from a release.
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  if (typeof manifest.version !== 'string') throw new Error('package.json has no version');
  return manifest.version;
}
