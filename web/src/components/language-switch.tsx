import { NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages, type Language } from '../i18n/i18n';

/**
 * A native select: keyboard and screen-reader friendly everywhere, and light to load. The page
 * switches at once; `onChosen` (signed in: saving the choice to the account) runs after, and a
 * choice it could not save is said under the select.
 */
export function LanguageSwitch({ onChosen }: { onChosen?: (language: Language) => Promise<void> }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const choose = async (language: Language) => {
    changeLanguage(language);
    if (!onChosen) return;
    try {
      await onChosen(language);
      setFailed(false);
    } catch (error) {
      console.warn('could not save the language', error);
      setFailed(true);
    }
  };
  return (
    <NativeSelect
      size="xs"
      aria-label={t('common.language')}
      value={currentLanguage()}
      onChange={(event) => void choose(event.currentTarget.value as Language)}
      data={languages.map((language) => ({ value: language, label: t(`common.languageNames.${language}`) }))}
      error={failed ? t('common.languageNotSaved') : undefined}
    />
  );
}
