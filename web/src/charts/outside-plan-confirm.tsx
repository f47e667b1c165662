import { Alert, Checkbox } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format';
import { distinctValues, type OutsideValue } from './outside-plan';
import { readableError } from './readable-error';

interface Props {
  outside: OutsideValue[];
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

/** The explicit confirmation a chart with depths or volumes outside the plan needs: it names the values and the range. */
export const OutsidePlanConfirm = forwardRef<HTMLInputElement, Props>(function OutsidePlanConfirm(
  { outside, checked, onChange, error },
  ref,
) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts: string[] = [];
  for (const field of ['depthMm', 'volumeMl'] as const) {
    const values = distinctValues(outside, field);
    const range = outside.find((o) => o.field === field)?.range;
    if (!range || values.length === 0) continue;
    const key = field === 'depthMm' ? 'chart.outsidePlan.depth' : 'chart.outsidePlan.volume';
    parts.push(t(key, { values: format.list(values.map((v) => format.number(v))), range: format.range(range) }));
  }
  return (
    <Alert color="yellow" variant="light" title={t('chart.outsidePlan.title')} data-testid="outside-plan">
      <Checkbox
        ref={ref}
        label={t('chart.outsidePlan.confirm', { values: parts.join('; ') })}
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
        error={error}
        styles={readableError}
      />
    </Alert>
  );
});
