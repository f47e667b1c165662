import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { tr } from './tr';

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

export function changeLanguage(language: Language): void {
  safeStorage()?.setItem(storageKey, language);
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

// Both languages are bundled: together they are a few kilobytes, and switching needs no request.
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, tr: { translation: tr } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: languages,
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

// Screen readers pick their voice by the page's language.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export { i18n };
