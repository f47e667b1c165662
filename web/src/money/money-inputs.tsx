import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A tax rate is a percentage, to two decimals. */
export const taxRateLimits = { min: 0, max: 100, decimalScale: 2 } as const;

/** Amounts are typed in major units, to three decimals (the most any currency's minor units need). */
export const amountLimits = { decimalScale: 3 } as const;

/** A price's tax rate, in percent. */
export function TaxRateInput(props: NumberInputProps) {
  const { t } = useTranslation();
  return <NumberInput label={t('money.taxRate')} {...taxRateLimits} {...props} />;
}

/** A price's unit price, in major units of the price's currency; never negative. */
export function UnitPriceInput(props: NumberInputProps) {
  return <NumberInput min={0} {...amountLimits} {...props} />;
}
