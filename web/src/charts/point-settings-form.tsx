import { NumberInput, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { catalogue } from '../knowledge/catalogue';
import { techniques, type PointSettings, type Technique } from './chart-draft';

export interface CatalogueProduct {
  id: string;
  name: string;
  lots: { id: string; lotNumber: string; expiryDate: string; recalled: boolean }[];
}

interface Props {
  settings: PointSettings;
  onChange: (patch: Partial<PointSettings>) => void;
  products: CatalogueProduct[];
  /** The session's date: lots that expire before it cannot be charted. */
  sessionDate: string;
  depthHint?: string;
}

/** Recalled and expired lots are listed but cannot be chosen: the server would refuse the chart. */
export function PointSettingsForm({ settings, onChange, products, sessionDate, depthHint }: Props) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const product = products.find((p) => p.id === settings.productId);
  const lotData = (product?.lots ?? []).map((lot) => ({
    value: lot.id,
    label: lot.recalled ? t('chart.lotRecalled', { lot: lot.lotNumber }) : t('chart.lotOption', { lot: lot.lotNumber, date: format.date(lot.expiryDate) }),
    disabled: lot.recalled || lot.expiryDate < sessionDate,
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
        data={products.map((p) => ({ value: p.id, label: p.name }))}
        value={settings.productId || null}
        onChange={(productId) => {
          const next = products.find((p) => p.id === productId);
          const usable = next?.lots.find((l) => !l.recalled && l.expiryDate >= sessionDate);
          onChange({ productId: productId ?? '', lotId: usable?.id ?? '' });
        }}
        required
      />
      <Select label={t('chart.lot')} data={lotData} value={settings.lotId || null} onChange={(lotId) => onChange({ lotId: lotId ?? '' })} required />
      <NumberInput label={t('chart.volume')} min={0.01} max={10} step={0.05} decimalScale={2} value={settings.volumeMl} onChange={(v) => onChange({ volumeMl: Number(v) || 0 })} />
      <NumberInput label={t('chart.depth')} description={depthHint} min={0} max={13} step={0.5} decimalScale={1} value={settings.depthMm} onChange={(v) => onChange({ depthMm: Number(v) || 0 })} />
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
