import { NumberInput, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { isApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { FormActions } from '../components/form-actions';
import { useSubmit } from '../hooks/use-submit';
import { typedNumber, type StockLot } from './stock-types';

export type RecordedCount = Ok<'/api/lots/{id}/counts', 'post'>;

/** A count of what is on the shelf: the server keeps the difference and sets the lot to the count. */
export function StockCountForm({
  lot,
  onCounted,
  onCancel,
}: {
  lot: StockLot;
  onCounted: (recorded: RecordedCount) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [countedMl, setCountedMl] = useState<number | string>('');
  const [note, setNote] = useState('');
  const { submit, pending, error } = useSubmit(async () =>
    call(
      api.POST('/api/lots/{id}/counts', {
        params: { path: { id: lot.id } },
        body: { countedMl: typedNumber(countedMl) as number, note: note.trim() || null },
      }),
    ),
  );
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const recorded = await submit();
    if (recorded) onCounted(recorded);
  };

  return (
    <Paper
      withBorder
      p="sm"
      my="xs"
      component="form"
      onSubmit={onSubmit}
      aria-label={t('stock.recordCountOf', { lot: lot.lotNumber })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('stock.countedMl')}
          description={t('stock.countedHelp')}
          required
          min={0}
          decimalScale={3}
          value={countedMl}
          onChange={setCountedMl}
          error={problem('countedMl')}
        />
        <TextInput
          label={t('stock.countNote')}
          autoComplete="off"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={problem('note')}
        />
      </SimpleGrid>
      <FormActions error={error} pending={pending} submitLabel={t('stock.saveCount')} onCancel={onCancel} />
    </Paper>
  );
}
