import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './components/page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack p="md" component="main" id="main" maw={600}>
      <PageTitle>{t('common.notFoundTitle')}</PageTitle>
      <Text>{t('common.notFoundText')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('common.goHome')}
      </Button>
    </Stack>
  );
}
