import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, KnowledgeBaseError, loadKnowledgeBase, readKnowledgeFiles } from '../../knowledge-files/load-knowledge-base.js';
import { buildKnowledgeBase } from './build-knowledge-base.js';
import { formatKnowledgeProblem } from './knowledge-base.js';

const read = () => readKnowledgeFiles();
const problemsOf = (mutate: (docs: Record<string, any>) => void) => {
  const { documents } = read();
  const docs = structuredClone(documents) as Record<string, any>;
  mutate(docs);
  const built = buildKnowledgeBase(docs as typeof documents, 'test');
  return built.ok ? [] : built.problems.map(formatKnowledgeProblem);
};

/** Fields that state something to a reader; every object holding one must cite its source. */
const STATEMENT_FIELDS = ['text', 'textOnBloodThinner', 'message', 'answer', 'summary', 'note', 'advice', 'description', 'offerWhen', 'sideEffects', 'combinations', 'applied', 'title', 'name'];

function unsourcedStatements(value: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => unsourcedStatements(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const states = STATEMENT_FIELDS.some((f) => typeof obj[f] === 'string');
    const cited = (Array.isArray(obj.sources) && obj.sources.length > 0) || typeof obj.citation === 'string';
    if (states && !cited) out.push(path);
    for (const [k, v] of Object.entries(obj)) unsourcedStatements(v, `${path}.${k}`, out);
  }
  return out;
}

