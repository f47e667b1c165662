import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { isSafetyRefusal } from './chart-refusal';

/**
 * The server's answer when it refuses a chart. The safety refusals (blocked treatment, values outside
 * the plan, a cream the patient is allergic to) are spelled out in full; anything else is the usual error.
 */
export function ChartRefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  if (!isSafetyRefusal(error)) return <ErrorAlert error={error} />;
  const { details } = error;
  return (
    <Alert
      color="red"
      role="alert"
      title={t(`chart.refusal.${error.code}`)}
      data-testid="chart-refusal"
      data-code={error.code}
      my="sm"
    >
      <Text size="sm">{error.message}</Text>
      {error.code === 'treatment_blocked' && (
        <>
          {details.reasons && details.reasons.length > 0 && (
            <List size="sm" mt="xs">
              {details.reasons.map((r) => (
                <List.Item key={r.code}>{label('reason', r.code, r.message)}</List.Item>
              ))}
            </List>
          )}
          <Text size="sm" mt="xs">
            {details.overridable ? t('chart.refusal.overridable') : t('chart.refusal.notOverridable')}
          </Text>
        </>
      )}
      {error.code === 'product_allergy' && details.products && details.products.length > 0 && (
        <List size="sm" mt="xs">
          {details.products.map((p) => (
            <List.Item key={`${p.productId}:${p.ingredient}`}>
              {t('chart.refusal.productAllergen', {
                product: p.productName,
                ingredient: p.ingredient,
                allergy: p.allergy,
              })}
            </List.Item>
          ))}
        </List>
      )}
      {error.code === 'outside_plan' && details.points && details.points.length > 0 && (
        <List size="sm" mt="xs">
          {details.points.map((p) => (
            <List.Item key={`${p.field}`}>
              {t('chart.refusal.outsidePoint', {
                n: p.index + 1,
                field: p.field,
                value: format.number(p.value),
                range: format.range(p.range),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
