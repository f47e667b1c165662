import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ModalForm } from '../components/modal-form';
import { useSubmit } from '../hooks/use-submit';
import { toMajor, toMinor, typedAmount } from './money-amounts';
import { moneyApi, type PriceChange, type PriceListItem } from './money-api';
import { TaxRateInput, UnitPriceInput } from './money-inputs';

/**
 * A price's name, amount and tax rate, changed in a modal. Invoices already issued keep their own
 * copy of the line, so a change applies to new quotes and invoices only.
 */
export function PriceEditForm({
  price,
  onSaved,
  onClose,
}: {
  price: PriceListItem;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(price.name);
  const [amount, setAmount] = useState<number | string>(toMajor(price.unitPriceMinor, price.currency));
  const [taxRate, setTaxRate] = useState<number | string>(price.taxRatePercent);
  const [done, setDone] = useState(false);
  const { submit, pending, error } = useSubmit(async () => {
    const major = typedAmount(amount);
    const taxRatePercent = typedAmount(taxRate);
    const change: PriceChange = {
      name: name.trim(),
      ...(major === undefined ? {} : { unitPriceMinor: toMinor(major, price.currency) }),
      ...(taxRatePercent === undefined ? {} : { taxRatePercent }),
    };
    await moneyApi.changePrice(price.id, change);
    setDone(true);
    onSaved();
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  return (
    <ModalForm
      done={done ? t('money.priceSaved', { name: name.trim() }) : null}
      onSubmit={() => void submit()}
      onClose={onClose}
      error={error}
      pending={pending}
      submitLabel={t('money.savePrice')}
    >
      <TextInput
        label={t('money.priceName')}
        withAsterisk
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={problem('name')}
        data-autofocus
      />
      <UnitPriceInput
        label={t('money.unitPriceIn', { currency: price.currency })}
        withAsterisk
        value={amount}
        onChange={setAmount}
        error={problem('unitPriceMinor')}
      />
      <TaxRateInput withAsterisk value={taxRate} onChange={setTaxRate} error={problem('taxRatePercent')} />
    </ModalForm>
  );
}
