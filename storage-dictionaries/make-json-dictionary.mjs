#!/usr/bin/env node
// Writes storage-dictionaries/json-<id>.txt: the preset dictionary that large JSON columns are
// compressed against (src/storage/packed-json.ts). It holds the assessment results the clinical core
// gives most often for the generated intakes of `mesodesk seed-large` (texts of the knowledge base,
// never a patient's), the most frequent last (nearest to the data, where a match costs least). Run after
// `npm run build`:  node storage-dictionaries/make-json-dictionary.mjs <id>
// A written dictionary is never changed: stored values name it. A better one gets the next id.
import { existsSync, writeFileSync } from 'node:fs';

const id = process.argv[2];
if (!/^[0-9]+$/.test(id ?? '')) throw new Error('usage: make-json-dictionary.mjs <numeric id>');
const file = new URL(`./json-${id}.txt`, import.meta.url);
if (existsSync(file)) throw new Error(`json-${id}.txt exists; a dictionary is never rewritten`);
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { loadKnowledgeLibrary } = await dist('knowledge-files/load-knowledge-library.js');
const { firstIntake } = await dist('storage/seed-large/intake-profiles.js');
const { seededRandom } = await dist('storage/seed-large/seeded-random.js');
const { assess } = await dist('core/assessment/assess.js');

const kb = loadKnowledgeLibrary().base;
const random = seededRandom(1);
const counts = new Map();
for (let i = 0; i < 3000; i++) {
  const age = 20 + Math.floor(random.next() * 50);
  const subject = { birthDate: `${2026 - age}-06-15`, sex: random.chance(0.7) ? 'female' : 'male', age };
  const text = JSON.stringify(assess(firstIntake(kb, random, subject, '2026-12-01'), kb));
  counts.set(text, (counts.get(text) ?? 0) + 1);
}
const limit = 32 * 1024;
const chosen = [];
let size = 0;
for (const [text] of [...counts].sort((a, b) => b[1] - a[1])) {
  if (size + text.length > limit) continue;
  chosen.unshift(text);
  size += text.length + 1;
}
writeFileSync(file, chosen.join('\n'));
console.log(`wrote json-${id}.txt: ${chosen.length} results, ${size} bytes, from ${counts.size} distinct of 3000`);
