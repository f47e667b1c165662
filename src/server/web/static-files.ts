import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzip as zlibGzip, gzipSync } from 'node:zlib';
import { contentTypeOf, isCompressible } from './content-types.js';

export interface StaticFile {
  body: Buffer;
  /** The body gzipped, when that is worth it. */
  gzip: Buffer | null;
  contentType: string;
  etag: string;
  /** Vite names built assets by their content hash, so they never change under their name. */
  immutable: boolean;
}

export interface StaticSite {
  /** By URL path, e.g. `/assets/index-abc123.js`. */
  files: ReadonlyMap<string, StaticFile>;
  /** When index.html was written: a newer one means the app was rebuilt. */
  builtAt: number;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Dot files (editor and OS leftovers) are never part of the app.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function staticFile(path: string, urlPath: string): StaticFile {
  const body = readFileSync(path);
  const contentType = contentTypeOf(path);
  const worthIt = (gzip: Buffer) => (gzip.length < body.length ? gzip : null);
  // Compressed off the main thread, so the server answers before the app is compressed; a request
  // that comes first compresses its file then.
  let gzip: Buffer | null | undefined = isCompressible(contentType) && body.length > 1024 ? undefined : null;
  if (gzip === undefined)
    zlibGzip(body, { level: 9 }, (error, compressed) => {
      if (gzip === undefined) gzip = error ? null : worthIt(compressed);
    });
  return {
    body,
    get gzip() {
      if (gzip === undefined) gzip = worthIt(gzipSync(body, { level: 9 }));
      return gzip;
    },
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    immutable: urlPath.startsWith('/assets/'),
  };
}

export function indexHtmlTime(root: string): number | null {
  const index = join(root, 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : null;
}

/**
 * The built web app, read into memory once (a few hundred kilobytes) and compressed once (in the
 * background), so each request is a lookup. Only files found under `root` can ever be served: URLs
 * are looked up, never joined onto the file system, so `..` leads nowhere. Null when there is no build.
 */
export function loadStaticSite(root: string): StaticSite | null {
  const builtAt = indexHtmlTime(root);
  if (builtAt === null) return null;
  const files = new Map<string, StaticFile>();
  for (const path of walk(root)) {
    const urlPath = `/${relative(root, path).split(sep).join('/')}`;
    files.set(urlPath, staticFile(path, urlPath));
  }
  return { files, builtAt };
}
