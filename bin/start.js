#!/usr/bin/env node
// `npm start`: starts the clinic server, building first only when the sources are newer than the
// build (npm ci already builds), so a fresh install starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir, filter) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, filter));
    else if (filter(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sources = newest(join(root, 'src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
const built = existsSync(join(root, 'dist/server/main.js')) ? newest(join(root, 'dist'), (name) => name.endsWith('.js')) : 0;
if (sources > built) {
  console.log('mesodesk: building (sources changed since the last build)...');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
await import('../dist/server/main.js');
