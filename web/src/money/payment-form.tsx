import { Alert, Button, Group, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ModalForm } from '../components/modal-form';
import { useSubmit } from '../hooks/use-submit';
import { paymentMethods } from './money-labels';
import { toMajor, toMinor, typedAmount } from './money-amounts';
import { moneyApi, type Invoice, type PaymentMethod } from './money-api';
import { useMoney } from './use-money';

/**
 * A payment received for an invoice: amount (the balance to start with), method and an optional
 * reference. More than the balance is refused by the server unless the user confirms it is meant
 * (a patient paying ahead, say), so the form asks once and then sends it again with that said.
 */
export function PaymentForm({
  invoice,
  onRecorded,
  onClose,
}: {
  invoice: Invoice;
  onRecorded: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const [amount, setAmount] = useState<number | string>(toMajor(Math.max(invoice.balanceMinor, 0), invoice.currency));
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { submit, pending, error, clearError } = useSubmit(async (acceptOverpayment: boolean) => {
    const major = typedAmount(amount);
    const payment = await moneyApi.recordPayment(invoice.id, {
      ...(major === undefined ? {} : { amountMinor: toMinor(major, invoice.currency) }),
      ...(method ? { method } : {}),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      ...(acceptOverpayment ? { acceptOverpayment: true } : {}),
    } as Parameters<typeof moneyApi.recordPayment>[1]);
    setDone(
      t('money.paymentRecorded', {
        amount: money(payment.amountMinor, invoice.currency),
        method: t(`money.methods.${payment.method}`),
      }),
    );
    onRecorded();
  });
  const overpaid = isApiError(error) && error.status === 409 && error.code === 'overpayment';
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  const major = typedAmount(amount);
  const excess = major === undefined ? 0 : toMinor(major, invoice.currency) - invoice.balanceMinor;

  // The 409 becomes a question rather than an error: the amount is fine if it is meant.
  if (overpaid)
    return (
      <Stack gap="sm">
        <Alert color="orange" title={t('money.overpaymentTitle')} role="alert">
          {t('money.overpaymentText', {
            amount: money(major === undefined ? 0 : toMinor(major, invoice.currency), invoice.currency),
            balance: money(invoice.balanceMinor, invoice.currency),
            excess: money(Math.max(excess, 0), invoice.currency),
          })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={clearError}>
            {t('money.changeAmount')}
          </Button>
          <Button loading={pending} onClick={() => void submit(true)}>
            {t('money.confirmOverpayment')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <ModalForm
      done={done}
      onSubmit={() => void submit(false)}
      onClose={onClose}
      error={error}
      pending={pending}
      submitLabel={t('money.recordPayment')}
    >
      <NumberInput
        label={t('money.amountIn', { currency: invoice.currency })}
        description={t('money.balanceIs', { balance: money(invoice.balanceMinor, invoice.currency) })}
        withAsterisk
        min={0}
        decimalScale={3}
        value={amount}
        onChange={setAmount}
        error={problem('amountMinor')}
        data-autofocus
      />
      <Radio.Group
        label={t('money.method')}
        withAsterisk
        value={method}
        onChange={(value) => setMethod(value as PaymentMethod)}
        error={problem('method')}
      >
        <Group mt={4}>
          {paymentMethods.map((m) => (
            <Radio key={m} value={m} label={t(`money.methods.${m}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label={t('money.reference')}
        description={t('money.referenceHelp')}
        autoComplete="off"
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
        error={problem('reference')}
      />
    </ModalForm>
  );
}
