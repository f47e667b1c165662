import type { FaqLanguage } from './faq-terms.js';

/**
 * What patients ask in words the FAQ does not use. Each phrase, found in the folded query as whole
 * words, adds the words the FAQ uses for it, so "who invented mesotherapy" also searches for its
 * origin and "can I go back to work" for its downtime. A short list on purpose: only phrasings whose
 * answer no word of the query itself finds, and that cannot mean something else here ("does it
 * work" is about results, so "work" alone adds nothing).
 */
const SYNONYMS: Record<FaqLanguage, readonly (readonly [RegExp, string])[]> = {
  en: [
    // Who invented or discovered it: "Where did mesotherapy come from?" (faq.yaml, where_did_mesotherapy_come_from).
    [/\b(?:invent\w*|discover\w*|came up with)\b/, 'come from origin introduced'],
    // Work and daily life after a session: "How much downtime is there after mesotherapy?" (downtime).
    [/\b(?:(?:back|return\w*|go\w*) to (?:work|the office|my job)|off work|time off|sick leave)\b/, 'downtime routine'],
  ],
  tr: [
    // Kim buldu, kim icat etti, kim keşfetti: "Mezoterapinin kökeni nedir?" (translations/tr/faq.yaml).
    [
      /\b(?:kim (?:bul|icat|kesf)\w*|(?:bul|icat|kesf)\w* kim|icat \w+|kesfed\w*|kesfet\w*|nereden cikmis)\b/,
      'koken tanitildi',
    ],
    // İşe gitmek, işe dönmek, izin almak: "... günlük hayatıma ara vermem gerekir?" (downtime).
    [/\b(?:ise (?:git|gid|don|bas)\w*|isten (?:izin|rapor)\w*|rapor al\w*)\b/, 'gunluk hayat ara izin'],
  ],
};

/** The query with the FAQ's own words added for each phrase the synonyms know, in a folded query. */
export function withSynonyms(folded: string, language: FaqLanguage): string {
  const added = SYNONYMS[language].filter(([phrase]) => phrase.test(folded)).map(([, words]) => words);
  return added.length ? `${folded} ${added.join(' ')}` : folded;
}
