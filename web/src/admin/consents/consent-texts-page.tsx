import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { Loaded } from '../../components/loaded';
import { PageTitle } from '../../components/page-title';
import { useLoad } from '../../hooks/use-load';
import { ConsentVersionList } from './consent-version-list';
import { PublishConsentForm } from './publish-consent-form';

/** The admin's consent texts: publish a new version (after a preview), and every version with its signatures. */
export function ConsentTextsPage() {
  const { t } = useTranslation();
  const state = useLoad(async () => (await call(api.GET('/api/consent-text-versions'))).versions, []);
  return (
    <>
      <PageTitle>{t('consentTexts.title')}</PageTitle>
      <Text size="sm" mb="md" maw={760}>
        {t('consentTexts.intro')}
      </Text>
      <Loaded state={state}>
        {(versions) => (
          <Stack gap="md">
            {versions.length === 0 && <EmptyState text={t('consentTexts.empty')} />}
            <PublishConsentForm versions={versions} onPublished={state.reload} />
            {versions.length > 0 && <ConsentVersionList versions={versions} onChange={state.reload} />}
          </Stack>
        )}
      </Loaded>
    </>
  );
}
