import type { z } from 'zod';
import { deepFreeze } from '../deep-freeze.js';
import { fieldPath } from '../field-path.js';
import { bloodThinnerWordingProblems } from './blood-thinner-wording.js';
import { CITATION } from './schema/common.js';
import type { RuleCondition } from './schema/rule-condition-schema.js';
import { knowledgeFiles, type KnowledgeData, type KnowledgeDocuments, type KnowledgeFileKey } from './knowledge-files.js';
import { normaliseTerm, type KnowledgeBase, type KnowledgeProblem } from './knowledge-base.js';

export type BuildResult = { ok: true; knowledgeBase: KnowledgeBase } | { ok: false; problems: KnowledgeProblem[] };

function validateFiles(documents: KnowledgeDocuments): { data?: KnowledgeData; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const data: Partial<Record<KnowledgeFileKey, unknown>> = {};
  for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[]) {
    const { file, schema } = knowledgeFiles[key];
    const parsed = (schema as z.ZodType).safeParse(documents[key]);
    if (parsed.success) data[key] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ file, path: fieldPath(issue.path), message: issue.message });
  }
  return problems.length ? { problems } : { data: data as KnowledgeData, problems };
}

function indexById<T extends { id: string }>(items: T[], file: string, list: string, problems: KnowledgeProblem[]): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) problems.push({ file, path: `${list}[${i}].id`, message: `duplicate id "${item.id}"` });
    map.set(item.id, item);
  });
  return map;
}

function codeSet(items: { code: string }[], file: string, list: string, problems: KnowledgeProblem[]): Set<string> {
  const codes = new Set<string>();
  items.forEach((item, i) => {
    if (codes.has(item.code)) problems.push({ file, path: `${list}[${i}].code`, message: `duplicate code "${item.code}"` });
    codes.add(item.code);
  });
  return codes;
}

/** Visits every value under a document with the key it stands under (array items: their list's key). */
function walk(value: unknown, path: string, key: string, visit: (key: string, v: unknown, path: string) => void): void {
  visit(key, value, path);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key, visit));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k, visit);
}

interface RuleIds {
  areas: string[];
  indications: string[];
  ingredients: string[];
  conditions: string[];
  procedures: string[];
}

function conditionIds(c: RuleCondition, out: RuleIds): void {
  if ('requestArea' in c) out.areas.push(...c.requestArea);
  else if ('requestIndication' in c) out.indications.push(...c.requestIndication);
  else if ('allergy' in c && typeof c.allergy === 'object') out.ingredients.push(...c.allergy.to);
  else if ('condition' in c) out.conditions.push(...(c.condition.codes ?? []));
  else if ('recentEvent' in c) {
    out.conditions.push(...(c.recentEvent.conditions ?? []));
    out.procedures.push(...(c.recentEvent.procedures ?? []));
  }
  else if ('anyOf' in c) c.anyOf.forEach((x) => conditionIds(x, out));
  else if ('allOf' in c) c.allOf.forEach((x) => conditionIds(x, out));
  else if ('not' in c) conditionIds(c.not, out);
}

/** Code by normalised code, name and alias; a term naming two different codes is a problem, since it could not be read safely. */
function termLookup(items: { code: string; name: string; aliases: string[] }[], file: string, list: string, problems: KnowledgeProblem[]): Map<string, string> {
  const lookup = new Map<string, string>();
  items.forEach((item, i) => {
    for (const term of [item.code, item.name, ...item.aliases]) {
      const key = normaliseTerm(term);
      const earlier = lookup.get(key);
      if (earlier !== undefined && earlier !== item.code) problems.push({ file, path: `${list}[${i}]`, message: `"${term}" already names "${earlier}"` });
      else lookup.set(key, item.code);
    }
  });
  return lookup;
}

export interface BuildOptions {
  /**
   * The documents are a translation's copy of the base (localize-knowledge-base.ts): the checks that
   * read the English texts (the blood-thinner wording) were made on the base and cannot read these.
   */
  localized?: boolean;
}

/**
 * Validates the knowledge-base documents (parsed YAML, keyed as in `knowledgeFiles`) against their
 * schemas and against each other, and indexes them. `version` identifies this exact content.
 */
