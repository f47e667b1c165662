#!/usr/bin/env node
// Writes the web app's view of the server, so that the web build needs no running server:
//   web/src/api/schema.d.ts          TypeScript types of the OpenAPI document (openapi-typescript)
//   web/src/knowledge/catalogue.json the knowledge base's codes and names the forms offer (indications,
//                                    areas, ingredients, side effects, source article titles), which no route serves,
//                                    with each translation's names of them under `languages`
// It builds the real app in-process from dist/ (run `npm run build` first) over an in-memory SQLite
// database, so the document is exactly what `npm start` would serve.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../../', import.meta.url);
// MESODESK_DIST names another build folder at the top of the project (e.g. `.dist-mine`, built with
// `tsc -p tsconfig.build.json --outDir .dist-mine`), so that types can be generated while `dist/` is in use.
const distFolder = process.env.MESODESK_DIST ?? 'dist';
const dist = (path) => new URL(`${distFolder}/${path}`, root).href;

async function importDist(path) {
  try {
    return await import(dist(path));
  } catch (error) {
    console.error(`generate-api-types: cannot load ${distFolder}/${path}; run \`npm run build\` first.`);
    throw error;
  }
}

const { buildApp } = await importDist('server/build-app.js');
const { createDatabase } = await importDist('storage/create-database.js');
const { migrateToLatest } = await importDist('storage/migrate.js');
const { loadKnowledgeLibrary } = await importDist('knowledge-files/load-knowledge-library.js');

function write(relative, text) {
  const file = fileURLToPath(new URL(relative, root));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${relative} (${text.length} characters)`);
}

/** Only what the web forms need, not the rules: the server stays the one that assesses. */
function catalogue(kb) {
  const { data } = kb;
  return {
    version: kb.version,
    sources: data.sources.sources.map((s) => ({ id: s.id, file: s.file, title: s.title, lines: s.lines })),
    indications: data.indications.indications.map((i) => ({ id: i.id, name: i.name, areas: i.areas })),
    areas: data.areas.areas.map((a) => ({ id: a.id, name: a.name, region: a.region })),
    ingredients: data.ingredients.ingredients.map((i) => ({ id: i.id, name: i.name })),
    // For the side-effect form's list of symptoms; the triage itself stays on the server.
    sideEffects: data.sideEffects.sideEffects.map((e) => ({ code: e.code, name: e.name, kind: e.kind })),
    // The symptoms a report can tick (side-effects.yaml `signs`), in the patient's words, grouped by kind.
    symptoms: data.sideEffects.sideEffects.flatMap((e) =>
      e.signs.map((s) => ({ code: s.code, patient: s.patient, sideEffect: e.code, kind: e.kind })),
    ),
  };
}

/** The names a reader reads in the catalogue, by id or code: what a translation gives in its language. */
function names(kb) {
  const { data } = kb;
  const byId = (items, key, text) => Object.fromEntries(items.map((item) => [item[key], item[text]]));
  return {
    indications: byId(data.indications.indications, 'id', 'name'),
    areas: byId(data.areas.areas, 'id', 'name'),
    ingredients: byId(data.ingredients.ingredients, 'id', 'name'),
    sideEffects: byId(data.sideEffects.sideEffects, 'code', 'name'),
    symptoms: byId(
      data.sideEffects.sideEffects.flatMap((e) => e.signs),
      'code',
      'patient',
    ),
    sources: byId(data.sources.sources, 'id', 'title'),
  };
}

/**
 * Each translation's names, only where they differ from the English: where a translation lacks a
 * text its knowledge base holds the English one, which the web app falls back to anyway.
 */
function languageNames(library) {
  const english = names(library.base);
  const languages = {};
  for (const language of library.languages) {
    const kb = library.for(language);
    if (kb === library.base) continue;
    const own = names(kb);
    languages[language] = Object.fromEntries(
      Object.entries(own).map(([list, byId]) => [
        list,
        Object.fromEntries(Object.entries(byId).filter(([id, name]) => name !== english[list][id])),
      ]),
    );
  }
  return languages;
}

// Every language of the knowledge base: the document lists them where a reader's language is asked for.
const knowledgeLibrary = loadKnowledgeLibrary();
const knowledgeBase = knowledgeLibrary.base;
const db = createDatabase({ engine: 'sqlite', file: ':memory:' });
try {
  await migrateToLatest(db);
  const app = await buildApp({ db, knowledgeBase, knowledgeLibrary });
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (response.statusCode !== 200)
    throw new Error(`GET /api/openapi.json answered ${response.statusCode}: ${response.body}`);
  const document = response.json();
  await app.close();

  const header =
    "// Generated by web/scripts/generate-api-types.mjs from the server's OpenAPI document. Do not edit.\n\n";
  write('web/src/api/schema.d.ts', header + astToString(await openapiTS(document)));
  const catalogueJson = { ...catalogue(knowledgeBase), languages: languageNames(knowledgeLibrary) };
  write('web/src/knowledge/catalogue.json', `${JSON.stringify(catalogueJson, null, 2)}\n`);
  console.log(`${Object.keys(document.paths ?? {}).length} API paths`);
} finally {
  await db.destroy();
}
