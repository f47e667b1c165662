// Writes one benchmark's section of bench/RESULTS.md, keeping the other benchmarks' sections.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';

const FILE = new URL('../RESULTS.md', import.meta.url);

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function recordSection(id, markdown) {
  const header =
    '# mesodesk benchmark results\n\nWritten by `npm run bench`; each section is replaced when its benchmark runs again.\n';
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : header;
  const start = `<!-- ${id}:start -->`;
  const end = `<!-- ${id}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
}

export function formatRate(n) {
  return Math.round(n).toLocaleString('en-US');
}
