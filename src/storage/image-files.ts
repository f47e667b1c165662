import { resolve, sep } from 'node:path';

/**
 * Where a stored image lives: its path relative to the data folder (as the database keeps it, with
 * `/`), refused if it would lead outside `<dataDir>/photos`.
 */
export function imageFile(dataDir: string, relativePath: string): string {
  const root = resolve(dataDir, 'photos');
  const path = resolve(dataDir, ...relativePath.split('/'));
  if (!path.startsWith(root + sep)) throw new Error(`stored image path outside the photos folder: ${relativePath}`);
  return path;
}
