import { z } from 'zod';
import { documentLanguages } from '../../../services/documents/document-language.js';

export const documentQuery = z.object({
  locale: z
    .enum(documentLanguages, { error: `must be one of: ${documentLanguages.join(', ')}` })
    .optional()
    .describe(
      "Language of the document: en or tr; the patient's preferred language when left out (en if it is neither). Times are in the clinic location’s zone either way.",
    ),
});
