import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));
export const webDist = join(webDir, 'dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function isStale(): boolean {
  const built = existsSync(join(webDist, 'index.html')) ? statSync(join(webDist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(
    newest(join(webDir, 'src')),
    newest(join(webDir, 'public')),
    newest(join(webDir, 'index.html')),
    newest(join(webDir, 'vite.config.ts')),
  );
  return built < sources;
}

const lockDir = join(tmpdir(), `mesodesk-web-build-${Buffer.from(webDir).toString('base64url').slice(-24)}.lock`);

/** One build at a time across parallel test files: mkdir is atomic. A lock older than 3 minutes is a crashed run's. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 180_000)
        rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Builds web/dist when it is missing or older than the web sources, so the browser tests always
 * drive the current app (CI runs `npm run build:web` first, and then this does nothing).
 */
export async function ensureWebBuild(): Promise<void> {
  if (!isStale()) return;
  await withLock(async () => {
    if (!isStale()) return;
    // Vitest sets NODE_ENV=test, which would make this a development build (React's dev bundle):
    // build for production, as `npm run build:web` does, since the server serves whatever is here.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  });
}
