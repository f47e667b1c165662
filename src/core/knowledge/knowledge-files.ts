import type { z } from 'zod';
import { cataloguesSchema } from './schema/catalogue-schema.js';
import { careSchemas } from './schema/care-schema.js';
import { protocolsSchemas } from './schema/protocol-schema.js';
import { referenceSchemas } from './schema/reference-schema.js';
import { rulesSchemas } from './schema/rules-schema.js';
import { screeningSchema } from './schema/screening-schema.js';
import { sourcesFileSchema } from './schema/sources-schema.js';

/** Each knowledge-base file, by key: its file name and its schema. */
export const knowledgeFiles = {
  sources: { file: 'sources.yaml', schema: sourcesFileSchema },
  areas: { file: 'areas.yaml', schema: cataloguesSchema.areas },
  indications: { file: 'indications.yaml', schema: cataloguesSchema.indications },
  ingredients: { file: 'ingredients.yaml', schema: cataloguesSchema.ingredients },
  mixtures: { file: 'mixtures.yaml', schema: cataloguesSchema.mixtures },
  screening: { file: 'screening.yaml', schema: screeningSchema },
  contraindications: { file: 'contraindications.yaml', schema: rulesSchemas.contraindications },
  precautions: { file: 'precautions.yaml', schema: rulesSchemas.precautions },
  protocols: { file: 'protocols.yaml', schema: protocolsSchemas.protocols },
  procedure: { file: 'procedure.yaml', schema: protocolsSchemas.procedure },
  preparation: { file: 'preparation.yaml', schema: careSchemas.preparation },
  aftercare: { file: 'aftercare.yaml', schema: careSchemas.aftercare },
  sideEffects: { file: 'side-effects.yaml', schema: careSchemas.sideEffects },
  needleFree: { file: 'needle-free.yaml', schema: referenceSchemas.needleFree },
  faq: { file: 'faq.yaml', schema: referenceSchemas.faq },
  conflicts: { file: 'conflicts.yaml', schema: referenceSchemas.conflicts },
  corrections: { file: 'corrections.yaml', schema: referenceSchemas.corrections },
} as const;

export type KnowledgeFileKey = keyof typeof knowledgeFiles;
export type KnowledgeData = { [K in KnowledgeFileKey]: z.output<(typeof knowledgeFiles)[K]['schema']> };
export type KnowledgeDocuments = Record<KnowledgeFileKey, unknown>;
