import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { knowledgeFiles } from '../core/knowledge/knowledge-files.js';
import { defaultKnowledgeDir } from '../knowledge-files/load-knowledge-base.js';
import { formatFieldPath, wrongTypeAt } from '../test-support/hostile-values.js';
import { kbLintCommand } from './commands/kb-commands.js';
import { runCli } from './run-cli.js';
import {
  expectFieldNamed,
  garbage,
  outcome,
  root,
  runs,
  stackTrace,
  truncated,
} from './test-support/malformed-file-support.js';

/**
 * `mesodesk kb lint` given knowledge files broken in every way fast-check can make them (cut short,
 * wrong types, binary garbage, empty, missing, a folder): exit 1, one line per problem naming the
 * file (and the field, for a wrong value), no stack trace. FUZZ_RUNS raises the number of files tried.
 */
describe('mesodesk kb lint with a malformed knowledge file', () => {
  const names = Object.values(knowledgeFiles).map((f) => f.file);
  let copies = 0;
  /**
   * A copy of knowledge/ with `file` replaced by `content` (or removed, or made a folder). Without the
   * translations: an English file cut short would also leave them naming items it lost, which
   * kb-lint-translations.test.ts covers.
   */
  function knowledgeWith(file: string, content: string | Uint8Array | 'missing' | 'folder'): string {
    const dir = join(root, `knowledge-${++copies}`);
    const translations = join(defaultKnowledgeDir, 'translations');
    cpSync(defaultKnowledgeDir, dir, { recursive: true, filter: (source) => !source.startsWith(translations) });
    rmSync(join(dir, file));
    if (content === 'folder') mkdirSync(join(dir, file));
    else if (content !== 'missing') writeFileSync(join(dir, file), content);
    return dir;
  }
  const lint = (dir: string) => outcome((io) => kbLintCommand({ knowledge: dir }, io));
  /**
   * `knowledge/areas.yaml: areas[2].name: message`, one per problem, then the count; and a `note:` on
   * what could not be checked (no seed articles beside a plain clone).
   */
  const problemLine = /^knowledge\/[\w-]+\.yaml: [^\n]+$|^kb lint: \d+ problem\(s\)$|^note: [^\n]+$/;
  /** A reference to an id or a source file that another knowledge file no longer has. */
  const danglingReference = /: unknown [a-z ]+ "|: cites "[^"]+", which is not in sources\.yaml$/;

  interface BrokenKnowledge {
    file: string;
    content: string | Uint8Array | 'missing' | 'folder';
    /** The field given a wrong value, which the lint must name. */
    field?: string;
    /** A file cut short can still be valid (cut at the end of an entry): then there is nothing to refuse. */
    mayBeValid?: boolean;
  }
  const brokenKnowledge = fc.constantFrom(...names).chain((file): fc.Arbitrary<BrokenKnowledge> => {
    const text = readFileSync(join(defaultKnowledgeDir, file), 'utf8');
    const data = parse(text) as object;
    return fc.oneof(
      truncated(text).map((content) => ({ file, content, mayBeValid: true })),
      garbage.map((content) => ({ file, content })),
      fc.constantFrom('', 'missing', 'folder', '- a\n- b\n', 'just text').map((content) => ({ file, content })),
      wrongTypeAt(data).map(({ body, path }) => ({ file, content: stringify(body), field: formatFieldPath(path) })),
    );
  });

  it('exits 1 with one line per problem, naming the file and, for a wrong value, the field', async () => {
    await fc.assert(
      fc.asyncProperty(brokenKnowledge, async ({ file, content, field, mayBeValid }) => {
        const result = await lint(knowledgeWith(file, content));
        if (mayBeValid && result.code === 0) return;
        const context = `${file} → exit ${result.code}\n${result.stderr.slice(0, 2000)}`;
        expect(result.code, context).toBe(1);
        expect(result.stderr, context).not.toMatch(stackTrace);
        const lines = result.stderr.trimEnd().split('\n');
        for (const line of lines) expect(line, context).toMatch(problemLine);
        const own = lines.filter((line) => line.startsWith(`knowledge/${file}: `));
        // A changed id, or sources.yaml cut short after a whole entry, can leave the file itself
        // sound: then the files that refer to what it lost are named.
        const problems = lines.filter((line) => !line.startsWith('kb lint: ') && !line.startsWith('note: '));
        const danglingOnly =
          own.length === 0 && problems.length > 0 && problems.every((line) => danglingReference.test(line));
        if (danglingOnly) return;
        expect(own.length, context).toBeGreaterThan(0);
        if (field) expectFieldNamed(own, field, (line) => [line.split(': ')[1] ?? '']);
      }),
      { numRuns: runs * 3 },
    );
  });

  it('names every citation of a source that sources.yaml no longer lists, in the files that cite it', async () => {
    const text = readFileSync(join(defaultKnowledgeDir, 'sources.yaml'), 'utf8');
    // Cut after the first source's entry: still sound YAML and a sound sources.yaml by itself.
    const secondEntry = text.indexOf('\n  - id: ', text.indexOf('\n  - id: ') + 1);
    const kept = text.slice(0, secondEntry + 1);
    const dropped = [...text.slice(secondEntry).matchAll(/file: (\S+)/g)].map((m) => m[1]);
    expect(dropped.length).toBeGreaterThan(0);
    const result = await lint(knowledgeWith('sources.yaml', kept));
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    const problems = lines.filter((line) => !line.startsWith('kb lint: ') && !line.startsWith('note: '));
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) expect(line).toMatch(danglingReference);
    for (const file of dropped)
      expect(
        problems.some((line) => line.includes(`cites "${file}"`)),
        file,
      ).toBe(true);
    expect(problems.some((line) => line.startsWith('knowledge/sources.yaml: '))).toBe(false);
  });

  it('is what `mesodesk kb lint` runs', async () => {
    const dir = knowledgeWith('areas.yaml', 'areas: [');
    const result = await outcome((io) => runCli(['kb', 'lint', '--knowledge', dir], io));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^knowledge\/areas\.yaml: line \d+: /);
    expect(existsSync(dir)).toBe(true);
  });
});
