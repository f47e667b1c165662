import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadKnowledgeBase } from '../../../knowledge-files/load-knowledge-base.js';
import { id, sourced, text } from '../schema/common.js';
import { textShapeOf, textShapes } from './text-shape.js';
import { translatableTexts } from './translatable-texts.js';

const kb = loadKnowledgeBase();

/**
 * Keys whose strings are not read as prose: codes, references, enums, citations - and the rule
 * language under `when`. Every other string in the knowledge base is something a reader reads.
 */
const NOT_TEXT = new Set([
  ...['id', 'code', 'citation', 'sources', 'conflicts', 'kind', 'group', 'region', 'size', 'urgency'],
  ...['lateUrgency', 'protocol', 'mixture', 'ingredient', 'areas', 'indications', 'agents', 'tags'],
  ...['symptoms', 'regions', 'field', 'exceptSex', 'requires', 'when'],
]);

const strings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

function readableStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => readableStrings(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      if (k !== 'when' && !(NOT_TEXT.has(k) && strings(v))) readableStrings(v, out);
  return out;
}

describe('translatable texts', () => {
  const entries = translatableTexts(kb.data);

  it('are every string a reader reads, in every file but sources.yaml', () => {
    const { sources: _sources, ...translated } = kb.data;
    const enumerated = entries.flatMap((e) => (typeof e.value === 'string' ? [e.value] : [...e.value]));
    expect(enumerated.sort()).toEqual(readableStrings(translated, []).sort());
    expect(entries.some((e) => e.file === 'sources.yaml')).toBe(false);
  });

  it('name each text by the identifying field of its list items, once', () => {
    const paths = entries.map((e) => `${e.file}: ${e.path}`);
    expect(new Set(paths).size).toBe(paths.length);
    const pregnancy = kb.data.contraindications.contraindications.find((c) => c.code === 'PREGNANCY')!;
    expect(entries).toContainEqual({
      key: 'contraindications',
      file: 'contraindications.yaml',
      path: 'contraindications[PREGNANCY].message',
      kind: 'text',
      value: pregnancy.message,
    });
    const [statement] = kb.data.conflicts.conflicts[0]!.statements;
    expect(paths).toContain(
      `conflicts.yaml: conflicts[${kb.data.conflicts.conflicts[0]!.id}].statements[${statement!.citation}].says`,
    );
  });

  it('reach nested notes, single objects and list items within list items', () => {
    const paths = new Set(entries.map((e) => e.path));
    const facial = kb.data.protocols.protocols[0]!;
    const effect = kb.data.sideEffects.sideEffects[0]!;
    for (const path of [
      `protocols[${facial.id}].maintenance.note`,
      `protocols[${facial.id}].resultsAfterSession.note`,
      'anaesthesia.agent',
      'preparationWindowDays.note',
      'layer.note',
      'lateSigns.intro',
      `lateSigns.items[${kb.data.aftercare.lateSigns.items[0]!.code}].text`,
      'needleFree.offerWhen',
      `sideEffects[${effect.code}].signs[${effect.signs[0]!.code}].patient`,
    ])
      expect(paths, path).toContain(path);
  });

  it('count aliases and terms as word lists, and no number, code or source as a text', () => {
    const words = entries.filter((e) => e.kind === 'words').map((e) => e.path.replace(/^.*\./, ''));
    expect(new Set(words)).toEqual(new Set(['aliases', 'terms']));
    for (const e of entries) expect(e.path).not.toMatch(/\.(sources|code|id|min|max|kind|tags)$/);
  });

  it('are found wherever a schema uses the text schema, so a new text field needs no other change', () => {
    const schema = z.strictObject({
      things: z.array(z.strictObject({ code: id, label: text, count: z.number(), extra: z.strictObject({ hint: text.optional() }), ...sourced })),
      synonyms: z.array(text).default([]),
      plain: z.string(),
    });
    expect(textShapeOf(schema)).toEqual({
      kind: 'object',
      fields: {
        things: {
          kind: 'list',
          key: 'code',
          item: { kind: 'object', fields: { label: { kind: 'text' }, extra: { kind: 'object', fields: { hint: { kind: 'text' } } } } },
        },
        synonyms: { kind: 'words', allowsEmpty: true },
      },
    });
    expect(textShapes.sideEffects.fields.sideEffects).toMatchObject({ item: { fields: { terms: { kind: 'words', allowsEmpty: false } } } });
  });

  it('refuses a list of texts whose items have nothing to name them by', () => {
    expect(() => textShapeOf(z.array(z.strictObject({ label: text })))).toThrow(/identifying field/);
  });
});
