import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface OutcomePoint {
  label: string;
  patient: number | null;
  practitioner: number | null;
}

/**
 * Ratings per session as two lines. Loaded on its own (recharts is large), and always shown with
 * a table of the same numbers, which is what screen readers use.
 */
export function OutcomeChart({
  points,
  patientLabel,
  practitionerLabel,
}: {
  points: OutcomePoint[];
  patientLabel: string;
  practitionerLabel: string;
}) {
  return (
    <div aria-hidden style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dee2e6" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#343a40' }} />
          <YAxis domain={[1, 10]} ticks={[1, 4, 7, 10]} tick={{ fontSize: 12, fill: '#343a40' }} width={32} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="patient"
            name={patientLabel}
            stroke="#0b7285"
            strokeWidth={2}
            connectNulls
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="practitioner"
            name={practitionerLabel}
            stroke="#c92a2a"
            strokeWidth={2}
            strokeDasharray="5 3"
            connectNulls
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
