import { Button, Collapse, Group, Paper, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format';
import { QuoteStatusBadge } from './money-badges';
import type { Quote } from './money-api';
import { MoneyLinesTable } from './money-lines-table';
import { useMoney } from './use-money';

/** One quote: its status, total and deposit, its lines on request, and whatever `actions` the reader may take. */
export function QuoteCard({ quote, actions, open = false }: { quote: Quote; actions?: ReactNode; open?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const [shown, setShown] = useState(open);
  const linesId = `quote-lines-${quote.id}`;

  return (
    <Paper
      withBorder
      p="sm"
      data-testid="quote"
      aria-label={t('money.quoteOf', { date: format.date(quote.createdAt) })}
      component="article"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Group gap="xs">
            <Text fw={600}>{t('money.quoteOf', { date: format.date(quote.createdAt) })}</Text>
            <QuoteStatusBadge status={quote.status} />
          </Group>
          <Text size="sm" data-testid="quote-summary">
            {t('money.quoteSummary', { total: money(quote.totals.totalMinor, quote.currency) })}
            {quote.depositMinor > 0 &&
              ` · ${t('money.quoteDeposit', { deposit: money(quote.depositMinor, quote.currency) })}`}
            {quote.validUntil && ` · ${t('money.quoteValidUntil', { date: format.date(quote.validUntil) })}`}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={shown}
            aria-controls={linesId}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? t('money.hideLines') : t('money.showLines')}
          </Button>
          {actions}
        </Group>
      </Group>
      <Collapse in={shown} id={linesId}>
        <MoneyLinesTable
          lines={quote.lines}
          totals={quote.totals}
          currency={quote.currency}
          caption={t('money.quoteLinesCaption')}
        />
      </Collapse>
    </Paper>
  );
}
