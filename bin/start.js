#!/usr/bin/env node
// `npm start`: starts the clinic server, building the server or the web app first only when its
// sources are newer than its build (npm ci already builds both), so a fresh install starts at once.
import './require-node-24.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverBuildStale, webBuildStale } from './build-staleness.js';

const root = fileURLToPath(new URL('..', import.meta.url));

if (serverBuildStale(root)) {
  console.log('mesodesk: building (sources changed since the last build)...');
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
if (webBuildStale(root)) {
  console.log('mesodesk: building the web app (its sources changed since the last build)...');
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', join(root, 'web')], {
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}
await import('../dist/server/main.js');
