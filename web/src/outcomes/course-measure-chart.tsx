import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartLine {
  key: string;
  name: string;
}

/** One occasion (baseline or a session) with each line's value there. */
export type ChartRow = { label: string } & Record<string, number | string | null>;

const colours = ['#0b7285', '#c92a2a', '#5f3dc4', '#2b8a3e', '#e8590c', '#364fc7', '#862e9c'];
const dashes = [undefined, '5 3', '2 2', '8 4'];

/**
 * One measure over a course: a line per rater (and site), baseline first. The axis runs with better at
 * the top, whichever way the scale counts. Loaded on its own (recharts is large) and always shown with
 * a table of the same numbers, which is what screen readers use.
 */
export function CourseMeasureChart({
  rows,
  lines,
  domain,
  betterIsLower,
  ticks,
}: {
  rows: ChartRow[];
  lines: ChartLine[];
  domain: [number, number] | ['auto', 'auto'];
  betterIsLower: boolean;
  ticks?: number[];
}) {
  return (
    <div aria-hidden style={{ width: '100%', height: 240 }} data-testid="course-measure-chart">
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
          <XAxis dataKey="label" padding={{ left: 24, right: 24 }} tick={{ fontSize: 12, fill: '#343a40' }} />
          <YAxis
            domain={domain}
            ticks={ticks}
            reversed={betterIsLower}
            // Every level labelled: recharts would otherwise drop one at the edge.
            interval={0}
            allowDecimals
            tick={{ fontSize: 12, fill: '#343a40' }}
            width={40}
          />
          <Tooltip />
          <Legend />
          {lines.map((line, i) => (
            <Line
              key={line.key}
              type="monotone"
              dataKey={line.key}
              name={line.name}
              stroke={colours[i % colours.length]}
              strokeDasharray={dashes[i % dashes.length]}
              strokeWidth={2}
              connectNulls
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
