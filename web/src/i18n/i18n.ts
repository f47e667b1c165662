import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en';

export const languages = ['en', 'tr'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'mesodesk.language';

function isLanguage(value: string | null | undefined): value is Language {
  return languages.includes(value as Language);
}

/** The user's earlier choice, else the browser's preference, else English. */
function initialLanguage(): Language {
  const stored = safeStorage()?.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  const preferred = navigator.languages.map((l) => l.slice(0, 2).toLowerCase()).find(isLanguage);
  return preferred ?? 'en';
}

/** Storage can be switched off (private modes); the app then simply forgets the choice. */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Languages beside English, each fetched the first time it is needed: a reader in English (most of
 * them) does not download the others with the first page.
 */
const otherMessages: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  tr: () => import('./tr').then((m) => m.tr),
};

async function loadMessages(language: Language): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await otherMessages[language]());
}

/** The latest language asked for: a slower earlier one that arrives after it is not switched to. */
let wanted: Language = initialLanguage();

function switchTo(language: Language): Promise<void> {
  wanted = language;
  return loadMessages(language).then(
    async () => {
      if (wanted === language) await i18n.changeLanguage(language);
    },
    // Unreachable messages (offline, a new release): the app stays in the language it shows.
    (error: unknown) => console.warn(`could not load the ${language} messages`, error),
  );
}

export function changeLanguage(language: Language): void {
  safeStorage()?.setItem(storageKey, language);
  void switchTo(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

// English is there at once; a reader of another language sees the app once its messages are in.
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: languages,
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

/** Resolves when the reader's language can be shown (at once for English). */
export const languageReady: Promise<void> = wanted === 'en' ? Promise.resolve() : switchTo(wanted);

// Screen readers pick their voice by the page's language.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export { i18n };
