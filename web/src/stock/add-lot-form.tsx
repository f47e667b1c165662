import { NumberInput, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { FormActions } from '../components/form-actions';
import { useSubmit } from '../hooks/use-submit';
import { typedNumber, type StockLot, type StockProduct } from './stock-types';

/** A lot as it arrives: number, expiry, what was received, from whom and how it is kept. */
export function AddLotForm({
  product,
  onAdded,
  onCancel,
}: {
  product: StockProduct;
  onAdded: (lot: StockLot) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [lotNumber, setLotNumber] = useState('');
  const [expiryDate, setExpiryDate] = useState('');
  const [quantityMl, setQuantityMl] = useState<number | string>('');
  const [supplier, setSupplier] = useState('');
  const [storageNote, setStorageNote] = useState('');
  const { submit, pending, error } = useSubmit(async () =>
    call(
      api.POST('/api/products/{id}/lots', {
        params: { path: { id: product.id } },
        body: {
          lotNumber,
          expiryDate,
          // An empty field goes as nothing, so the server names it as required.
          quantityMl: typedNumber(quantityMl) as number,
          supplier: supplier.trim() || null,
          storageNote: storageNote.trim() || null,
        },
      }),
    ),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await submit();
    if (created) onAdded(created);
  };

  return (
    <Paper
      withBorder
      p="sm"
      my="sm"
      component="form"
      onSubmit={onSubmit}
      aria-label={t('stock.addLotOf', { product: product.name })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput
          label={t('stock.lotNumber')}
          required
          autoComplete="off"
          value={lotNumber}
          onChange={(e) => setLotNumber(e.currentTarget.value)}
          error={problem('lotNumber')}
        />
        <TextInput
          label={t('stock.expiryDate')}
          type="date"
          required
          value={expiryDate}
          onChange={(e) => setExpiryDate(e.currentTarget.value)}
          error={problem('expiryDate')}
        />
        <NumberInput
          label={t('stock.quantityMl')}
          required
          min={0}
          decimalScale={3}
          value={quantityMl}
          onChange={setQuantityMl}
          error={problem('quantityMl')}
        />
        <TextInput
          label={t('stock.supplier')}
          autoComplete="off"
          value={supplier}
          onChange={(e) => setSupplier(e.currentTarget.value)}
          error={problem('supplier')}
        />
        <TextInput
          label={t('stock.storageNote')}
          description={t('stock.storageNoteHelp')}
          autoComplete="off"
          value={storageNote}
          onChange={(e) => setStorageNote(e.currentTarget.value)}
          error={problem('storageNote')}
        />
      </SimpleGrid>
      <FormActions error={error} pending={pending} submitLabel={t('stock.saveLot')} onCancel={onCancel} />
    </Paper>
  );
}
