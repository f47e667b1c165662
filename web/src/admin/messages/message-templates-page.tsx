import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useUser } from '../../auth/auth-context';
import { Loaded } from '../../components/loaded';
import { PageTitle } from '../../components/page-title';
import { useLoad } from '../../hooks/use-load';
import { MessageSettingsForm } from './message-settings-form';
import { TemplateEditor } from './template-editor';

/** Admins choose when the messages to patients go out and how they are worded, per language. */
export function MessageTemplatesPage() {
  const { t } = useTranslation();
  const { clinicId } = useUser();
  const state = useLoad(
    async () => call(api.GET('/api/clinics/{id}/message-templates', { params: { path: { id: clinicId } } })),
    [clinicId],
  );

  return (
    <>
      <PageTitle>{t('messageTemplates.title')}</PageTitle>
      <Stack gap="md" maw={960}>
        <Text size="sm">{t('messageTemplates.intro')}</Text>
        <Alert color="blue" title={t('messageTemplates.safetyTitle')}>
          {t('messageTemplates.safety')}
        </Alert>
        <Loaded state={state}>
          {(messaging) => (
            <>
              <MessageSettingsForm clinicId={clinicId} messaging={messaging} onSaved={state.reload} />
              <TemplateEditor clinicId={clinicId} messaging={messaging} onSaved={state.reload} />
            </>
          )}
        </Loaded>
      </Stack>
    </>
  );
}
