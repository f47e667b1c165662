import { Alert, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format';
import { AddLotForm } from './add-lot-form';
import { LowStockThresholdEdit } from './low-stock-threshold-edit';
import { StockCountForm, type RecordedCount } from './stock-count-form';
import { lotState, type LotState, type StockProduct } from './stock-types';

const stateColor: Record<LotState, string> = { usable: 'green', recalled: 'red', expired: 'red', emptyLot: 'gray' };

/** One product: its ingredients, what it holds, its lots, and the forms to add a lot or count one. */
export function ProductStockCard({
  product,
  today,
  onChanged,
}: {
  product: StockProduct;
  today: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [addingLot, setAddingLot] = useState(false);
  const [countingLot, setCountingLot] = useState<string | null>(null);
  const [editingThreshold, setEditingThreshold] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = `product-${product.id}`;
  const ml = (value: number) => t('stock.ml', { ml: format.number(value) });
  const low = product.stockMl <= product.lowStockMl;

  const counted = ({ count }: RecordedCount) => {
    setCountingLot(null);
    setNotice(
      t('stock.countSaved', {
        counted: format.number(count.countedMl),
        expected: format.number(count.expectedMl),
        difference: format.number(count.differenceMl, { signDisplay: 'exceptZero', maximumFractionDigits: 3 }),
      }),
    );
    onChanged();
  };

  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby={headingId} data-testid="stock-product">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {product.name}
          </Title>
          {product.manufacturer && (
            <Text size="sm" c="dimmed">
              {product.manufacturer}
            </Text>
          )}
        </div>
        <Button
          variant="light"
          size="xs"
          aria-label={t('stock.addLotOf', { product: product.name })}
          onClick={() => {
            setNotice(null);
            setAddingLot(true);
          }}
        >
          {t('stock.addLot')}
        </Button>
      </Group>
      <Group gap={6} mt="xs" aria-label={t('stock.ingredients')} role="group">
        {product.ingredientNames.map((name) => (
          <Badge key={name} variant="outline" color="gray" tt="none">
            {name}
          </Badge>
        ))}
      </Group>
      <Group gap="xs" mt="xs">
        <Text size="sm">
          {t('stock.inStock', { ml: format.number(product.stockMl) })} ·{' '}
          {t('stock.lowAt', { ml: format.number(product.lowStockMl) })}
        </Text>
        {low && (
          <Badge color="orange" variant="light">
            {t('stock.lowBadge')}
          </Badge>
        )}
        {!editingThreshold && (
          <Button
            variant="subtle"
            size="compact-xs"
            aria-label={t('stock.changeThresholdOf', { product: product.name })}
            onClick={() => {
              setNotice(null);
              setEditingThreshold(true);
            }}
          >
            {t('stock.changeThreshold')}
          </Button>
        )}
      </Group>
      {editingThreshold && (
        <LowStockThresholdEdit
          product={product}
          onCancel={() => setEditingThreshold(false)}
          onSaved={(lowStockMl) => {
            setEditingThreshold(false);
            setNotice(t('stock.thresholdSaved', { product: product.name, ml: format.number(lowStockMl) }));
            onChanged();
          }}
        />
      )}
      {notice && (
        <Alert color="green" role="status" mt="sm">
          {notice}
        </Alert>
      )}
      {addingLot && (
        <AddLotForm
          product={product}
          onCancel={() => setAddingLot(false)}
          onAdded={(lot) => {
            setAddingLot(false);
            setNotice(t('stock.lotAdded', { lot: lot.lotNumber, ml: format.number(lot.receivedMl) }));
            onChanged();
          }}
        />
      )}
      {product.lots.length === 0 ? (
        <Text size="sm" mt="sm">
          {t('stock.noLots')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760} mt="sm">
          <Table striped>
            <Table.Caption>{t('stock.lotsOf', { product: product.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stock.lot')}</Table.Th>
                <Table.Th>{t('stock.expiry')}</Table.Th>
                <Table.Th>{t('stock.received')}</Table.Th>
                <Table.Th>{t('stock.remaining')}</Table.Th>
                <Table.Th>{t('stock.supplier')}</Table.Th>
                <Table.Th>{t('stock.storageNote')}</Table.Th>
                <Table.Th>{t('stock.status')}</Table.Th>
                <Table.Th>{t('stock.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.lots.map((lot) => {
                const state = lotState(lot, today);
                return (
                  <Fragment key={lot.id}>
                    <Table.Tr data-testid={`lot-${lot.lotNumber}`}>
                      <Table.Td>{lot.lotNumber}</Table.Td>
                      <Table.Td>{format.date(lot.expiryDate)}</Table.Td>
                      <Table.Td>{ml(lot.receivedMl)}</Table.Td>
                      <Table.Td>{ml(lot.remainingMl)}</Table.Td>
                      <Table.Td>{lot.supplier ?? '—'}</Table.Td>
                      <Table.Td>{lot.storageNote ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={stateColor[state]} variant="light">
                          {t(`stock.${state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="xs"
                          aria-label={t('stock.recordCountOf', { lot: lot.lotNumber })}
                          onClick={() => {
                            setNotice(null);
                            setCountingLot(lot.id);
                          }}
                        >
                          {t('stock.recordCount')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {countingLot === lot.id && (
                      <Table.Tr>
                        <Table.Td colSpan={8}>
                          <StockCountForm lot={lot} onCounted={counted} onCancel={() => setCountingLot(null)} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
