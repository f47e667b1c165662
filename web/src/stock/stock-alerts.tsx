import { Badge, Group, List, Paper, Select, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../components/loaded';
import type { LoadState } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import type { ExpiringStock, LowStock } from './stock-types';

type Loading<T> = LoadState<T> & { reload: () => void };

/** Products at or below their threshold in lots that can still be used. */
export function LowStockList({ state }: { state: Loading<LowStock> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="low-stock-heading" data-testid="low-stock">
      <Title order={2} size="h4" mb="sm" id="low-stock-heading">
        {t('stock.lowStockHeading')}
      </Title>
      <Loaded state={state}>
        {({ products }) =>
          products.length === 0 ? (
            <Text size="sm">{t('stock.lowStockEmpty')}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {products.map((p) => (
                <List.Item key={p.productId}>
                  {t('stock.lowStockLine', {
                    name: p.name,
                    ml: format.number(p.stockMl),
                    threshold: format.number(p.lowStockMl),
                  })}
                </List.Item>
              ))}
            </List>
          )
        }
      </Loaded>
    </Paper>
  );
}

const windows = [30, 60, 90, 180];

/** Lots with stock that expire within the chosen window, or already have. */
export function ExpiringList({
  state,
  days,
  onDays,
}: {
  state: Loading<ExpiringStock>;
  days: number;
  onDays: (days: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="expiring-heading" data-testid="expiring-soon">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="expiring-heading">
          {t('stock.expiringHeading')}
        </Title>
        <Select
          label={t('stock.expiringDays')}
          size="xs"
          w={140}
          allowDeselect={false}
          data={windows.map((d) => ({ value: String(d), label: t('common.days', { count: d }) }))}
          value={String(days)}
          onChange={(value) => value && onDays(Number(value))}
        />
      </Group>
      <Loaded state={state}>
        {({ lots }) =>
          lots.length === 0 ? (
            <Text size="sm">{t('stock.expiringEmpty', { days })}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {lots.map((lot) => {
                const values = {
                  product: lot.productName,
                  lot: lot.lotNumber,
                  ml: format.number(lot.remainingMl),
                  date: format.date(lot.expiryDate),
                };
                return (
                  <List.Item key={lot.id}>
                    {lot.daysLeft < 0 ? t('stock.expiredLine', values) : t('stock.expiringLine', values)}{' '}
                    {lot.daysLeft < 0 ? (
                      <Badge color="red" variant="light" size="sm">
                        {t('stock.expiredBadge')}
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light" size="sm">
                        {t('stock.daysLeft', { count: lot.daysLeft })}
                      </Badge>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )
        }
      </Loaded>
    </Paper>
  );
}
