import { Checkbox, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ModalForm } from '../components/modal-form';
import { useSubmit } from '../hooks/use-submit';
import { toMinor, typedAmount } from './money-amounts';
import { moneyApi, type CreditNote, type Invoice, type NewCreditNote } from './money-api';
import { useMoney } from './use-money';

/**
 * A credit note against an issued invoice, which is never edited: an amount, or some of its lines
 * in full, and always the reason. The server refuses more than is left to credit and names the field.
 */
export function CreditNoteForm({
  invoice,
  onIssued,
  onClose,
}: {
  invoice: Invoice;
  onIssued: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const [mode, setMode] = useState<'amount' | 'lines'>('amount');
  const [amount, setAmount] = useState<number | string>('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [reason, setReason] = useState('');
  const [issued, setIssued] = useState<CreditNote | null>(null);
  const [missing, setMissing] = useState(false);
  const creditable = invoice.totals.totalMinor - invoice.creditedMinor;
  const creditableLines = invoice.lines.flatMap((line, index) => (line.totalMinor > 0 ? [{ line, index }] : []));
  const { submit, pending, error } = useSubmit(async () => {
    const major = typedAmount(amount);
    const body: NewCreditNote = {
      reason: reason.trim(),
      ...(mode === 'amount' && major !== undefined ? { amountMinor: toMinor(major, invoice.currency) } : {}),
      ...(mode === 'lines'
        ? {
            lines: chosen.flatMap((index) => {
              const line = invoice.lines[index];
              return line
                ? [
                    {
                      description: line.description,
                      quantity: line.quantity,
                      unitPriceMinor: line.unitPriceMinor,
                      taxRatePercent: line.taxRatePercent,
                    },
                  ]
                : [];
            }),
          }
        : {}),
    };
    const note = await moneyApi.issueCreditNote(invoice.id, body);
    setIssued(note);
    onIssued();
  });
  const problem = (field: string) => (isApiError(error) ? error.problemFor(field) : undefined);

  return (
    <ModalForm
      done={
        issued
          ? t('money.creditNoteIssued', {
              number: issued.number,
              amount: money(issued.totals.totalMinor, invoice.currency),
            })
          : null
      }
      onSubmit={() => {
        // Left empty, the server would credit everything left: that must be asked for, not defaulted to.
        const empty = mode === 'amount' ? typedAmount(amount) === undefined : chosen.length === 0;
        setMissing(empty);
        if (!empty) void submit();
      }}
      onClose={onClose}
      error={error}
      pending={pending}
      submitLabel={t('money.issueCreditNote')}
    >
      <Text size="sm">{t('money.creditNoteHelp', { left: money(creditable, invoice.currency) })}</Text>
      <SegmentedControl
        value={mode}
        onChange={(value) => setMode(value as 'amount' | 'lines')}
        aria-label={t('money.creditBy')}
        data={[
          { value: 'amount', label: t('money.creditByAmount') },
          { value: 'lines', label: t('money.creditByLines') },
        ]}
      />
      {mode === 'amount' ? (
        <NumberInput
          label={t('money.creditAmountIn', { currency: invoice.currency })}
          description={t('money.creditAmountHelp')}
          withAsterisk
          min={0}
          decimalScale={3}
          value={amount}
          onChange={setAmount}
          error={(missing && t('money.creditAmountMissing')) || problem('amountMinor')}
          data-autofocus
        />
      ) : (
        <Checkbox.Group
          label={t('money.creditLines')}
          value={chosen.map(String)}
          onChange={(values) => setChosen(values.map(Number))}
          error={(missing && t('money.creditLinesMissing')) || problem('lines') || problem('amountMinor')}
        >
          <Stack gap={6} mt={4}>
            {creditableLines.map(({ line, index }) => (
              <Checkbox
                key={index}
                value={String(index)}
                label={`${line.description} · ${money(line.totalMinor, invoice.currency)}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Textarea
        label={t('money.reason')}
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={problem('reason')}
      />
    </ModalForm>
  );
}
