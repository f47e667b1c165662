import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { Loaded } from '../components/loaded';
import { LoadingState } from '../components/loading-state';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { useMeasureLabels } from './measure-labels';
import type { ClinicResults, ResultGroup } from './measure-types';

const ResultsChart = lazy(async () => ({ default: (await import('./results-chart')).ResultsChart }));

type Grouping = 'byIndication' | 'byPractitioner' | 'byProduct';
const groupings: Grouping[] = ['byIndication', 'byPractitioner', 'byProduct'];

/** One group (an indication, practitioner or product): its chart, and the table the chart is drawn from. */
function GroupResults({ group, name, grouping }: { group: ResultGroup; name: string; grouping: Grouping }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useMeasureLabels();
  const measureName = (m: ResultGroup['measures'][number]) =>
    t('outcomeMeasures.measureRater', { measure: labels.measure(m.measure), rater: labels.rater(m.rater) });
  const percent = (share: number | null) =>
    share === null ? '—' : t('outcomeMeasures.percent', { value: format.number(Math.round(share * 1000) / 10) });
  const number = (value: number | null, sign = false) =>
    value === null ? '—' : format.number(value, sign ? { signDisplay: 'exceptZero', maximumFractionDigits: 2 } : {});
  const judged = group.measures.filter((m) => m.shareImproved !== null);
  const headingId = `${grouping}-${group.key ?? 'none'}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="result-group">
      <Group gap="sm" mb="xs">
        <Title order={3} size="h5" id={headingId}>
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          {t('outcomeMeasures.groupCourses', { count: group.courses })}
        </Text>
      </Group>
      {judged.length > 0 && (
        <Suspense fallback={<LoadingState />}>
          <ResultsChart
            bars={judged.map((m) => ({ label: measureName(m), share: Math.round((m.shareImproved ?? 0) * 1000) / 10 }))}
            valueLabel={t('outcomeMeasures.chartLabel')}
          />
        </Suspense>
      )}
      <DataTable
        columns={[
          t('outcomeMeasures.measure'),
          t('outcomeMeasures.resultsColumn'),
          t('outcomeMeasures.improvedCountColumn'),
          t('outcomeMeasures.shareColumn'),
          t('outcomeMeasures.meanChangeColumn'),
          t('outcomeMeasures.meanLatestColumn'),
          t('outcomeMeasures.awaitingColumn'),
        ]}
        minWidth={760}
        striped
        mt="xs"
        aria-label={t('outcomeMeasures.tableCaption', { group: name })}
      >
        {group.measures.map((m) => (
          <Table.Tr key={`${m.measure}-${m.rater}`}>
            <Table.Td>{measureName(m)}</Table.Td>
            <Table.Td>{m.results}</Table.Td>
            <Table.Td>{m.improved}</Table.Td>
            <Table.Td>{percent(m.shareImproved)}</Table.Td>
            <Table.Td>{number(m.meanChange, true)}</Table.Td>
            <Table.Td>{number(m.meanLatest)}</Table.Td>
            <Table.Td>{m.awaiting}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Paper>
  );
}

function GroupingSection({ results, grouping }: { results: ClinicResults; grouping: Grouping }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const groups = results[grouping];
  const nameOf = (group: ResultGroup) =>
    grouping === 'byIndication'
      ? label('indication', group.key ?? '')
      : (group.name ?? (group.key === null ? t('outcomeMeasures.noPractitioner') : group.key));
  return (
    <Stack gap="sm" component="section" aria-labelledby={`${grouping}-heading`} data-testid={grouping}>
      <Title order={2} size="h4" id={`${grouping}-heading`}>
        {t(`outcomeMeasures.${grouping}`)}
      </Title>
      {groups.length === 0 ? (
        <EmptyState size="sm" text={t('outcomeMeasures.noResults')} />
      ) : (
        groups.map((group) => (
          <GroupResults key={group.key ?? 'none'} group={group} name={nameOf(group)} grouping={grouping} />
        ))
      )}
    </Stack>
  );
}

/** The clinic's outcome results over a window of days, per indication, practitioner and product. */
export function ClinicResultsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const state = useLoad(
    () => call(api.GET('/api/outcome-results', { params: { query: range } })),
    [range.from, range.to],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };

  return (
    <>
      <PageTitle>{t('outcomeMeasures.resultsTitle')}</PageTitle>
      <Stack gap="md">
        <Text size="sm">{t('outcomeMeasures.resultsIntro')}</Text>
        <Text size="sm">{t('outcomeMeasures.attribution')}</Text>
        <Group component="form" onSubmit={onSubmit} align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('outcomeMeasures.from')}
            value={from || (state.data?.from ?? '')}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('outcomeMeasures.to')}
            value={to || (state.data?.to ?? '')}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <Button type="submit" variant="light">
            {t('outcomeMeasures.show')}
          </Button>
        </Group>
        <Loaded state={state}>
          {(results) => (
            <Stack gap="lg">
              {groupings.map((grouping) => (
                <GroupingSection key={grouping} results={results} grouping={grouping} />
              ))}
            </Stack>
          )}
        </Loaded>
      </Stack>
    </>
  );
}
