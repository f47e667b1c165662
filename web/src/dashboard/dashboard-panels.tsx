import { Table } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { useFormat } from '../i18n/use-format';
import { useMoney } from '../money/use-money';
import { ChartPanel, NumbersRow } from './chart-panel';

export type DashboardData = Ok<'/api/dashboard', 'get'>;
type Utilisation = DashboardData['utilisation']['practitioners'][number];

const DailyBarChart = lazy(async () => ({ default: (await import('./dashboard-charts')).DailyBarChart }));
const CategoryBarChart = lazy(async () => ({ default: (await import('./dashboard-charts')).CategoryBarChart }));

const statuses = [
  { key: 'done', color: '#2b8a3e' },
  { key: 'planned', color: '#1c7ed6' },
  { key: 'noShow', color: '#d9480f' },
  { key: 'cancelled', color: '#868e96' },
] as const;
const methods = [
  { key: 'cash', color: '#2f9e44' },
  { key: 'card', color: '#1971c2' },
  { key: 'transfer', color: '#7048e8' },
] as const;

function usePercent() {
  const format = useFormat();
  return (rate: number | null) =>
    rate === null ? '—' : format.number(rate, { style: 'percent', maximumFractionDigits: 1 });
}

export function SessionsPanel({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { days, totals } = data.sessions;
  const label = (key: (typeof statuses)[number]['key']) => t(`dashboard.sessions.${key}`);
  return (
    <ChartPanel
      testId="sessions-panel"
      title={t('dashboard.sessions.title')}
      summary={t('dashboard.sessions.summary', {
        total: format.number(totals.total),
        done: format.number(totals.done),
        planned: format.number(totals.planned),
        noShow: format.number(totals.noShow),
        cancelled: format.number(totals.cancelled),
      })}
      chart={
        <DailyBarChart
          data={days}
          series={statuses.map((s) => ({ ...s, label: label(s.key) }))}
          formatDay={format.date}
        />
      }
      numbers={() => ({
        columns: [t('dashboard.date'), ...statuses.map((s) => label(s.key)), t('dashboard.total')],
        rows: days.map((d) => (
          <NumbersRow key={d.date} head={format.date(d.date)} cells={[...statuses.map((s) => d[s.key]), d.total]} />
        )),
        footer: (
          <NumbersRow head={t('dashboard.total')} cells={[...statuses.map((s) => totals[s.key]), totals.total]} />
        ),
      })}
    />
  );
}

export function NoShowsPanel({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const { days, total, rate } = data.noShows;
  return (
    <ChartPanel
      testId="no-shows-panel"
      title={t('dashboard.noShows.title')}
      summary={
        total === 0
          ? t('dashboard.noShows.summaryNone')
          : t('dashboard.noShows.summary', { total: format.number(total), rate: percent(rate) })
      }
      chart={
        <DailyBarChart
          data={days}
          series={[{ key: 'noShows', label: t('dashboard.noShows.count'), color: '#d9480f' }]}
          formatDay={format.date}
        />
      }
      numbers={() => ({
        columns: [t('dashboard.date'), t('dashboard.noShows.count'), t('dashboard.noShows.rate')],
        rows: days.map((d) => (
          <NumbersRow key={d.date} head={format.date(d.date)} cells={[d.noShows, percent(d.rate)]} />
        )),
        footer: <NumbersRow head={t('dashboard.total')} cells={[total, percent(rate)]} />,
      })}
    />
  );
}

export function CoursesPanel({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { days, total } = data.coursesCompleted;
  return (
    <ChartPanel
      testId="courses-panel"
      title={t('dashboard.courses.title')}
      summary={t('dashboard.courses.summary', { count: total, total: format.number(total) })}
      chart={
        <DailyBarChart
          data={days}
          series={[{ key: 'courses', label: t('dashboard.courses.count'), color: '#0b7285' }]}
          formatDay={format.date}
        />
      }
      numbers={() => ({
        columns: [t('dashboard.date'), t('dashboard.courses.count')],
        rows: days.map((d) => <NumbersRow key={d.date} head={format.date(d.date)} cells={[d.courses]} />),
        footer: <NumbersRow head={t('dashboard.total')} cells={[total]} />,
      })}
    />
  );
}

/** One panel per currency received, the clinic's main one first. */
export function TakingsPanels({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const label = (key: (typeof methods)[number]['key']) => t(`dashboard.takings.${key}`);
  const { currencies } = data.takings;
  if (currencies.length === 0)
    return (
      <ChartPanel
        testId="takings-panel"
        title={t('dashboard.takings.title')}
        summary={t('dashboard.takings.none')}
        chart={null}
        numbers={() => ({ columns: [t('dashboard.date'), t('dashboard.total')], rows: [] })}
      />
    );
  return currencies.map((series) => {
    const amount = (minor: number) => money(minor, series.currency);
    const title =
      currencies.length > 1 ? `${t('dashboard.takings.title')} (${series.currency})` : t('dashboard.takings.title');
    return (
      <ChartPanel
        key={series.currency}
        testId={`takings-panel-${series.currency}`}
        title={title}
        summary={t('dashboard.takings.summary', {
          total: amount(series.totalMinor),
          payments: format.number(series.payments),
        })}
        chart={
          <DailyBarChart
            data={series.days}
            series={methods.map((m) => ({ ...m, label: label(m.key) }))}
            formatDay={format.date}
            formatValue={amount}
          />
        }
        numbers={() => ({
          columns: [t('dashboard.date'), ...methods.map((m) => label(m.key)), t('dashboard.total')],
          rows: series.days.map((d) => (
            <NumbersRow
              key={d.date}
              head={format.date(d.date)}
              cells={[...methods.map((m) => amount(d[m.key])), amount(d.totalMinor)]}
            />
          )),
          footer: (
            <NumbersRow
              head={t('dashboard.total')}
              cells={[...methods.map((m) => amount(series.byMethod[m.key])), amount(series.totalMinor)]}
            />
          ),
        })}
      />
    );
  });
}

export function UtilisationPanel({ rows, kind }: { rows: Utilisation[]; kind: 'practitioners' | 'rooms' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const hours = (minutes: number) => format.number(minutes / 60, { maximumFractionDigits: 1 });
  const name = (r: Utilisation) => (r.location ? `${r.name} (${r.location})` : r.name);
  const booked = rows.reduce((sum, r) => sum + r.bookedMinutes, 0);
  const available = rows.reduce((sum, r) => sum + r.availableMinutes, 0);
  return (
    <ChartPanel
      testId={`utilisation-${kind}-panel`}
      title={t(`dashboard.utilisation.${kind}`)}
      summary={
        available > 0
          ? t('dashboard.utilisation.summary', {
              share: percent(booked / available),
              booked: hours(booked),
              available: hours(available),
            })
          : t('dashboard.utilisation.summaryNone')
      }
      help={t('dashboard.utilisation.help')}
      chart={
        <CategoryBarChart
          data={rows.map((r) => ({ name: name(r), value: r.utilisation ?? 0 }))}
          label={t('dashboard.utilisation.share')}
          color="#1864ab"
          formatValue={(v) => percent(v)}
          domain={[0, Math.max(1, ...rows.map((r) => r.utilisation ?? 0))]}
        />
      }
      numbers={() => ({
        columns: [
          t('dashboard.utilisation.name'),
          t('dashboard.utilisation.sessions'),
          t('dashboard.utilisation.booked'),
          t('dashboard.utilisation.available'),
          t('dashboard.utilisation.share'),
        ],
        rows: rows.map((r) => (
          <NumbersRow
            key={r.id}
            head={name(r)}
            cells={[
              r.sessions,
              hours(r.bookedMinutes),
              hours(r.availableMinutes),
              r.utilisation === null ? t('dashboard.utilisation.noHours') : percent(r.utilisation),
            ]}
          />
        )),
      })}
    />
  );
}

export function SideEffectsPanel({ sideEffects }: { sideEffects: NonNullable<DashboardData['sideEffects']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = (l: string) => t(`dashboard.sideEffects.levels.${l as 'urgent'}`);
  return (
    <ChartPanel
      testId="side-effects-panel"
      title={t('dashboard.sideEffects.title')}
      summary={t('dashboard.sideEffects.summary', {
        count: sideEffects.reports,
        reports: format.number(sideEffects.reports),
        open: format.number(sideEffects.open),
      })}
      chart={
        <CategoryBarChart
          data={sideEffects.levels.map((l) => ({ name: level(l.level), value: l.open }))}
          label={t('dashboard.sideEffects.open')}
          color="#c92a2a"
          formatValue={(v) => format.number(v)}
          wholeNumbers
        />
      }
      numbers={() => ({
        columns: [
          t('dashboard.sideEffects.level'),
          t('dashboard.sideEffects.reports'),
          t('dashboard.sideEffects.open'),
        ],
        rows: sideEffects.levels.map((l) => (
          <NumbersRow key={l.level} head={level(l.level)} cells={[l.reports, l.open]} />
        )),
        footer: (
          <Table.Tr>
            <Table.Th scope="row">{t('dashboard.total')}</Table.Th>
            <Table.Td>{sideEffects.reports}</Table.Td>
            <Table.Td>{sideEffects.open}</Table.Td>
          </Table.Tr>
        ),
      })}
    />
  );
}
