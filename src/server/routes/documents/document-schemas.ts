import { z } from 'zod';
import { documentLanguages } from '../../../services/documents/document-language.js';

export const documentQuery = z.object({
  locale: z
    .enum(documentLanguages, { error: `must be one of: ${documentLanguages.join(', ')}` })
    .default('en')
    .describe('Language of the document: en (default) or tr. Times are in the clinic location’s zone either way.'),
});
