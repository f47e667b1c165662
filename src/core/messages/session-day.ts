import type { TemplateLanguage } from './message-templates.js';

const words: Record<TemplateLanguage, (days: number) => string> = {
  en: (days) => {
    if (days === 0) return 'today';
    if (days === 1) return 'tomorrow';
    if (days === -1) return 'yesterday';
    return days > 0 ? `in ${days} days` : `${-days} days ago`;
  },
  tr: (days) => {
    if (days === 0) return 'bugün';
    if (days === 1) return 'yarın';
    if (days === -1) return 'dün';
    return days > 0 ? `${days} gün sonra` : `${-days} gün önce`;
  },
};

/** The session's day as seen the day a message is read: "tomorrow", "today", "in 3 days" ("yarın"...). */
export function sessionDay(language: TemplateLanguage, daysFromMessage: number): string {
  return words[language](daysFromMessage);
}