export function buildKnowledgeBase(
  documents: KnowledgeDocuments,
  version: string,
  options: BuildOptions = {},
): BuildResult {
  const { data, problems } = validateFiles(documents);
  if (!data) return { ok: false, problems };
  const f = (k: KnowledgeFileKey) => knowledgeFiles[k].file;

  const areas = indexById(data.areas.areas, f('areas'), 'areas', problems);
  const indications = indexById(data.indications.indications, f('indications'), 'indications', problems);
  const ingredients = indexById(data.ingredients.ingredients, f('ingredients'), 'ingredients', problems);
  const mixtures = indexById(data.mixtures.mixtures, f('mixtures'), 'mixtures', problems);
  const protocols = indexById(data.protocols.protocols, f('protocols'), 'protocols', problems);
  const conflicts = indexById(data.conflicts.conflicts, f('conflicts'), 'conflicts', problems);
  const conditions = codeSet(data.screening.conditions, f('screening'), 'conditions', problems);
  const procedureTypes = codeSet(data.screening.procedureTypes, f('screening'), 'procedureTypes', problems);
  indexById(data.sources.sources, f('sources'), 'sources', problems);
  indexById(data.faq.faq, f('faq'), 'faq', problems);
  const sideEffects = new Map(data.sideEffects.sideEffects.map((s) => [s.code, s]));

  const need = (ok: boolean, file: string, path: string, message: string) => {
    if (!ok) problems.push({ file, path, message });
  };

  data.indications.indications.forEach((ind, i) => {
    ind.areas.forEach((a, j) => need(areas.has(a), f('indications'), `indications[${i}].areas[${j}]`, `unknown area "${a}"`));
    need(protocols.has(ind.protocol), f('indications'), `indications[${i}].protocol`, `unknown protocol "${ind.protocol}"`);
    need(mixtures.has(ind.mixture), f('indications'), `indications[${i}].mixture`, `unknown mixture "${ind.mixture}"`);
  });
  data.mixtures.mixtures.forEach((m, i) =>
    m.ingredients.forEach((x, j) =>
      need(ingredients.has(x.ingredient), f('mixtures'), `mixtures[${i}].ingredients[${j}].ingredient`, `unknown ingredient "${x.ingredient}"`),
    ),
  );
  for (const key of ['contraindications', 'precautions'] as const) {
    const rules = key === 'contraindications' ? data.contraindications.contraindications : data.precautions.precautions;
    const codes = new Set<string>();
    rules.forEach((rule, i) => {
      need(!codes.has(rule.code), f(key), `${key}[${i}].code`, `duplicate code "${rule.code}"`);
      codes.add(rule.code);
      const ids: RuleIds = { areas: [], indications: [], ingredients: [], conditions: [], procedures: [] };
      conditionIds(rule.when, ids);
      ids.areas.forEach((a) => need(areas.has(a), f(key), `${key}[${i}].when`, `unknown area "${a}"`));
      ids.indications.forEach((a) => need(indications.has(a), f(key), `${key}[${i}].when`, `unknown indication "${a}"`));
      ids.ingredients.forEach((a) => need(ingredients.has(a), f(key), `${key}[${i}].when`, `unknown ingredient "${a}"`));
      // A rule can only see codes the screening recognises: an alias or an unlisted code never reaches it.
      ids.conditions.forEach((a) => need(conditions.has(a), f(key), `${key}[${i}].when`, `unknown condition "${a}" (not in screening.yaml)`));
      ids.procedures.forEach((a) => need(procedureTypes.has(a), f(key), `${key}[${i}].when`, `unknown procedure type "${a}" (not in screening.yaml)`));
    });
  }
  const nf = data.needleFree.needleFree;
  nf.areas.forEach((a, i) => need(areas.has(a), f('needleFree'), `needleFree.areas[${i}]`, `unknown area "${a}"`));
  nf.indications.forEach((a, i) => need(indications.has(a), f('needleFree'), `needleFree.indications[${i}]`, `unknown indication "${a}"`));
  nf.agents.forEach((a, i) => need(ingredients.has(a), f('needleFree'), `needleFree.agents[${i}]`, `unknown ingredient "${a}"`));
  if (!options.localized) problems.push(...bloodThinnerWordingProblems(data));

  const sourceLines = new Map(data.sources.sources.map((s) => [s.file, s.lines]));
  for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[]) {
    walk(data[key], '', '', (k, v, path) => {
      if (typeof v === 'string' && (k === 'citation' || k === 'sources')) {
        const m = CITATION.exec(v);
        if (!m) return;
        const lines = sourceLines.get(m[1]!);
        if (lines === undefined) problems.push({ file: f(key), path, message: `cites "${m[1]}", which is not in sources.yaml` });
        else if (Number(m[2]) > lines) problems.push({ file: f(key), path, message: `cites line ${m[2]} but ${m[1]} has ${lines} lines` });
      }
      if (k === 'conflicts' && key !== 'conflicts' && Array.isArray(v))
        v.forEach((c, i) => need(typeof c === 'string' && conflicts.has(c), f(key), `${path}[${i}]`, `unknown conflict "${String(c)}"`));
    });
  }

  const conditionLookup = termLookup(data.screening.conditions, f('screening'), 'conditions', problems);
  const procedureLookup = termLookup(data.screening.procedureTypes, f('screening'), 'procedureTypes', problems);

  if (problems.length) return { ok: false, problems };

  const ingredientLookup = new Map<string, string>();
  for (const ing of data.ingredients.ingredients)
    for (const term of [ing.id, ing.name, ...ing.aliases]) ingredientLookup.set(normaliseTerm(term), ing.id);

  return {
    ok: true,
    knowledgeBase: {
      version,
      data: deepFreeze(data),
      areas,
      indications,
      ingredients,
      ingredientLookup,
      conditionLookup,
      procedureLookup,
      mixtures,
      protocols,
      conflicts,
      sideEffects,
      sourceLines,
    },
  };
}
