import { Anchor, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyLinks } from './money-api';

/** The accountant's CSV for a date range: invoices, credit notes and payments, one row each. */
export function ExportSection({ today }: { today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const valid = from !== '' && to !== '' && from <= to;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="export-heading">
      <Title order={2} size="h4" id="export-heading" mb="xs">
        {t('money.exportTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('money.exportIntro')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput type="date" label={t('money.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput
          type="date"
          label={t('money.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={from && to && from > to ? t('money.rangeBackwards') : undefined}
        />
        {valid && (
          <Anchor href={moneyLinks.exportCsv(from, to)} download pb={8}>
            {t('money.downloadCsv')}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}
