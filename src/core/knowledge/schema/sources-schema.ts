import { z } from 'zod';
import { id, text } from './common.js';

/**
 * Where a citation points. `seed`: one of the five seed articles (kept beside the project). `house`:
 * mesodesk's own safety rules, and `outside`: standard clinical terms from outside the seeds - both
 * kept as numbered lines in knowledge/, so they are cited as "<file>:<line>" like a seed, and are
 * never mistaken for one: every reader sees the kind and the title that says so.
 */
export const sourceKinds = ['seed', 'house', 'outside'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourcesFileSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a semantic version such as 1.0.0' }),
  sources: z
    .array(
      z.strictObject({
        id,
        kind: z.enum(sourceKinds, { error: `must be one of: ${sourceKinds.join(', ')}` }).default('seed'),
        file: z.string().regex(/^[A-Za-z0-9_.-]+\.txt$/, { message: 'must be a seed file name' }),
        title: text,
        /** Who published the article (a site or journal), printed beside the title in a references list when known. */
        publisher: text.optional(),
        /** What a source that is not a seed article is, and why it is cited. */
        description: text.optional(),
        lines: z.number().int().positive(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a sha256 hex digest' }),
      }),
    )
    .min(1)
    .superRefine((sources, ctx) =>
      sources.forEach((s, i) => {
        if (s.kind !== 'seed' && s.description === undefined)
          ctx.addIssue({ code: 'custom', path: [i, 'description'], message: 'a house or outside source needs a description saying it is not a seed article' });
      }),
    ),
});

export type SourcesFile = z.output<typeof sourcesFileSchema>;
export type SourceDocument = SourcesFile['sources'][number];
