import { Center, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch';
import { PageTitle } from '../components/page-title';
import { chooseBeforeSignIn } from '../i18n/signed-out-choice';

/** A page for someone not signed in (sign-in, an invitation link): a card with the app's name, the language and the page's title. */
export function SignedOutFrame({ title, maw, children }: { title: string; maw: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={maw}>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" c="cyan.9" component="p">
            {t('common.appName')}
          </Title>
          <LanguageSwitch onChosen={chooseBeforeSignIn} />
        </Group>
        <PageTitle>{title}</PageTitle>
        {children}
      </Paper>
    </Center>
  );
}
