import { Button, Group, NumberInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useSubmit } from '../hooks/use-submit';
import { typedNumber, type StockProduct } from './stock-types';

/**
 * A product's low-stock threshold, changed in place on its card: one number, saved with
 * PATCH /api/products/:id. The low-stock list follows once the page reloads the stock.
 */
export function LowStockThresholdEdit({
  product,
  onSaved,
  onCancel,
}: {
  product: StockProduct;
  onSaved: (lowStockMl: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(product.lowStockMl);
  const formName = t('stock.changeThresholdOf', { product: product.name });
  const { submit, pending, error } = useSubmit(async () => {
    const lowStockMl = typedNumber(value);
    // Sent as typed, empty included: the server names the field when it is missing or wrong.
    return call(
      api.PATCH('/api/products/{id}', {
        params: { path: { id: product.id } },
        body: { lowStockMl: lowStockMl as number },
      }),
    );
  });
  const problem = isApiError(error) ? error.problemFor('lowStockMl') : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit();
    if (saved) onSaved(saved.lowStockMl);
  };

  return (
    <form onSubmit={onSubmit} aria-label={formName}>
      <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
        <NumberInput
          label={t('stock.lowStockMl')}
          size="xs"
          w={200}
          min={0}
          decimalScale={3}
          value={value}
          onChange={setValue}
          error={problem}
        />
        <Button type="submit" size="xs" loading={pending}>
          {t('stock.saveThreshold')}
        </Button>
        <Button variant="default" size="xs" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
    </form>
  );
}
