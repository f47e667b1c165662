import 'i18next';
import type { Messages } from './en';

// Typed keys: `t('assessment.title')` is checked against the English messages at build time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