describe('knowledge base', () => {
  it('loads and validates the project knowledge base', () => {
    const kb = loadKnowledgeBase();
    expect(kb.indications.size).toBeGreaterThanOrEqual(10);
    expect(kb.data.contraindications.contraindications.length).toBeGreaterThanOrEqual(19);
    expect(kb.data.faq.faq.length).toBeGreaterThanOrEqual(20);
  });

  it('every fact cites a source: no statement anywhere lacks one', () => {
    const kb = loadKnowledgeBase();
    const missing: string[] = [];
    for (const [key, doc] of Object.entries(kb.data)) if (key !== 'sources') unsourcedStatements(doc, key, missing);
    expect(missing).toEqual([]);
  });

  it('a fact without sources is rejected, naming file and field', () => {
    expect(problemsOf((d) => (d.contraindications.contraindications[1].sources = []))).toEqual([
      'knowledge/contraindications.yaml: contraindications[1].sources: every fact needs at least one source',
    ]);
    expect(problemsOf((d) => delete d.aftercare.aftercare[0].hours)).toEqual(['knowledge/aftercare.yaml: aftercare[0].hours: Invalid input: expected object, received undefined']);
  });

  it('a citation must name a known source and an existing line', () => {
    expect(problemsOf((d) => (d.faq.faq[0].sources = ['999_unknown.txt:1']))).toEqual([
      'knowledge/faq.yaml: faq[0].sources[0]: cites "999_unknown.txt", which is not in sources.yaml',
    ]);
    expect(problemsOf((d) => (d.areas.areas[0].sources = ['001_7e8de476e29357da.txt:20']))).toEqual([
      'knowledge/areas.yaml: areas[0].sources[0]: cites line 20 but 001_7e8de476e29357da.txt has 19 lines',
    ]);
  });

  it('references between files are checked', () => {
    expect(problemsOf((d) => (d.indications.indications[0].protocol = 'nope'))).toEqual(['knowledge/indications.yaml: indications[0].protocol: unknown protocol "nope"']);
    expect(problemsOf((d) => (d.contraindications.contraindications[3].conflicts = ['nope']))).toEqual([
      'knowledge/contraindications.yaml: contraindications[3].conflicts[0]: unknown conflict "nope"',
    ]);
    expect(problemsOf((d) => d.mixtures.mixtures[0].ingredients.push({ ingredient: 'unobtainium', essential: false }))[0]).toMatch(/unknown ingredient "unobtainium"/);
  });

  it('a rule may only name condition codes and procedure types that screening.yaml recognises', () => {
    expect(
      problemsOf((d) => (d.contraindications.contraindications.find((r: { code: string }) => r.code === 'STROKE_HISTORY').when = { condition: { codes: ['cva'] } })),
    ).toEqual([expect.stringMatching(/^knowledge\/contraindications\.yaml: contraindications\[\d+\]\.when: unknown condition "cva" \(not in screening\.yaml\)$/)]);
    expect(problemsOf((d) => (d.precautions.precautions[0].when = { recentEvent: { procedures: ['chemical_peel'], withinDays: 7 } }))).toEqual([
      'knowledge/precautions.yaml: precautions[0].when: unknown procedure type "chemical_peel" (not in screening.yaml)',
    ]);
  });

  it('a name may stand for one code only, so that no intake can be read two ways', () => {
    expect(problemsOf((d) => d.screening.conditions[1].aliases.push('TIA'))).toEqual(['knowledge/screening.yaml: conditions[1]: "TIA" already names "stroke"']);
    expect(problemsOf((d) => d.screening.procedureTypes.push({ ...d.screening.procedureTypes[0] }))[0]).toMatch(/procedureTypes\[\d+\]\.code: duplicate code "laser"/);
  });

  it('builds the alias look-ups: every recognised code names itself, and aliases name their code', () => {
    const kb = loadKnowledgeBase();
    for (const c of kb.data.screening.conditions) expect(kb.conditionLookup.get(c.code)).toBe(c.code);
    expect(kb.conditionLookup.get('atrial_fibrillation')).toBe('heart_disease');
    expect(kb.conditionLookup.get('transient_ischaemic_attack')).toBe('stroke');
    expect(kb.conditionLookup.get('thrombocytopenia')).toBe('bleeding_disorder');
    expect(kb.procedureLookup.get('chemical_peel')).toBe('peel');
    expect(kb.procedureLookup.get('botulinum_toxin')).toBe('botox');
    expect(kb.ingredientLookup.get('lignocaine')).toBe('lidocaine');
  });

  it('a source that is not a seed article must say what it is', () => {
    expect(problemsOf((d) => delete d.sources.sources.find((s: { kind?: string }) => s.kind === 'house').description)).toEqual([
      expect.stringMatching(/^knowledge\/sources\.yaml: sources\[\d+\]\.description: a house or outside source needs a description/),
    ]);
    const kinds = loadKnowledgeBase().data.sources.sources.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'seed')).toHaveLength(5);
    expect(kinds).toEqual(expect.arrayContaining(['house', 'outside']));
  });

  it('a rule with an unknown condition key is rejected', () => {
    const problems = problemsOf((d) => (d.contraindications.contraindications[0].when = { ageOver: 90 }));
    expect(problems[0]).toMatch(/^knowledge\/contraindications\.yaml: contraindications\[0\]\.when: /);
  });

  it('a YAML syntax error names the file and line; loading throws with every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(defaultKnowledgeDir, dir, { recursive: true });
    writeFileSync(join(dir, 'areas.yaml'), 'areas:\n  - { id: face, name: [unclosed\n');
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeBaseError);
    try {
      loadKnowledgeBase(dir);
    } catch (e) {
      expect((e as KnowledgeBaseError).problems[0]).toMatchObject({ file: 'areas.yaml', path: expect.stringMatching(/^line \d+$/) });
    }
  });

  it('an alias to no anchor is a problem naming the file, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(defaultKnowledgeDir, dir, { recursive: true });
    writeFileSync(join(dir, 'aftercare.yaml'), '*\0');
    const { problems } = readKnowledgeFiles(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'aftercare.yaml', message: expect.stringMatching(/^is not valid YAML/) }));
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeBaseError);
  });

  it('the version changes with the content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(defaultKnowledgeDir, dir, { recursive: true });
    const before = loadKnowledgeBase(dir).version;
    const file = join(dir, 'faq.yaml');
    const faq = parse(readFileSync(file, 'utf8'));
    faq.faq[0].answer += ' Ask your clinician.';
    writeFileSync(file, JSON.stringify(faq));
    expect(loadKnowledgeBase(dir).version).not.toBe(before);
  });
});
