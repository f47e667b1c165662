import { Alert, Button, Checkbox, Fieldset, Grid, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { useFormat } from '../i18n/use-format';
import { areaById } from '../knowledge/catalogue';
import { AnaesthesiaField, chartedAgent, initialAnaesthesia, type AnaesthesiaChoice } from './anaesthesia-field';
import { BodyMap } from './body-map';
import type { DraftPoint, PointSettings } from './chart-draft';
import { isSafetyRefusal } from './chart-refusal';
import { ChartRefusalAlert } from './chart-refusal-alert';
import { mapKindOf } from './map-outlines';
import { valuesOutsidePlan, type OutsideValue, type PlanRanges } from './outside-plan';
import { OutsidePlanConfirm } from './outside-plan-confirm';
import { defaultDepth, defaultVolume } from './plan-defaults';
import { PointSettingsForm, type CatalogueProduct } from './point-settings-form';
import { PointTable } from './point-table';
import { productChoice } from './product-choice';
import { readableError } from './readable-error';
import { chartingMode, type TreatmentCheck } from './treatment-check';

export interface ChartEntry {
  anaesthesiaUsed: boolean;
  anaesthesiaAgent: string | null;
  notes: string | null;
  points: DraftPoint[];
  override?: { reason: string };
  confirmOutsidePlan?: boolean;
}

interface Props {
  /** The course's plan: the fallback when the treatment check has no plan of its own. */
  plan: Plan;
  check: TreatmentCheck;
  products: CatalogueProduct[];
  sessionDate: string;
  pending: boolean;
  error: unknown;
  onSubmit: (entry: ChartEntry) => void;
}

function planRanges(plan: Plan, check: TreatmentCheck): PlanRanges {
  return { depthMm: check.plan?.depthMm ?? plan.depthMm, volumeMl: check.plan?.volumeMl ?? null };
}

function usableLot(product: CatalogueProduct | undefined, sessionDate: string) {
  return product?.lots.find((l) => !l.recalled && l.expiryDate >= sessionDate && l.remainingMl > 0);
}

function initialSettings(
  plan: Plan,
  ranges: PlanRanges,
  product: CatalogueProduct | undefined,
  sessionDate: string,
): PointSettings {
  return {
    area: plan.area,
    productId: product?.id ?? '',
    lotId: usableLot(product, sessionDate)?.id ?? '',
    volumeMl: defaultVolume(ranges.volumeMl),
    depthMm: defaultDepth(ranges.depthMm),
    technique: 'manual',
  };
}

/** The values the server found outside the plan, when the page's own reckoning found none (the plan may have changed). */
function refusedOutside(error: unknown): OutsideValue[] {
  if (!isSafetyRefusal(error) || error.code !== 'outside_plan') return [];
  return (error.details.points ?? []).map((p) => ({
    index: p.index,
    field: p.field.endsWith('volumeMl') ? 'volumeMl' : 'depthMm',
    value: p.value,
    range: p.range,
  }));
}

/**
 * Charting: place points on the map with the chosen product, lot, volume and depth; then save. The
 * treatment check shapes it: products that fit the plan (never one with an allergen), depth and
 * volume from the plan (values outside it need a named confirmation), only creams the patient is not
 * allergic to, a written override for a deferral, and nothing at all when treatment is ruled out.
 */
export function ChartForm({ plan, check, products, sessionDate, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const mode = chartingMode(check);
  const disabled = mode === 'blocked';
  const ranges = planRanges(plan, check);
  const [showAll, setShowAll] = useState(false);
  const choice = productChoice(products, check.products, showAll);
  const [settings, setSettings] = useState<PointSettings>(() =>
    initialSettings(plan, ranges, choice.offered[0], sessionDate),
  );
  const [points, setPoints] = useState<DraftPoint[]>([]);
  const [anaesthesia, setAnaesthesia] = useState<AnaesthesiaChoice>(() => initialAnaesthesia(check.anaesthesiaAgents));
  const [notes, setNotes] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<{ override?: string; confirm?: string; agent?: string }>({});
  const overrideRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const offeredIds = new Set(choice.offered.map((p) => p.id));
  const ready = !disabled && Boolean(settings.productId && settings.lotId && offeredIds.has(settings.productId));
  const kind = mapKindOf(areaById(settings.area)?.region);
  const computed = valuesOutsidePlan(points, ranges);
  const outside = computed.length > 0 ? computed : refusedOutside(error);
  const offPlan = new Set(
    products.filter((p) => check.products.find((j) => j.id === p.id)?.fitsPlan !== true).map((p) => p.id),
  );
  const creamPrecautions = (check.assessment?.precautions ?? []).filter((p) => p.code === 'NO_ANAESTHETIC_CREAM');
  const outsideText = (field: 'depthMm' | 'volumeMl', unit: string) => {
    const range = ranges[field];
    const value = settings[field];
    return range && (value < range.min || value > range.max)
      ? t('chart.outsidePlan.fieldWarning', { value: format.number(value), unit, range: format.range(range) })
      : undefined;
  };

  const place = (x: number, y: number) => {
    if (ready) setPoints((list) => [...list, { ...settings, x, y }]);
  };

  const toggleShowAll = (next: boolean) => {
    setShowAll(next);
    // Hiding the other products again must not leave one of them chosen out of sight.
    const fitting = productChoice(products, check.products, false).offered;
    if (next || fitting.some((p) => p.id === settings.productId)) return;
    setSettings((s) => ({
      ...s,
      productId: fitting[0]?.id ?? '',
      lotId: usableLot(fitting[0], sessionDate)?.id ?? '',
    }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (disabled) return;
    const found: typeof problems = {};
    if (mode === 'override' && !overrideReason.trim()) found.override = t('chart.override.required');
    if (outside.length > 0 && !confirmed) found.confirm = t('chart.outsidePlan.required');
    if (anaesthesia.used && !chartedAgent(anaesthesia)) found.agent = t('chart.anaesthesia.nameRequired');
    setProblems(found);
    if (found.override) return overrideRef.current?.focus();
    if (found.confirm) return confirmRef.current?.focus();
    if (found.agent) return;
    onSubmit({
      anaesthesiaUsed: anaesthesia.used,
      anaesthesiaAgent: chartedAgent(anaesthesia),
      notes: notes.trim() || null,
      points,
      ...(mode === 'override' ? { override: { reason: overrideReason.trim() } } : {}),
      ...(outside.length > 0 ? { confirmOutsidePlan: true } : {}),
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-describedby={disabled ? 'chart-disabled-note' : undefined}
      data-testid="chart-form"
      data-disabled={disabled}
    >
      <Fieldset disabled={disabled} variant="unstyled" p={0} m={0}>
        <Stack gap="md">
          {disabled && (
            <Alert color="red" variant="light" id="chart-disabled-note" data-testid="chart-disabled">
              {t('chart.safety.formDisabled')}
            </Alert>
          )}
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="sm">
              {t('chart.nextPoint')}
            </Title>
            {products.length === 0 ? (
              <Alert color="yellow">{t('chart.noProducts')}</Alert>
            ) : (
              <Stack gap="sm">
                <PointSettingsForm
                  settings={settings}
                  onChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
                  products={choice.offered}
                  offPlan={offPlan}
                  sessionDate={sessionDate}
                  depthHint={t('chart.depthHint', { range: format.range(ranges.depthMm) })}
                  volumeHint={
                    ranges.volumeMl ? t('chart.volumeHint', { range: format.range(ranges.volumeMl) }) : undefined
                  }
                  depthWarning={outsideText('depthMm', 'mm')}
                  volumeWarning={outsideText('volumeMl', 'ml')}
                />
                {!disabled && choice.offered.length === 0 && !showAll && (
                  <Text size="sm" data-testid="no-fitting-product">
                    {t('chart.products.noneFit', { mixture: check.plan?.mixture.name ?? plan.mixture.name })}
                  </Text>
                )}
                {!disabled && (choice.offPlan > 0 || showAll) && (
                  <Checkbox
                    label={
                      showAll
                        ? t('chart.products.showAll')
                        : t('chart.products.showAllCount', { count: choice.offPlan })
                    }
                    checked={showAll}
                    onChange={(e) => toggleShowAll(e.currentTarget.checked)}
                  />
                )}
                {choice.withheld.length > 0 && (
                  <Text size="sm" data-testid="withheld-products">
                    {t('chart.products.withheld', {
                      products: format.list(
                        choice.withheld.map((w) =>
                          t('chart.products.withheldItem', {
                            product: w.product.name,
                            allergens: format.list(w.allergens),
                          }),
                        ),
                      ),
                    })}
                  </Text>
                )}
              </Stack>
            )}
            {!disabled && !ready && choice.offered.length > 0 && (
              <Alert color="yellow" mt="sm">
                {t('chart.needProduct')}
              </Alert>
            )}
          </Paper>
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <BodyMap
                kind={kind}
                points={points.filter((p) => mapKindOf(areaById(p.area)?.region) === kind)}
                onPlace={ready ? place : undefined}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Title order={2} size="h5" mb="xs">
                {t('chart.points')}
              </Title>
              <div aria-live="polite">
                <PointTable
                  points={points}
                  products={products}
                  outside={outside}
                  onRemove={disabled ? undefined : (index) => setPoints((list) => list.filter((_, i) => i !== index))}
                />
              </div>
            </Grid.Col>
          </Grid>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <AnaesthesiaField
                value={anaesthesia}
                onChange={(patch) => {
                  setAnaesthesia((a) => ({ ...a, ...patch }));
                  setProblems((p) => ({ ...p, agent: undefined }));
                }}
                agents={check.anaesthesiaAgents}
                creamOffered={check.plan?.anaesthesia.creamOffered ?? plan.anaesthesia.creamOffered}
                precautions={creamPrecautions}
                error={problems.agent}
              />
              <Textarea
                label={t('chart.notes')}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            </Stack>
          </Paper>
          {outside.length > 0 && (
            <OutsidePlanConfirm
              ref={confirmRef}
              outside={outside}
              checked={confirmed}
              onChange={(next) => {
                setConfirmed(next);
                if (next) setProblems((p) => ({ ...p, confirm: undefined }));
              }}
              error={problems.confirm}
            />
          )}
          {mode === 'override' && (
            <Paper withBorder p="md" data-testid="override">
              <Textarea
                ref={overrideRef}
                label={t('chart.override.label')}
                description={t('chart.override.description')}
                value={overrideReason}
                onChange={(e) => {
                  setOverrideReason(e.currentTarget.value);
                  if (e.currentTarget.value.trim()) setProblems((p) => ({ ...p, override: undefined }));
                }}
                error={problems.override}
                styles={readableError}
                withAsterisk
                aria-required
                autosize
                minRows={2}
                maxLength={2000}
              />
            </Paper>
          )}
          {error !== null && <ChartRefusalAlert error={error} />}
          <Button type="submit" loading={pending} disabled={disabled || points.length === 0} w="fit-content">
            {pending ? t('chart.submitting') : mode === 'override' ? t('chart.submitWithOverride') : t('chart.submit')}
          </Button>
        </Stack>
      </Fieldset>
    </form>
  );
}
