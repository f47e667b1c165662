import { stringify } from 'yaml';
import { knowledgeFiles, type KnowledgeFileKey } from '../../core/knowledge/knowledge-files.js';
import { formatKnowledgeProblem, type KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { lintKnowledgeBase } from '../../knowledge-files/lint-knowledge-base.js';
import { errorLine } from '../cli-errors.js';
import { EXIT, type CliIo } from '../cli-io.js';

/**
 * `mesodesk kb lint`: validates the knowledge base and resolves every citation. "Resolved" says what
 * was proved - the cited line exists and has text - not that the line supports the fact. Each
 * translation must give every text, with the English figures.
 */
export function kbLintCommand(options: { knowledge?: string; seeds?: string }, io: CliIo): number {
  const report = lintKnowledgeBase(options.knowledge, options.seeds);
  for (const note of report.notes) io.err(`note: ${note}`);
  if (report.problems.length) {
    for (const p of report.problems) io.err(formatKnowledgeProblem(p));
    io.err(`kb lint: ${report.problems.length} problem(s)`);
    return EXIT.failed;
  }
  const { seed, house, outside } = report.citationsByKind;
  const files = Object.keys(knowledgeFiles).length;
  const version = report.knowledgeBase?.data.sources.version;
  const languages = report.translations?.languages ?? [];
  const translated = languages.length
    ? `; translations ${languages.join(', ')}: each gives all ${report.translations?.texts} texts, with the English figures`
    : '; no translations';
  if (report.seeds.found)
    io.out(
      `kb lint: ok - ${files} files, ${report.citations} citations resolved to existing lines ` +
        `(${seed} in seed articles, ${house} in house rules, ${outside} in outside references; whether a line supports its fact is for review), ` +
        `version ${version}${translated}`,
    );
  else
    io.out(
      `kb lint: ok, in part - ${files} files; ${house + outside} citations of house rules and outside references resolved to existing lines; ` +
        `${seed} citations of the seed articles NOT resolved: the articles are not at ${report.seeds.dir} (name their folder with --seeds), ` +
        `so only their line numbers were checked against the line counts in sources.yaml; whether a line supports its fact is for review, version ${version}${translated}`,
    );
  return EXIT.ok;
}

/** Topic names accepted by `kb show`: the file keys, also in their file-name spelling (side-effects). */
export function kbTopics(): string[] {
  return Object.values(knowledgeFiles).map((f) => f.file.replace(/\.yaml$/, ''));
}

function findEntry(kb: KnowledgeBase, id: string): unknown {
  for (const value of Object.values(kb.data)) {
    for (const list of Object.values(value as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue;
      const hit = list.find((x: { id?: string; code?: string }) => x?.id === id || x?.code === id);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** `mesodesk kb show TOPIC`: prints a knowledge-base topic (a file) or one entry by id or code. */
export function kbShowCommand(topic: string, kb: KnowledgeBase, io: CliIo): number {
  const key = (Object.keys(knowledgeFiles) as KnowledgeFileKey[]).find(
    (k) => knowledgeFiles[k].file === `${topic}.yaml` || k === topic,
  );
  const value = key ? kb.data[key] : findEntry(kb, topic);
  if (value === undefined) {
    io.err(
      errorLine(
        `TOPIC: unknown topic or entry "${topic}"; topics: ${kbTopics().join(', ')}; or an id such as hair_loss or PREGNANCY`,
      ),
    );
    return EXIT.invalidInput;
  }
  io.out(stringify(value, { lineWidth: 100 }).trimEnd());
  return EXIT.ok;
}
