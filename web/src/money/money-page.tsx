import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { ExportSection } from './export-section';
import { OwedSection } from './owed-section';
import { TakingsSection } from './takings-section';

/** The browser's calendar date, to start the export's range with. */
const localToday = () => new Date().toLocaleDateString('sv-SE');

/** Reception's and the admin's money desk: a day's takings, what is owed, and the accountant's export. */
export function MoneyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('money.moneyTitle')}</PageTitle>
      <Text size="sm" mb="md">
        {t('money.moneyIntro')}
      </Text>
      <Stack gap="md" maw={1100}>
        <TakingsSection />
        <OwedSection />
        <ExportSection today={localToday()} />
      </Stack>
    </>
  );
}
