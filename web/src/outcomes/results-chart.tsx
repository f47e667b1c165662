import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ResultBar {
  label: string;
  /** Share improved, in percent. */
  share: number;
}

/**
 * The share of courses improved on each measure of a group, as bars. Loaded on its own (recharts is
 * large) and always shown above the table it is drawn from, which is what screen readers use.
 */
export function ResultsChart({ bars, valueLabel }: { bars: ResultBar[]; valueLabel: string }) {
  return (
    <div aria-hidden style={{ width: '100%', height: 60 + bars.length * 36 }} data-testid="results-chart">
      <ResponsiveContainer>
        <BarChart
          data={bars}
          layout="vertical"
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
          <XAxis type="number" domain={[0, 100]} tick={{ fontSize: 12, fill: '#343a40' }} />
          <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 12, fill: '#343a40' }} />
          <Tooltip />
          <Bar dataKey="share" name={valueLabel} fill="#0b7285" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
