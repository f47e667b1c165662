import {
  englishAftercareLabels,
  englishConsentLabels,
  englishSummaryLabels,
  type AftercareSheetLabels,
  type ConsentFormLabels,
  type TreatmentSummaryLabels,
} from '../../interop/index.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { englishCodeNames, knowledgeCodeNames, mergeCodeNames, type CodeNames } from '../../interop/pdf/code-names.js';
import {
  turkishAftercareLabels,
  turkishCodeNames,
  turkishConsentLabels,
  turkishSummaryLabels,
} from '../../interop/pdf/labels-tr.js';

export const documentLanguages = ['en', 'tr'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/** A language's words for each document, and the locale its dates are written in. */
export interface DocumentWords {
  locale: string;
  aftercare: AftercareSheetLabels;
  consent: ConsentFormLabels;
  summary: TreatmentSummaryLabels;
}

const words: Record<DocumentLanguage, DocumentWords> = {
  en: {
    locale: 'en-GB',
    aftercare: englishAftercareLabels,
    consent: englishConsentLabels,
    summary: englishSummaryLabels,
  },
  tr: {
    locale: 'tr-TR',
    aftercare: turkishAftercareLabels,
    consent: turkishConsentLabels,
    summary: turkishSummaryLabels,
  },
};

export function documentWords(language: DocumentLanguage): DocumentWords {
  return words[language];
}

export function isDocumentLanguage(value: string): value is DocumentLanguage {
  return (documentLanguages as readonly string[]).includes(value);
}

/** The language of a patient's documents when none is asked for: the patient's own, if documents come in it. */
export async function patientDocumentLanguage(repos: Repositories, patientId: string): Promise<DocumentLanguage> {
  const language = (await repos.patients.findById(patientId))?.preferredLanguage;
  return language !== undefined && isDocumentLanguage(language) ? language : 'en';
}

/**
 * What a document in `language` calls the records' codes: the knowledge base's display names
 * (English), under the language's own words where it has them.
 */
export function documentCodeNames(language: DocumentLanguage, knowledge?: KnowledgeBase): CodeNames {
  const own: Record<DocumentLanguage, Partial<CodeNames>> = { en: {}, tr: turkishCodeNames };
  return mergeCodeNames(englishCodeNames, knowledge ? knowledgeCodeNames(knowledge) : {}, own[language]);
}
