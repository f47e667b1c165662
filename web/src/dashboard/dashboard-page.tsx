import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { useLoad } from '../hooks/use-load';
import {
  CoursesPanel,
  NoShowsPanel,
  SessionsPanel,
  SideEffectsPanel,
  TakingsPanels,
  UtilisationPanel,
  type DashboardData,
} from './dashboard-panels';

/** The browser's calendar date, for the quick ranges (the server counts in the clinic's zone). */
const localToday = () => new Date().toLocaleDateString('sv-SE');
function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
const quickRanges = [7, 30, 90, 365] as const;

/** From and to dates, kept in the address so that a view can be bookmarked or shared. */
function RangeForm({ shown, onRange }: { shown?: DashboardData; onRange: (from: string, to: string) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(shown?.from ?? '');
  const [to, setTo] = useState(shown?.to ?? '');
  useEffect(() => {
    if (shown) {
      setFrom(shown.from);
      setTo(shown.to);
    }
  }, [shown?.from, shown?.to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from && to) onRange(from, to);
  };
  return (
    <Paper withBorder p="sm" mb="md" component="form" onSubmit={submit} aria-labelledby="range-heading">
      <Title order={2} size="h5" id="range-heading" mb="xs">
        {t('dashboard.range')}
      </Title>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          type="date"
          label={t('dashboard.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t('dashboard.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          description={t('dashboard.rangeHelp')}
          required
        />
        <Button type="submit">{t('dashboard.show')}</Button>
        {quickRanges.map((days) => (
          <Button
            key={days}
            variant="default"
            onClick={() => {
              const today = localToday();
              onRange(daysBefore(today, days - 1), today);
            }}
          >
            {t(`dashboard.last${days}`)}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}

/** The clinic's days as charts: operations and takings for reception, the clinical panels for admins too. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const state = useLoad(
    async () =>
      call(api.GET('/api/dashboard', { params: { query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } } })),
    [from, to],
  );

  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      {state.data && (
        <Text size="sm" mb="md">
          {t('dashboard.intro', { zone: state.data.timeZone })}
        </Text>
      )}
      <RangeForm shown={state.data} onRange={(f, l) => setParams({ from: f, to: l })} />
      <Loaded state={state}>
        {(data) => (
          <Stack gap="md">
            {data.signals && (
              <Alert
                color={data.signals.open > 0 ? 'red' : 'green'}
                title={t('dashboard.signals.title')}
                data-testid="signals-panel"
              >
                <Text size="sm">
                  {t('dashboard.signals.open', { count: data.signals.open })}
                  {data.signals.acknowledged > 0 &&
                    ` ${t('dashboard.signals.acknowledged', { count: data.signals.acknowledged })}`}
                </Text>
                <Anchor component={Link} to="/safety-signals" size="sm">
                  {t('dashboard.signals.link')}
                </Anchor>
              </Alert>
            )}
            <SessionsPanel data={data} />
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <NoShowsPanel data={data} />
              <CoursesPanel data={data} />
              <UtilisationPanel rows={data.utilisation.practitioners} kind="practitioners" />
              <UtilisationPanel rows={data.utilisation.rooms} kind="rooms" />
              <TakingsPanels data={data} />
              {data.sideEffects && <SideEffectsPanel sideEffects={data.sideEffects} />}
            </SimpleGrid>
          </Stack>
        )}
      </Loaded>
    </>
  );
}
