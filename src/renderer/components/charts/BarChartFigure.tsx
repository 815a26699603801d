import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BarDatum {
  label: string;
  value: number;
}

interface BarChartFigureProps {
  title: string;
  /** One sentence on what the bars show, read by screen readers and shown under the chart. */
  description: string;
  data: readonly BarDatum[];
  valueLabel: string;
  /** Horizontal bars suit long labels such as product names. */
  layout?: 'columns' | 'rows';
  testId?: string;
}

/** A bar chart with its numbers also available as a list, so nothing is only in the picture. */
export function BarChartFigure({
  title,
  description,
  data,
  valueLabel,
  layout = 'columns',
  testId,
}: BarChartFigureProps) {
  const rows = layout === 'rows';
  const height = rows ? Math.max(160, data.length * 36 + 40) : 240;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted"> — {description}</span>
      </figcaption>
      {data.length === 0 ? (
        <p className="empty">Nothing to chart yet.</p>
      ) : (
        <div className="chart-area" aria-hidden="true" style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={[...data]}
              layout={rows ? 'vertical' : 'horizontal'}
              margin={{ top: 8, right: 16, bottom: 8, left: rows ? 8 : 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={rows} horizontal={!rows} />
              {rows ? (
                <>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis
                    type="category"
                    dataKey="label"
                    width={320}
                    tick={{ fontSize: 12 }}
                    tickFormatter={shorten}
                    interval={0}
                  />
                </>
              ) : (
                <>
                  <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} />
                </>
              )}
              <Tooltip formatter={(value) => [Number(value).toLocaleString('en-US'), valueLabel]} />
              <Bar dataKey="value" name={valueLabel} fill="#1f6f5c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="chart-numbers">
        <summary>Show the numbers</summary>
        <ul>
          {data.map((datum) => (
            <li key={datum.label}>
              {datum.label}: {datum.value.toLocaleString('en-US')} {valueLabel}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}

const LABEL_CHARS = 48;
const shorten = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);
