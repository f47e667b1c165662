import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The compiled program at `relative` under the checkout; these tests run what `npm start` runs. */
export function builtFile(relative: string): string {
  const file = join(repoRoot, relative);
  if (!existsSync(file)) throw new Error(`${relative} is missing: run "npm run build" before these tests`);
  return file;
}
