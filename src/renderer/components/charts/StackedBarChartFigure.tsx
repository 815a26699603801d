import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface StackedSeries {
  key: string;
  name: string;
  color: string;
}

interface StackedBarChartFigureProps {
  title: string;
  /** One sentence on what the bars show, read by screen readers and shown under the chart. */
  description: string;
  /** One row per bar: its label and a value for each series key. */
  data: readonly ({ label: string } & Record<string, number | string>)[];
  series: readonly StackedSeries[];
  valueLabel: string;
  testId?: string;
}

/** Columns stacked from several series (such as sends per channel per day), with the numbers also available as a list. */
export function StackedBarChartFigure({
  title,
  description,
  data,
  series,
  valueLabel,
  testId,
}: StackedBarChartFigureProps) {
  const total = (row: (typeof data)[number]) => series.reduce((sum, s) => sum + Number(row[s.key] ?? 0), 0);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted"> — {description}</span>
      </figcaption>
      {data.length === 0 || series.length === 0 ? (
        <p className="empty">Nothing to chart yet.</p>
      ) : (
        <div className="chart-area" aria-hidden="true" style={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={[...data]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(value, name) => [`${Number(value).toLocaleString('en-US')} ${valueLabel}`, name]} />
              <Legend />
              {series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  stackId="stack"
                  fill={s.color}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="chart-numbers">
        <summary>Show the numbers</summary>
        <ul>
          {data.map((row) => (
            <li key={row.label}>
              {row.label}: {total(row).toLocaleString('en-US')} {valueLabel}
              {series.length > 1 &&
                ` (${series.map((s) => `${s.name} ${Number(row[s.key] ?? 0).toLocaleString('en-US')}`).join(', ')})`}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
