import { z } from 'zod';
import { knowledgeFiles, type KnowledgeFileKey } from '../knowledge-files.js';
import { text } from '../schema/common.js';

/**
 * Where the texts a reader sees sit in a knowledge file, derived from its schema: every field declared
 * with the `text` schema (common.ts) is a text, and every array of `text` is a list of words used for
 * matching (aliases, terms). A new text field in a schema is thus translatable, and checked by
 * `kb lint`, without a change here.
 */
export type TextShape = TextField | WordsField | ObjectShape | ListShape;
export interface TextField {
  kind: 'text';
}
export interface WordsField {
  kind: 'words';
  /** Whether the English schema accepts an empty list (aliases may be empty, terms may not). */
  allowsEmpty: boolean;
}
export interface ObjectShape {
  kind: 'object';
  /** Only the fields that hold a text somewhere beneath them. */
  fields: Readonly<Record<string, TextShape>>;
}
export interface ListShape {
  kind: 'list';
  /** The field that identifies an item in a translation file (`id`, else `code`, else `citation`). */
  key: string;
  item: ObjectShape;
}

/** The fields that may identify a list item, in order of preference. */
const IDENTIFYING_KEYS = ['id', 'code', 'citation'] as const;

/** Files that are not translated: sources.yaml names the articles as published. */
export const untranslatedFiles = ['sources'] as const satisfies readonly KnowledgeFileKey[];
export type TranslatableFileKey = Exclude<KnowledgeFileKey, (typeof untranslatedFiles)[number]>;

function shapeOf(schema: z.ZodType, seen: Set<z.ZodType>): TextShape | undefined {
  if (schema === text) return { kind: 'text' };
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return shapeOf(schema.def.innerType as z.ZodType, seen);
  if (schema instanceof z.ZodLazy) {
    // A lazy schema is how a schema refers to itself (the rule language): each is walked once.
    if (seen.has(schema)) return undefined;
    seen.add(schema);
    return shapeOf(schema.def.getter() as z.ZodType, seen);
  }
  if (schema instanceof z.ZodArray) {
    const element = shapeOf(schema.element as z.ZodType, seen);
    if (!element) return undefined;
    if (element.kind === 'text') return { kind: 'words', allowsEmpty: schema.safeParse([]).success };
    if (element.kind !== 'object') throw new Error('a list of text lists cannot be translated item by item');
    const key = IDENTIFYING_KEYS.find((k) => k in (schema.element as z.ZodObject).shape && !(k in element.fields));
    if (!key) throw new Error(`a list of texts needs an identifying field (${IDENTIFYING_KEYS.join(', ')})`);
    return { kind: 'list', key, item: element };
  }
  if (schema instanceof z.ZodObject) {
    const fields: Record<string, TextShape> = {};
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const shape = shapeOf(field, seen);
      if (shape) fields[name] = shape;
    }
    return Object.keys(fields).length ? { kind: 'object', fields } : undefined;
  }
  if (schema instanceof z.ZodUnion) {
    // The rule language is a union and holds no text; a union that did could not be mirrored safely.
    if ((schema.options as z.ZodType[]).some((option) => shapeOf(option, seen)))
      throw new Error('a text inside a union cannot be translated');
    return undefined;
  }
  return undefined;
}

/** Where the texts sit in anything this schema accepts; undefined when it holds none. */
export function textShapeOf(schema: z.ZodType): TextShape | undefined {
  return shapeOf(schema, new Set());
}

function fileShapes(): Record<TranslatableFileKey, ObjectShape> {
  const shapes = {} as Record<TranslatableFileKey, ObjectShape>;
  for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[]) {
    if ((untranslatedFiles as readonly string[]).includes(key)) continue;
    const shape = textShapeOf(knowledgeFiles[key].schema as z.ZodType);
    if (shape?.kind !== 'object') throw new Error(`${knowledgeFiles[key].file} holds no text to translate`);
    shapes[key as TranslatableFileKey] = shape;
  }
  return shapes;
}

/** The text shape of each translated file, by file key. */
export const textShapes: Readonly<Record<TranslatableFileKey, ObjectShape>> = fileShapes();

export const translatableFileKeys = Object.keys(textShapes) as TranslatableFileKey[];
