import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** The first thing keyboard users reach: jumps past the menu to the page itself. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className={classes.skip} href="#main">
      {t('common.skipToContent')}
    </a>
  );
}
