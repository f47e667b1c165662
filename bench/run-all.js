// Runs every benchmark in bench/ in turn (each writes its section of bench/RESULTS.md).
// BENCH_ONLY=name runs one; a benchmark that misses its target makes the run exit non-zero.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.env.BENCH_ONLY;
const benches = readdirSync(dir).filter(
  (f) => f.endsWith('.js') && f !== 'run-all.js' && (!only || f.startsWith(only)),
);
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
console.log(
  `\n${benches.length - failed} benchmark(s) met their targets, ${failed} missed or failed; see bench/RESULTS.md`,
);
process.exitCode = failed ? 1 : 0;
