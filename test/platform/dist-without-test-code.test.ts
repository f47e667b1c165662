import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * dist/ is what ships: every module in it is used by the product, and none is a test or a test helper.
 * tsconfig.build.json leaves out `*.test.ts` and `test-support/`, but tsc still compiles an excluded file
 * that an included one imports, so a product module importing a helper would carry it (and whatever
 * the helper imports) into dist/ without a word. npm test builds dist/ before vitest runs.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
/** Folders whose scripts load modules from dist/: the commands (bin/), the benchmarks, the API type generator. */
const scriptFolders = ['bin', 'bench', 'web/scripts'];

const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  bin?: Record<string, string>;
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

const fromRoot = (path: string) => relative(root, path).split(sep).join('/');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => keep(file) && !file.split(sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((file) => join(dir, file));
}

/** Relative specifiers of static imports and re-exports, side-effect imports and dynamic `import()`. */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(['"])(\.{1,2}\/[^'"]*)\1/g)].map((match) => match[2]!);
}

/** The TypeScript file a dist module was compiled from (as its source map says), or null when it is gone. */
function sourceOf(module: string): string | null {
  const map = `${module}.map`;
  const source = existsSync(map)
    ? resolve(dirname(map), (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources[0]!)
    : join(root, 'src', relative(dist, module)).replace(/\.js$/, '.ts');
  return existsSync(source) ? source : null;
}

/**
 * The dist modules a module uses: what its JavaScript imports, and what its source imports for types
 * alone (tsc drops those imports, and a module of types alone compiles to an empty `export {}`).
 */
function importsOf(module: string): string[] {
  const source = sourceOf(module);
  const fromSource = source ? relativeImports(readFileSync(source, 'utf8')).map((s) => s.replace(/\.ts$/, '.js')) : [];
  const specifiers = new Set([...relativeImports(readFileSync(module, 'utf8')), ...fromSource]);
  return [...specifiers].map((specifier) => resolve(dirname(module), specifier)).filter((path) => existsSync(path));
}

/** The scripts that run the product or load it from dist/: those in `scriptFolders` and those package.json runs. */
function productScripts(): string[] {
  const named = [
    ...Object.values(packageJson.bin ?? {}),
    ...Object.values(packageJson.scripts ?? {}).flatMap((line) =>
      [...line.matchAll(/\bnode\s+([\w./-]+\.m?js)\b/g)].map((m) => m[1]!),
    ),
  ].map((path) => join(root, path));
  const inFolders = scriptFolders.flatMap((folder) => filesUnder(join(root, folder), (name) => /\.m?js$/.test(name)));
  return [...new Set([...named, ...inFolders])].filter((path) => existsSync(path));
}

interface Entries {
  /** dist modules the scripts load. */
  modules: Set<string>;
  /** `dist/...` paths a script names that the build does not produce, with the script naming them. */
  missing: string[];
}

/**
 * The dist modules the product starts from, as its scripts name them: `../dist/x.js` or `dist/x.js`
 * (from the repository root), and a bare `server/build-app.js` handed to a helper that prefixes dist/.
 */
function productEntries(): Entries {
  const modules = new Set<string>();
  const missing: string[] = [];
  for (const script of productScripts()) {
    const text = readFileSync(script, 'utf8');
    for (const [, literal] of text.matchAll(/['"`]((?:\.{1,2}\/)*dist\/[\w@./-]+\.js)['"`]/g)) {
      const path = literal!.startsWith('.') ? resolve(dirname(script), literal!) : join(root, literal!);
      if (!path.startsWith(dist + sep)) continue;
      if (existsSync(path)) modules.add(path);
      else missing.push(`${fromRoot(path)} (named by ${fromRoot(script)})`);
    }
    for (const [, literal] of text.matchAll(/['"`]([\w-]+(?:\/[\w.-]+)+\.js)['"`]/g)) {
      if (existsSync(join(dist, literal!))) modules.add(join(dist, literal!));
    }
  }
  return { modules, missing };
}

function reachableFrom(entries: Iterable<string>): Set<string> {
  const reached = new Set<string>();
  const pending = [...entries];
  for (let module = pending.pop(); module !== undefined; module = pending.pop()) {
    if (reached.has(module) || !existsSync(module)) continue;
    reached.add(module);
    pending.push(...importsOf(module));
  }
  return reached;
}

const isTestCode = (path: string) => {
  const parts = relative(dist, path).split(sep);
  return (
    /\.(test|spec)\.js$/.test(parts.at(-1)!) ||
    parts.some((part) => ['test-support', 'test', 'tests', '__tests__'].includes(part))
  );
};

/** Packages a module loads at run time that package.json lists under devDependencies only. */
function devDependenciesLoaded(module: string): string[] {
  const dev = new Set(Object.keys(packageJson.devDependencies ?? {}));
  const text = readFileSync(module, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(['"])([^.'"][^'"]*)\1/g)]
    .map((match) =>
      match[2]!
        .split('/')
        .slice(0, match[2]!.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter((name) => dev.has(name));
}

describe('dist/', () => {
  if (!existsSync(join(dist, 'server/main.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  const modules = filesUnder(dist, (name) => name.endsWith('.js'));
  // Left over from an earlier build (`npm run build` empties dist/ first; `tsc` alone does not).
  const stale = modules.filter((module) => sourceOf(module) === null);
  const built = modules.filter((module) => !stale.includes(module));
  const entries = productEntries();

  it('was built from the current sources alone', () => {
    expect(stale.map(fromRoot), 'no source any more: run `npm run build`, which empties dist/ first').toEqual([]);
  });

  it('finds the product entry points', () => {
    // bin/start.js runs the server, bin/mesodesk.js the CLI.
    expect([...entries.modules].map(fromRoot)).toEqual(
      expect.arrayContaining(['dist/server/main.js', 'dist/cli/main.js']),
    );
    expect(entries.missing, 'dist/ paths that scripts load but the build does not produce').toEqual([]);
  });

  it('holds no test and no test helper', () => {
    expect(built.filter(isTestCode).map(fromRoot)).toEqual([]);
  });

  it('loads no development-only package (vitest, fast-check...): a test helper does, and installs omit them', () => {
    const loading = built.flatMap((module) =>
      devDependenciesLoaded(module).map((name) => `${fromRoot(module)}: ${name}`),
    );
    expect(loading).toEqual([]);
  });

  it('holds only modules the product uses', () => {
    const reached = reachableFrom(entries.modules);
    const unused = built.filter((module) => !reached.has(module) && !isTestCode(module));
    expect(
      unused.map(fromRoot),
      'modules no entry point reaches: dead code, or test code outside test-support/',
    ).toEqual([]);
  });
});
