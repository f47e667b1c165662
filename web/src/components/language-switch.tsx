import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, languages, type Language } from '../i18n/i18n';

/** A native select: keyboard and screen-reader friendly everywhere, and light to load. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      aria-label={t('common.language')}
      value={currentLanguage()}
      onChange={(event) => changeLanguage(event.currentTarget.value as Language)}
      data={languages.map((language) => ({ value: language, label: t(`common.languageNames.${language}`) }))}
    />
  );
}
