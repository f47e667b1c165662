import { englishTemplates } from './default-templates/en.js';
import { turkishTemplates } from './default-templates/tr.js';
import type { DefaultTemplates } from './default-templates/letters.js';
import type { TemplateLanguage } from './message-templates.js';

export type { DefaultTemplates };

/**
 * The texts every clinic sends in each language until it writes its own there, so a patient reads
 * the whole letter in their language, not only its clinical part. `{instructions}` is the clinical
 * part (see message-templates.ts). Each language has its file in default-templates/; a language
 * added to `templateLanguages` needs its entry here, which the type asks for.
 */
export const defaultTemplatesByLanguage: Readonly<Record<TemplateLanguage, DefaultTemplates>> = {
  en: englishTemplates,
  tr: turkishTemplates,
};

export function defaultTemplatesFor(language: TemplateLanguage): DefaultTemplates {
  return defaultTemplatesByLanguage[language];
}
