import { Alert, Badge, Grid, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { areaById } from '../knowledge/catalogue';
import { BodyMap } from './body-map';
import { mapKindOf } from './map-outlines';
import type { CatalogueProduct } from './point-settings-form';
import { PointTable } from './point-table';
import type { SavedChartView } from './saved-chart-types';

/** A saved chart, read-only: the points, the screening it was charted under, and any override with who made it and when. */
export function SavedChart({
  chart,
  area,
  products,
  names,
}: {
  chart: SavedChartView;
  area: string;
  products: CatalogueProduct[];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const nameOf = (id: string | null | undefined) => (id ? names.get(id) : undefined) ?? t('chart.unknownUser');
  const { override, screening } = chart;
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <BodyMap kind={mapKindOf(areaById(area)?.region)} points={chart.points} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Text size="sm" mb="xs">
          {t('chart.savedBy', { date: format.dateTime(chart.createdAt), name: nameOf(chart.createdBy) })}
        </Text>
        {screening && (
          <Text size="sm" mb="xs" data-testid="chart-screening">
            {t('chart.screening', {
              date: format.date(screening.sessionDate),
              verdict: label('verdict', screening.verdict),
              version: screening.knowledgeBaseVersion,
            })}
          </Text>
        )}
        {override && (
          <Alert
            color="orange"
            variant="light"
            title={t('chart.savedOverride.title')}
            mb="sm"
            data-testid="chart-override"
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t('chart.savedOverride.reason', { reason: override.reason })}
            </Text>
            {override.reasons.length > 0 && (
              <Text size="sm">
                {t('chart.savedOverride.overridden', {
                  verdict: label('verdict', override.verdict),
                  reasons: format.list(override.reasons.map((code) => label('reason', code))),
                })}
              </Text>
            )}
            <Text size="sm">
              {t('chart.savedOverride.by', { name: nameOf(override.by), date: format.dateTime(override.at) })}
            </Text>
          </Alert>
        )}
        {chart.outsidePlanConfirmed && (
          <Group mb="xs">
            <Badge color="orange" variant="light" data-testid="outside-plan-confirmed">
              {t('chart.outsidePlanConfirmed')}
            </Badge>
          </Group>
        )}
        <PointTable points={chart.points} products={products} />
        <Text size="sm" mt="sm">
          {chart.anaesthesiaUsed
            ? t('chart.anaesthesiaCharted', { agent: chart.anaesthesiaAgent ?? '—' })
            : t('chart.noAnaesthesia')}
        </Text>
        {chart.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {chart.notes}
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
