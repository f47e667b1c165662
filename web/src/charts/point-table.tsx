import { CloseButton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import type { OutsideValue, PlannedField } from './outside-plan';
import type { CatalogueProduct } from './point-settings-form';

/** A point as drafted, or as the server returns it (where old records may lack product or amounts). */
export interface PointRow {
  area: string;
  productId: string | null;
  lotId: string | null;
  volumeMl: number | null;
  depthMm: number | null;
  technique: string;
}

interface Props {
  points: PointRow[];
  products: CatalogueProduct[];
  onRemove?: (index: number) => void;
  /** Values outside the plan's range, marked in the table. */
  outside?: readonly OutsideValue[];
}

/** The points as a table: what the map shows, readable without seeing it. */
export function PointTable({ points, products, onRemove, outside = [] }: Props) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  if (points.length === 0) return <Text size="sm">{t('chart.noPoints')}</Text>;
  const productName = (id: string | null) => products.find((p) => p.id === id)?.name ?? id ?? '—';
  const lotNumber = (productId: string | null, lotId: string | null) =>
    products.find((p) => p.id === productId)?.lots.find((l) => l.id === lotId)?.lotNumber ?? lotId ?? '—';
  const isOutside = (index: number, field: PlannedField) => outside.some((o) => o.index === index && o.field === field);
  const total = points.reduce((sum, p) => sum + (p.volumeMl ?? 0), 0);
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="chart-points">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chart.column.n')}</Table.Th>
              <Table.Th>{t('chart.column.area')}</Table.Th>
              <Table.Th>{t('chart.column.product')}</Table.Th>
              <Table.Th>{t('chart.column.volume')}</Table.Th>
              <Table.Th>{t('chart.column.depth')}</Table.Th>
              <Table.Th>{t('chart.column.technique')}</Table.Th>
              {onRemove && <Table.Th aria-hidden />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{label('area', p.area)}</Table.Td>
                <Table.Td>
                  {productName(p.productId)} / {lotNumber(p.productId, p.lotId)}
                </Table.Td>
                <Table.Td>
                  {p.volumeMl === null ? '—' : format.number(p.volumeMl)}
                  {isOutside(i, 'volumeMl') && <OutsideMark />}
                </Table.Td>
                <Table.Td>
                  {p.depthMm === null ? '—' : format.number(p.depthMm)}
                  {isOutside(i, 'depthMm') && <OutsideMark />}
                </Table.Td>
                <Table.Td>{t(`chart.techniques.${p.technique}`, { defaultValue: p.technique })}</Table.Td>
                {onRemove && (
                  <Table.Td>
                    <CloseButton
                      size="sm"
                      aria-label={t('chart.removePoint', { n: i + 1 })}
                      onClick={() => onRemove(i)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" mt="xs">
        {t('chart.totalVolume', { volume: format.number(total) })}
      </Text>
    </>
  );
}

/** Words, not colour alone, and free to wrap in the narrow column. */
function OutsideMark() {
  const { t } = useTranslation();
  return (
    <Text size="xs" fw={700} c="var(--mantine-color-orange-light-color)">
      {t('chart.outsidePlan.badge')}
    </Text>
  );
}
