import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The dashboard's charts. Loaded on their own (recharts is large) and hidden from screen readers:
 * every chart has its numbers as a table beside it, which is what assistive technology reads.
 */

export interface Series {
  key: string;
  label: string;
  color: string;
}

const axisTick = { fontSize: 12, fill: '#343a40' };

/** Bars per day, stacked when there are several series (sessions by status, takings by method). */
export function DailyBarChart({
  data,
  series,
  formatDay,
  formatValue,
}: {
  data: readonly Record<string, number | string | null>[];
  series: readonly Series[];
  formatDay: (date: string) => string;
  formatValue?: (value: number) => string;
}) {
  return (
    <div aria-hidden style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <BarChart data={[...data]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDay} tick={axisTick} minTickGap={16} />
          <YAxis
            allowDecimals={false}
            tick={axisTick}
            width={formatValue ? 72 : 40}
            {...(formatValue ? { tickFormatter: formatValue } : {})}
          />
          <Tooltip
            labelFormatter={(label) => formatDay(String(label))}
            {...(formatValue ? { formatter: (value) => formatValue(Number(value)) } : {})}
          />
          {series.length > 1 && <Legend />}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={series.length > 1 ? 'day' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One horizontal bar per row (utilisation per practitioner or room, reports per triage level). */
export function CategoryBarChart({
  data,
  label,
  color,
  formatValue,
  domain,
  wholeNumbers = false,
}: {
  data: readonly { name: string; value: number }[];
  /** Counts: ticks at whole numbers only. */
  wholeNumbers?: boolean;
  label: string;
  color: string;
  formatValue: (value: number) => string;
  domain?: [number, number];
}) {
  const height = Math.max(120, 36 * data.length + 48);
  return (
    <div aria-hidden style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <BarChart
          data={[...data]}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" horizontal={false} />
          <XAxis
            type="number"
            tick={axisTick}
            tickFormatter={formatValue}
            allowDecimals={!wholeNumbers}
            {...(domain ? { domain } : {})}
          />
          <YAxis type="category" dataKey="name" tick={axisTick} width={140} />
          <Tooltip formatter={(value) => formatValue(Number(value))} />
          <Bar dataKey="value" name={label} fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
