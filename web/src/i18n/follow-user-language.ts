import { changeLanguage, currentLanguage, languages } from './i18n';
import { webLanguageFor } from './user-language';

/** Shows the app in the signed-in reader's language (kept for the next visit), when the app has it. */
export function followUserLanguage(preferred: string): void {
  const language = webLanguageFor(preferred, languages);
  if (language && language !== currentLanguage()) changeLanguage(language);
}
