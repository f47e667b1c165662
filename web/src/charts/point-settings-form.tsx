import { NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { useCatalogue } from '../knowledge/catalogue';
import { techniques, type PointSettings, type Technique } from './chart-draft';

export interface CatalogueProduct {
  id: string;
  name: string;
  lots: { id: string; lotNumber: string; expiryDate: string; recalled: boolean; remainingMl: number }[];
}

interface Props {
  settings: PointSettings;
  onChange: (patch: Partial<PointSettings>) => void;
  products: CatalogueProduct[];
  /** The session's date: lots that expire before it cannot be charted. */
  sessionDate: string;
  depthHint?: string;
  volumeHint?: string;
  /** Products offered that are not in the plan (shown only under "show all"): their option says so. */
  offPlan?: ReadonlySet<string>;
  /** Said under a field whose value lies outside the plan (not an error: it can be confirmed). */
  depthWarning?: string;
  volumeWarning?: string;
}

/** Recalled, expired and empty lots are listed but cannot be chosen: the server would refuse the chart. */
export function PointSettingsForm({
  settings,
  onChange,
  products,
  sessionDate,
  depthHint,
  volumeHint,
  offPlan,
  depthWarning,
  volumeWarning,
}: Props) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const catalogue = useCatalogue();
  const format = useFormat();
  const product = products.find((p) => p.id === settings.productId);
  const lotData = (product?.lots ?? []).map((lot) => ({
    value: lot.id,
    label: lot.recalled
      ? t('chart.lotRecalled', { lot: lot.lotNumber })
      : lot.remainingMl <= 0
        ? t('chart.lotEmpty', { lot: lot.lotNumber })
        : t('chart.lotOption', { lot: lot.lotNumber, date: format.date(lot.expiryDate) }),
    disabled: lot.recalled || lot.expiryDate < sessionDate || lot.remainingMl <= 0,
  }));

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
      <Select
        label={t('chart.area')}
        data={catalogue.areas.map((a) => ({ value: a.id, label: label('area', a.id, a.name) }))}
        value={settings.area}
        onChange={(area) => area && onChange({ area })}
        allowDeselect={false}
        searchable
      />
      <Select
        label={t('chart.product')}
        data={products.map((p) => ({
          value: p.id,
          label: offPlan?.has(p.id) ? t('chart.products.offPlanOption', { name: p.name }) : p.name,
        }))}
        value={settings.productId || null}
        onChange={(productId) => {
          const next = products.find((p) => p.id === productId);
          const usable = next?.lots.find((l) => !l.recalled && l.expiryDate >= sessionDate && l.remainingMl > 0);
          onChange({ productId: productId ?? '', lotId: usable?.id ?? '' });
        }}
        required
      />
      <Select
        label={t('chart.lot')}
        data={lotData}
        value={settings.lotId || null}
        onChange={(lotId) => onChange({ lotId: lotId ?? '' })}
        required
      />
      <div>
        <NumberInput
          label={t('chart.volume')}
          description={volumeHint}
          min={0.01}
          max={10}
          step={0.05}
          decimalScale={2}
          value={settings.volumeMl}
          onChange={(v) => onChange({ volumeMl: Number(v) || 0 })}
        />
        {volumeWarning && <OutsideWarning text={volumeWarning} testId="volume-warning" />}
      </div>
      <div>
        <NumberInput
          label={t('chart.depth')}
          description={depthHint}
          min={0}
          max={13}
          step={0.5}
          decimalScale={1}
          value={settings.depthMm}
          onChange={(v) => onChange({ depthMm: Number(v) || 0 })}
        />
        {depthWarning && <OutsideWarning text={depthWarning} testId="depth-warning" />}
      </div>
      <Select
        label={t('chart.technique')}
        data={techniques.map((x) => ({ value: x, label: t(`chart.techniques.${x}`) }))}
        value={settings.technique}
        onChange={(technique) => technique && onChange({ technique: technique as Technique })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

/** A warning, not an error: the value may be charted once confirmed. Words and an icon-free mark, not colour alone. */
function OutsideWarning({ text, testId }: { text: string; testId: string }) {
  return (
    <Text size="xs" c="var(--mantine-color-orange-light-color)" fw={600} mt={4} data-testid={testId}>
      ⚠ {text}
    </Text>
  );
}
