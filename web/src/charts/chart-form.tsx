import { Alert, Button, Checkbox, Grid, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { ErrorAlert } from '../components/error-alert';
import { useFormat } from '../i18n/use-format';
import { areaById } from '../knowledge/catalogue';
import { BodyMap } from './body-map';
import type { DraftPoint, PointSettings } from './chart-draft';
import { mapKindOf } from './map-outlines';
import { PointSettingsForm, type CatalogueProduct } from './point-settings-form';
import { PointTable } from './point-table';

export interface ChartEntry {
  anaesthesiaUsed: boolean;
  anaesthesiaAgent: string | null;
  notes: string | null;
  points: DraftPoint[];
}

interface Props {
  plan: Plan;
  products: CatalogueProduct[];
  sessionDate: string;
  pending: boolean;
  error: unknown;
  onSubmit: (entry: ChartEntry) => void;
}

function initialSettings(plan: Plan, products: CatalogueProduct[], sessionDate: string): PointSettings {
  const product = products[0];
  const lot = product?.lots.find((l) => !l.recalled && l.expiryDate >= sessionDate);
  return { area: plan.area, productId: product?.id ?? '', lotId: lot?.id ?? '', volumeMl: 0.1, depthMm: plan.depthMm.min, technique: 'manual' };
}

/** Charting: place points on the map with the chosen product, lot, volume and depth; then save. */
export function ChartForm({ plan, products, sessionDate, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [settings, setSettings] = useState<PointSettings>(() => initialSettings(plan, products, sessionDate));
  const [points, setPoints] = useState<DraftPoint[]>([]);
  const [anaesthesiaUsed, setAnaesthesiaUsed] = useState(false);
  const [agent, setAgent] = useState(plan.anaesthesia.agent);
  const [notes, setNotes] = useState('');
  const ready = Boolean(settings.productId && settings.lotId);
  const kind = mapKindOf(areaById(settings.area)?.region);

  const place = (x: number, y: number) => {
    if (ready) setPoints((list) => [...list, { ...settings, x, y }]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ anaesthesiaUsed, anaesthesiaAgent: anaesthesiaUsed ? agent.trim() || null : null, notes: notes.trim() || null, points });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">
            {t('chart.nextPoint')}
          </Title>
          {products.length === 0 ? (
            <Alert color="yellow">{t('chart.noProducts')}</Alert>
          ) : (
            <PointSettingsForm
              settings={settings}
              onChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
              products={products}
              sessionDate={sessionDate}
              depthHint={t('chart.depthHint', { range: format.range(plan.depthMm) })}
            />
          )}
          {!ready && products.length > 0 && (
            <Alert color="yellow" mt="sm">
              {t('chart.needProduct')}
            </Alert>
          )}
        </Paper>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <BodyMap kind={kind} points={points.filter((p) => mapKindOf(areaById(p.area)?.region) === kind)} onPlace={ready ? place : undefined} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Title order={2} size="h5" mb="xs">
              {t('chart.points')}
            </Title>
            <div aria-live="polite">
              <PointTable points={points} products={products} onRemove={(index) => setPoints((list) => list.filter((_, i) => i !== index))} />
            </div>
          </Grid.Col>
        </Grid>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Checkbox label={t('chart.anaesthesiaUsed')} checked={anaesthesiaUsed} onChange={(e) => setAnaesthesiaUsed(e.currentTarget.checked)} />
            {anaesthesiaUsed && <TextInput label={t('chart.anaesthesiaAgent')} value={agent} onChange={(e) => setAgent(e.currentTarget.value)} required />}
            <Textarea label={t('chart.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
          </Stack>
        </Paper>
        {error !== null && <ErrorAlert error={error} />}
        <Button type="submit" loading={pending} disabled={points.length === 0} w="fit-content">
          {pending ? t('chart.submitting') : t('chart.submit')}
        </Button>
      </Stack>
    </form>
  );
}
