// Assessments per second on one core: mesodesk's engine vs the same contraindication rules in
// json-rules-engine. Target: >= 100 000/s and >= 10x the peer. Run: npm run bench (or node bench/assessment-throughput.js after a build).
import { readdirSync, readFileSync } from 'node:fs';
import { assess } from '../dist/core/assessment/assess.js';
import { parseIntake } from '../dist/core/assessment/parse-intake.js';
import { loadKnowledgeBase } from '../dist/knowledge-files/load-knowledge-base.js';
import { createEngine, verdictWithJsonRulesEngine } from './lib/json-rules-engine-rules.js';
import { formatRate, machine, recordSection } from './lib/results.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const dir = new URL('../examples/', import.meta.url);
const raw = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
const intakes = raw.map((r) => {
  const p = parseIntake(r);
  if (!p.ok) throw new Error('example does not validate');
  return p.value;
});
const kb = loadKnowledgeBase();
const engine = createEngine(kb);

// Both engines must agree on the contraindication codes before their speed means anything.
for (const intake of intakes) {
  const ours = assess(intake, kb)
    .reasons.map((r) => r.code)
    .filter((c) => c !== 'INGREDIENT_ALLERGY');
  const peer = (await verdictWithJsonRulesEngine(engine, intake)).codes.filter((c) => c !== 'INGREDIENT_ALLERGY');
  if (JSON.stringify([...ours].sort()) !== JSON.stringify([...peer].sort()))
    throw new Error(`engines disagree on ${JSON.stringify(intake.request)}: ${ours} vs ${peer}`);
}

function measureSync(label, fn) {
  let n = 0;
  const until = performance.now() + SECONDS * 1000;
  // Warm-up, then count whole passes over the examples until time is up.
  for (let i = 0; i < 2000; i++) fn(i % intakes.length);
  const start = performance.now();
  while (performance.now() < until) for (let i = 0; i < intakes.length; i++, n++) fn(i);
  const rate = n / ((performance.now() - start) / 1000);
  console.log(`${label}: ${formatRate(rate)} assessments/s`);
  return rate;
}

async function measureAsync(label, fn) {
  let n = 0;
  for (let i = 0; i < 500; i++) await fn(i % intakes.length);
  const start = performance.now();
  const until = start + SECONDS * 1000;
  while (performance.now() < until) for (let i = 0; i < intakes.length; i++, n++) await fn(i);
  const rate = n / ((performance.now() - start) / 1000);
  console.log(`${label}: ${formatRate(rate)} assessments/s`);
  return rate;
}

console.log(`assessment throughput, one core, ${intakes.length} example intakes, ${SECONDS}s per engine`);
const full = measureSync('mesodesk assess (rules, precautions, plan, conflicts)', (i) => assess(intakes[i], kb));
const validated = measureSync('mesodesk parseIntake + assess (from raw JSON objects)', (i) => {
  const p = parseIntake(raw[i]);
  return p.ok && assess(p.value, kb);
});
const peer = await measureAsync('json-rules-engine (contraindication rules only)', (i) =>
  verdictWithJsonRulesEngine(engine, intakes[i]),
);
const ratio = full / peer;
const pass = full >= 100_000 && ratio >= 10;
console.log(`ratio: ${ratio.toFixed(1)}x - target >= 100 000/s and >= 10x: ${pass ? 'MET' : 'MISSED'}`);

recordSection(
  'assessment-throughput',
  `## Assessment throughput (issue: foundation)

${new Date().toISOString().slice(0, 10)} - ${machine()}

| engine | assessments/s (one core) |
|---|---|
| mesodesk \`assess\` (contraindications, precautions, plan, conflicts) | ${formatRate(full)} |
| mesodesk \`parseIntake\` + \`assess\` (validation included) | ${formatRate(validated)} |
| json-rules-engine, same contraindication rules, facts precomputed | ${formatRate(peer)} |

Target: >= 100 000/s and >= 10x json-rules-engine. Measured: ${formatRate(full)}/s, ${ratio.toFixed(1)}x - **${pass ? 'met' : 'missed'}**.`,
);
if (!pass) process.exitCode = 1;
