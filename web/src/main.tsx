import '@mantine/core/styles.css';
import { renderApp } from './boot';
import { languageReady } from './i18n/i18n';

// A reader of Turkish waits for its messages (one small request, started as this module ran) rather
// than seeing the app in English first; English is there at once.
void languageReady.then(renderApp);
