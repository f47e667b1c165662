// Whether the server build (dist/) or the web build (web/dist/) is older than its sources: what
// `npm start` (bin/start.js) checks before starting, and what bench/cold-start.js makes sure of.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time under `dir` of the files `keep` accepts (0 when there is none). */
function newest(dir, keep) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, keep));
    else if (keep(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** The TypeScript sources changed since dist/ was built (or there is no build). */
export function serverBuildStale(root) {
  const sources = newest(join(root, 'src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const built = existsSync(join(root, 'dist/server/main.js'))
    ? newest(join(root, 'dist'), (name) => name.endsWith('.js'))
    : 0;
  return sources > built;
}

/** The web app's sources changed since web/dist/ was built (or there is no build). */
export function webBuildStale(root) {
  const sources = Math.max(
    newest(join(root, 'web/src'), () => true),
    statSync(join(root, 'web/index.html')).mtimeMs,
  );
  const built = existsSync(join(root, 'web/dist/index.html')) ? newest(join(root, 'web/dist'), () => true) : 0;
  return sources > built;
}
