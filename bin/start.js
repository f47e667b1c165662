#!/usr/bin/env node
// `npm start`: starts the clinic server, building the server or the web app first only when its
// sources are newer than its build (npm ci already builds both), so a fresh install starts at once.
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
const webSources = Math.max(newest(join(root, 'web/src'), () => true), statSync(join(root, 'web/index.html')).mtimeMs);
const webBuilt = existsSync(join(root, 'web/dist/index.html')) ? newest(join(root, 'web/dist'), () => true) : 0;
if (webSources > webBuilt) {
  console.log('mesodesk: building the web app (its sources changed since the last build)...');
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', join(root, 'web')], { stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
await import('../dist/server/main.js');
