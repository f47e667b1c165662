import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStaticSite } from './static-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i % 37}`))};`;

function site() {
  const dir = mkdtempSync(join(tmpdir(), 'mesodesk-static-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'assets/app-1.js'), script);
  writeFileSync(join(dir, 'assets/random.js'), randomBytes(4096));
  const loaded = loadStaticSite(dir);
  if (!loaded) throw new Error('the site has an index.html');
  return loaded;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('static site', () => {
  it('has the gzipped body of a compressible file when asked at once, before the background compression ends', () => {
    const gzip = site().files.get('/assets/app-1.js')?.gzip;
    expect(gzip).toBeInstanceOf(Buffer);
    expect(gunzipSync(gzip ?? Buffer.alloc(0)).toString()).toBe(script);
  });

  it('has the same once the background compression has ended', async () => {
    const file = site().files.get('/assets/app-1.js');
    await settled();
    expect(gunzipSync(file?.gzip ?? Buffer.alloc(0)).toString()).toBe(script);
    expect(file?.gzip?.length).toBeLessThan(script.length / 4);
  });

  it('keeps no gzip for small files, or where compressing does not make it smaller', async () => {
    const files = site().files;
    await settled();
    expect(files.get('/index.html')?.gzip).toBeNull();
    // Random bytes do not compress: gzip only adds its header.
    expect(files.get('/assets/random.js')?.gzip).toBeNull();
  });
});
