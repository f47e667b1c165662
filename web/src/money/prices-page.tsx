import { Alert, Badge, Button, Group, Modal, Switch, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { ListPageHeading } from '../components/list-page-heading';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { moneyApi, type PriceListItem } from './money-api';
import { PriceEditForm } from './price-edit-form';
import { PriceForm } from './price-form';
import { useMoney, usePercent } from './use-money';

/** The currency most prices use, offered for the next one (nothing when the list is empty). */
function usualCurrency(prices: readonly PriceListItem[]): string {
  const counts = new Map<string, number>();
  for (const p of prices) counts.set(p.currency, (counts.get(p.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

async function loadPrices() {
  const [{ items }, { products }] = await Promise.all([moneyApi.listPrices(), call(api.GET('/api/products'))]);
  return { prices: items, productNames: new Map(products.map((p) => [p.id, p.name])) };
}

/**
 * The clinic's price list for admins: what a session, a course package, a product or an area
 * costs, with its tax rate. Prices are deactivated rather than deleted, since quotes name them.
 */
export function PricesPage() {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const money = useMoney();
  const percent = usePercent();
  const [params, setParams] = useSearchParams();
  const adding = params.get('new') === 'price';
  const [showInactive, setShowInactive] = useState(false);
  // The price stays set while the modal closes, so that its title does not empty during the transition.
  const [editing, setEditing] = useState<PriceListItem | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useLoad(loadPrices, []);
  const toggle = useSubmit(async (price: PriceListItem) => {
    await moneyApi.changePrice(price.id, { active: !price.active });
    setNotice(t(price.active ? 'money.priceDeactivated' : 'money.priceReactivated', { name: price.name }));
    state.reload();
  });

  const appliesTo = (price: PriceListItem, productNames: Map<string, string>) => {
    if (price.kind === 'product') return productNames.get(price.productId ?? '') ?? '—';
    if (price.kind === 'area') return price.area ? label('area', price.area) : '—';
    const indication = price.indication ? label('indication', price.indication) : t('money.anyIndication');
    return price.kind === 'course_package' && price.sessions
      ? `${indication} · ${t('common.sessions', { count: price.sessions })}`
      : indication;
  };

  return (
    <>
      <ListPageHeading
        title={t('money.pricesTitle')}
        intro={t('money.pricesIntro')}
        addLabel={t('money.addPrice')}
        adding={adding}
        onAdd={() => {
          setNotice(null);
          setParams({ new: 'price' });
        }}
      />
      <Loaded state={state}>
        {({ prices, productNames }) => {
          const shown = showInactive ? prices : prices.filter((p) => p.active);
          return (
            <>
              {adding && (
                <PriceForm
                  defaultCurrency={usualCurrency(prices)}
                  onCancel={() => setParams({})}
                  onAdded={(price) => {
                    setParams({});
                    setNotice(t('money.priceAdded', { name: price.name }));
                    state.reload();
                  }}
                />
              )}
              {notice && (
                <Alert color="green" role="status" mb="md">
                  {notice}
                </Alert>
              )}
              {toggle.error !== null && <ErrorAlert error={toggle.error} />}
              {prices.length === 0 ? (
                <EmptyState
                  text={t('money.pricesEmpty')}
                  action={adding ? null : { to: '/admin/prices?new=price', label: t('money.addPrice') }}
                />
              ) : (
                <>
                  <Switch
                    mb="sm"
                    label={t('money.showInactive')}
                    checked={showInactive}
                    onChange={(e) => setShowInactive(e.currentTarget.checked)}
                  />
                  <DataTable
                    minWidth={860}
                    striped
                    data-testid="prices"
                    columns={[
                      t('money.priceName'),
                      t('money.kind'),
                      t('money.appliesTo'),
                      t('money.unitPrice'),
                      t('money.taxRate'),
                      t('money.status'),
                      t('money.actions'),
                    ]}
                  >
                    {shown.map((price) => (
                      <Table.Tr key={price.id} data-testid={`price-${price.name}`}>
                        <Table.Td>{price.name}</Table.Td>
                        <Table.Td>{t(`money.kinds.${price.kind}`)}</Table.Td>
                        <Table.Td>{appliesTo(price, productNames)}</Table.Td>
                        <Table.Td>{money(price.unitPriceMinor, price.currency)}</Table.Td>
                        <Table.Td>{percent(price.taxRatePercent)}</Table.Td>
                        <Table.Td>
                          <Badge color={price.active ? 'teal' : 'gray'} variant="light">
                            {price.active ? t('money.active') : t('money.inactive')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={t('money.editPriceOf', { name: price.name })}
                              onClick={() => {
                                setNotice(null);
                                setEditing(price);
                                setEditOpen(true);
                              }}
                            >
                              {t('money.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              disabled={toggle.pending}
                              aria-label={t(price.active ? 'money.deactivateOf' : 'money.reactivateOf', {
                                name: price.name,
                              })}
                              onClick={() => void toggle.submit(price)}
                            >
                              {price.active ? t('money.deactivate') : t('money.reactivate')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </DataTable>
                </>
              )}
            </>
          );
        }}
      </Loaded>
      <Modal
        opened={editOpen}
        onClose={() => setEditOpen(false)}
        title={editing ? t('money.editPriceOf', { name: editing.name }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && editOpen && (
          <PriceEditForm price={editing} onSaved={state.reload} onClose={() => setEditOpen(false)} />
        )}
      </Modal>
    </>
  );
}
