import type { Repositories } from '../../storage/repositories/repositories.js';
import type { DocumentLanguage } from '../documents/document-language.js';

/** The words of the lines the services write themselves, stored with the document and printed as they are. */
export interface LineWords {
  deposit: string;
  depositDeducted: string;
  creditFor(invoiceNumber: string): string;
}

// The Turkish follows the web app's words: a deposit is a "kapora", a credit note an "iade faturası".
const words: Record<DocumentLanguage, LineWords> = {
  en: {
    deposit: 'Deposit',
    depositDeducted: 'Deposit already invoiced',
    creditFor: (number) => `Credit for invoice ${number}`,
  },
  tr: {
    deposit: 'Kapora',
    depositDeducted: 'Daha önce faturalandırılan kapora',
    creditFor: (number) => `${number} numaralı faturaya ilişkin iade`,
  },
};

export function lineWordsIn(language: DocumentLanguage): LineWords {
  return words[language];
}

/**
 * The language the clinic writes to its patients in (English unless it chose Turkish). Patients have
 * no language of their own, so every document the clinic writes, its lines included, follows this one.
 */
export async function clinicLanguage(repos: Repositories, clinicId: string): Promise<DocumentLanguage> {
  const language = (await repos.messageTemplates.findSettings(clinicId))?.language;
  return language === 'tr' ? 'tr' : 'en';
}

/** The line words in the clinic's language, as it stands when the document is issued. */
export async function lineWords(repos: Repositories, clinicId: string): Promise<LineWords> {
  return lineWordsIn(await clinicLanguage(repos, clinicId));
}
