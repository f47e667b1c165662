import { Alert, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { ListPageHeading } from '../components/list-page-heading';
import { useLoad } from '../hooks/use-load';
import { AddProductForm } from './add-product-form';
import { ProductStockCard } from './product-stock-card';
import { ExpiringList, LowStockList } from './stock-alerts';

/** The browser's calendar date, until the server's (the clinic's) is known. */
const localToday = () => new Date().toLocaleDateString('sv-SE');

/**
 * The clinic's stock for clinicians: what is low and what expires soon first, then every product
 * with its ingredients and lots, where lots are added as they arrive and counted on the shelf.
 */
export function StockPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const adding = params.get('new') === 'product';
  const [days, setDays] = useState(60);
  const [added, setAdded] = useState<string | null>(null);
  const products = useLoad(async () => (await call(api.GET('/api/products'))).products, []);
  const low = useLoad(async () => call(api.GET('/api/stock/low-stock')), []);
  const expiring = useLoad(async () => call(api.GET('/api/stock/expiring', { params: { query: { days } } })), [days]);
  const reload = () => {
    products.reload();
    low.reload();
    expiring.reload();
  };
  const today = low.data?.today ?? localToday();

  return (
    <>
      <ListPageHeading
        title={t('stock.title')}
        intro={t('stock.intro')}
        addLabel={t('stock.addProduct')}
        adding={adding}
        onAdd={() => {
          setAdded(null);
          setParams({ new: 'product' });
        }}
      />
      {adding && (
        <AddProductForm
          onCancel={() => setParams({})}
          onAdded={(product) => {
            setParams({});
            setAdded(t('stock.productAdded', { name: product.name }));
            reload();
          }}
        />
      )}
      {added && (
        <Alert color="green" role="status" mb="md">
          {added}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <LowStockList state={low} />
        <ExpiringList state={expiring} days={days} onDays={setDays} />
      </SimpleGrid>
      <Title order={2} size="h3" mb="sm">
        {t('stock.productsHeading')}
      </Title>
      <Loaded state={products}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState
              text={t('stock.empty')}
              action={adding ? null : { to: '/stock?new=product', label: t('stock.addProduct') }}
            />
          ) : (
            <Stack gap={0}>
              {list.map((product) => (
                <ProductStockCard key={product.id} product={product} today={today} onChanged={reload} />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </>
  );
}
