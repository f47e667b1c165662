import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { LoadingState } from '../components/loading-state';
import { useFormat } from '../i18n/use-format';
import type { ChartRow } from './course-measure-chart';
import { useMeasureLabels } from './measure-labels';
import { scaleBounds, type CourseMeasures, type MeasureDefinition, type MeasureSeries } from './measure-types';

const CourseMeasureChart = lazy(async () => ({
  default: (await import('./course-measure-chart')).CourseMeasureChart,
}));

const baselineKey = 'baseline';

/** The occasions a measure has values on: baseline first, then sessions in schedule order. */
function occasionsOf(series: MeasureSeries[], sessions: CourseMeasures['sessions']) {
  const used = new Set(series.flatMap((s) => s.points.map((p) => p.sessionId ?? baselineKey)));
  const times = new Map(series.flatMap((s) => s.points.map((p) => [p.sessionId ?? baselineKey, p.sessionAt])));
  const ordered = [
    ...(used.has(baselineKey) ? [{ key: baselineKey, at: null as string | null }] : []),
    ...sessions.filter((s) => used.has(s.id)).map((s) => ({ key: s.id, at: s.scheduledAt })),
  ];
  // A value on a session no longer listed as held (since cancelled, say) still has its place.
  for (const key of used) if (!ordered.some((o) => o.key === key)) ordered.push({ key, at: times.get(key) ?? null });
  return ordered.sort((a, b) => (a.at === null ? -1 : b.at === null ? 1 : a.at.localeCompare(b.at)));
}

function MeasureSection({
  definition,
  series,
  sessions,
}: {
  definition: MeasureDefinition;
  series: MeasureSeries[];
  sessions: CourseMeasures['sessions'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useMeasureLabels();
  const occasions = occasionsOf(series, sessions);
  const lines = series.map((s, i) => ({ key: `s${i}`, name: labels.seriesName(s.rater, s.site) }));
  const occasionLabel = (o: { key: string; at: string | null }) =>
    o.key === baselineKey ? t('outcomeMeasures.baselineShort') : o.at ? format.date(o.at.slice(0, 10)) : o.key;
  const rows: ChartRow[] = occasions.map((o) => ({
    label: occasionLabel(o),
    ...Object.fromEntries(
      series.map((s, i) => [`s${i}`, s.points.find((p) => (p.sessionId ?? baselineKey) === o.key)?.value ?? null]),
    ),
  }));
  const { min, max } = scaleBounds(definition);
  const ordinal = definition.scale.kind === 'ordinal';
  const name = labels.measure(definition.code);
  const headingId = `measure-${definition.code}`;
  const shown = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : labels.value(definition, value);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`measure-${definition.code}`}>
      <Title order={3} size="h5" id={headingId} mb={4}>
        {name}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('outcomeMeasures.outsideReference', { standard: definition.standard })}
      </Text>
      <Suspense fallback={<LoadingState />}>
        <CourseMeasureChart
          rows={rows}
          lines={lines}
          domain={ordinal ? [min, max] : ['auto', 'auto']}
          ticks={ordinal && max - min <= 10 ? Array.from({ length: max - min + 1 }, (_, i) => min + i) : undefined}
          betterIsLower={definition.better === 'lower'}
        />
      </Suspense>
      <DataTable
        columns={[t('outcomeMeasures.occasionColumn'), ...lines.map((l) => l.name)]}
        minWidth={420}
        striped
        mt="sm"
        data-testid={`series-table-${definition.code}`}
      >
        {occasions.map((o, row) => (
          <Table.Tr key={o.key}>
            <Table.Td>{rows[row]?.label}</Table.Td>
            {series.map((s, i) => (
              <Table.Td key={lines[i]?.key}>
                {shown(s.points.find((p) => (p.sessionId ?? baselineKey) === o.key)?.value)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </DataTable>
      <DataTable
        columns={[
          t('outcomeMeasures.rater'),
          ...(definition.comparison === 'change' ? [t('outcomeMeasures.baselineColumn')] : []),
          t('outcomeMeasures.latestColumn'),
          ...(definition.comparison === 'change' ? [t('outcomeMeasures.changeColumn')] : []),
          t('outcomeMeasures.improvedColumn'),
        ]}
        minWidth={420}
        mt="xs"
        aria-label={t('outcomeMeasures.summaryCaption')}
        data-testid={`series-summary-${definition.code}`}
      >
        {series.map((s, i) => (
          <Table.Tr key={lines[i]?.key}>
            <Table.Td>{lines[i]?.name}</Table.Td>
            {definition.comparison === 'change' && <Table.Td>{shown(s.baseline)}</Table.Td>}
            <Table.Td>{shown(s.latest?.value)}</Table.Td>
            {definition.comparison === 'change' && (
              <Table.Td>
                {s.change === null
                  ? '—'
                  : format.number(s.change, { signDisplay: 'exceptZero', maximumFractionDigits: 1 })}
              </Table.Td>
            )}
            <Table.Td>
              {s.improved === null
                ? t('outcomeMeasures.notYet')
                : s.improved
                  ? t('outcomeMeasures.yes')
                  : t('outcomeMeasures.no')}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

/** Each measure of the course with values: a chart from baseline to the latest session, and its numbers. */
export function CourseMeasureSeries({ data }: { data: CourseMeasures }) {
  const { t } = useTranslation();
  const measured = data.definitions.filter((d) => data.series.some((s) => s.measure === d.code));
  return (
    <Stack gap="md" component="section" aria-labelledby="course-so-far-heading">
      <Title order={2} size="h4" id="course-so-far-heading">
        {t('outcomeMeasures.courseHeading')}
      </Title>
      {measured.length === 0 ? (
        <EmptyState size="sm" text={t('outcomeMeasures.noValues')} />
      ) : (
        <>
          <Text size="sm">{t('outcomeMeasures.betterUp')}</Text>
          {measured.map((definition) => (
            <MeasureSection
              key={definition.code}
              definition={definition}
              series={data.series.filter((s) => s.measure === definition.code)}
              sessions={data.sessions}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
