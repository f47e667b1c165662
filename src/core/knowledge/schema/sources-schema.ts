import { z } from 'zod';
import { id, text } from './common.js';

export const sourcesFileSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'must be a semantic version such as 1.0.0' }),
  sources: z
    .array(
      z.strictObject({
        id,
        file: z.string().regex(/^[A-Za-z0-9_.-]+\.txt$/, { message: 'must be a seed file name' }),
        title: text,
        lines: z.number().int().positive(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a sha256 hex digest' }),
      }),
    )
    .min(1),
});

export type SourcesFile = z.output<typeof sourcesFileSchema>;
export type SourceDocument = SourcesFile['sources'][number];
