// Writes one benchmark's section of bench/RESULTS.md, keeping the other benchmarks' sections.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';

const FILE = new URL('../RESULTS.md', import.meta.url);

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const SUMMARY = /<!-- summary:start -->[\s\S]*?<!-- summary:end -->\n*/;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/**
 * One line per section, in the file's order: its heading (linked), the day it ran and whether it met
 * its target, read from the section's own verdict lines (those starting with "Target", "Targets" or
 * "Result", or a list item ending in met or missed). A section with none is "for information".
 */
export function summary(text) {
  const rows = [];
  for (const [, id, body] of text.matchAll(/<!-- ([\w-]+):start -->\n([\s\S]*?)\n<!-- \1:end -->/g)) {
    if (id === 'summary') continue;
    const heading = body.match(/^## (.+)$/m)?.[1] ?? id;
    const day = body.match(/\b20\d\d-\d\d-\d\d\b/)?.[0] ?? '';
    const verdicts = body
      .split('\n')
      .filter((line) => /^(\*\*)?(Targets?|Result)\b/.test(line) || /^- .*\*\*(met|missed)\*\*/.test(line))
      .join(' ');
    const result = /\*\*missed\*\*|\bmissed\b/.test(verdicts)
      ? '**missed**'
      : /\bmet\b/.test(verdicts)
        ? 'met'
        : 'for information';
    rows.push(`| [${heading.replace(/\|/g, '\\|')}](#${anchor(heading)}) | ${day} | ${result} |`);
  }
  return `<!-- summary:start -->\n## At a glance\n\n| benchmark | run | target |\n|---|---|---|\n${rows.join('\n')}\n<!-- summary:end -->\n\n`;
}

/** The text with its "At a glance" table made again from the sections (placed before the first heading). */
export function withSummary(text) {
  const without = text.replace(SUMMARY, '');
  const at = without.indexOf('\n## ');
  if (at < 0) return `${without.trimEnd()}\n\n${summary(without)}`;
  return `${without.slice(0, at + 1)}${summary(without)}${without.slice(at + 1)}`;
}

export function recordSection(id, markdown) {
  const header =
    '# mesodesk benchmark results\n\nWritten by `npm run bench`; each section is replaced when its benchmark runs again.\n';
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : header;
  const start = `<!-- ${id}:start -->`;
  const end = `<!-- ${id}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = re.test(text) ? text.replace(re, () => block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, withSummary(text));
}

export function formatRate(n) {
  return Math.round(n).toLocaleString('en-US');
}
