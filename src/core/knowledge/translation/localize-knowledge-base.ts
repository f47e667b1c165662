import { buildKnowledgeBase } from '../build-knowledge-base.js';
import type { KnowledgeDocuments } from '../knowledge-files.js';
import { normaliseTerm, type KnowledgeBase, type KnowledgeProblem } from '../knowledge-base.js';
import { figuresDiffer } from './figures.js';
import { translationFile, type KnowledgeTranslation } from './read-translation.js';
import { textShapes, translatableFileKeys, type TranslatableFileKey } from './text-shape.js';
import { forEachText, translatableTexts, type TextValue } from './translatable-texts.js';
import { claimTerms } from './claim-terms.js';
import { templatePlaceholders } from '../../text/fill-template.js';
import { keptWholeOnBloodThinner } from '../../messages/blood-thinner-safety.js';

export interface LocalizedKnowledgeBase {
  /** The same codes, numbers, rules and version as the base, with the language's texts. */
  knowledgeBase: KnowledgeBase;
  /**
   * What the language lacks or gets wrong, each shown in English instead: a missing text, a text
   * whose figures differ from the English, a word that already names something else.
   */
  problems: KnowledgeProblem[];
}

/** Both languages' words, the translation's first, each once (as matched: see `normaliseTerm`). */
export function mergeWords(translated: readonly string[], english: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...translated, ...english].filter((word) => {
    const key = normaliseTerm(word);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const listed = (figures: number[]) => (figures.length ? figures.join(', ') : 'none');
const marked = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(', ') : 'none');

/**
 * The knowledge base in the translation's language: every text replaced by the language's, every
 * code, number, rule, citation and the version left as they are (the version names what decisions
 * rest on, and a translation changes none). Word lists used for matching (aliases, terms) hold both
 * languages' words, since a reader may write either; an English name stays matchable as an alias.
 * Where the translation gives no text, or one whose figures differ from the English, the English
 * text stays, and a problem says so: a reader is never told another figure than the English states.
 */
export function localizeKnowledgeBase(base: KnowledgeBase, translation: KnowledgeTranslation): LocalizedKnowledgeBase {
  const { language } = translation;
  const problems: KnowledgeProblem[] = [];
  const data = structuredClone(base.data) as Record<TranslatableFileKey, unknown> & KnowledgeDocuments;
  const counts = new Map<TranslatableFileKey, number>();
  for (const entry of translatableTexts(base.data))
    if (entry.kind === 'text' || entry.value.length) counts.set(entry.key, (counts.get(entry.key) ?? 0) + 1);

  for (const key of translatableFileKeys) {
    const file = translationFile(language, key);
    const texts = translation.texts[key];
    if (!texts?.size) {
      problems.push({ file, path: '', message: `gives none of its ${counts.get(key) ?? 0} texts; the English is shown` });
      continue;
    }
    forEachText(data[key], textShapes[key], '', (path, kind, english, replace) => {
      const translated: TextValue | undefined = texts.get(path);
      if (translated === undefined) {
        // An empty English word list asks nothing of a translation.
        if (typeof english !== 'string' && !english.length) return;
        problems.push({ file, path, message: `no ${language} text; the English is shown` });
      } else if (typeof english === 'string' && typeof translated === 'string') {
        const differ = figuresDiffer(english, translated, language);
        // A sentence template (side-effects.yaml's triage) must keep every {mark}: a dropped one
        // would drop a figure or a name from what the reader sees.
        const marks = { english: templatePlaceholders(english), translated: templatePlaceholders(translated) };
        if (marks.english.join() !== marks.translated.join())
          problems.push({
            file,
            path,
            message: `its placeholders differ from the English (English: ${marked(marks.english)}; ${language}: ${marked(marks.translated)}); the English is shown`,
          });
        else if (differ)
          problems.push({
            file,
            path,
            message: `its figures differ from the English (English: ${listed(differ.english)}; ${language}: ${listed(differ.translated)}); the English is shown`,
          });
        // The wording for a patient on a blood thinner must pass the rules whole, as the English does
        // (blood-thinner-wording.ts); they read only English words, but those they catch in any text.
        else if (path.endsWith('.textOnBloodThinner') && !keptWholeOnBloodThinner(translated))
          problems.push({
            file,
            path,
            message:
              'the blood-thinner rules would cut or drop it (it reads as stopping a blood thinner or avoiding aspirin); the English is shown',
          });
        else replace(translated);
      } else if (typeof english !== 'string' && typeof translated !== 'string') {
        replace(mergeWords(translated, english));
      }
    });
  }
  problems.push(...claimTerms(base.data, data, language));

  const built = buildKnowledgeBase(data, base.version, { localized: true });
  if (!built.ok)
    return {
      knowledgeBase: base,
      problems: [
        ...problems,
        ...built.problems.map((p) => ({
          ...p,
          message: `${p.message} (in the ${language} knowledge base, which is shown in English until this is fixed)`,
        })),
      ],
    };
  return { knowledgeBase: built.knowledgeBase, problems };
}
