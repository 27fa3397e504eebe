import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

export interface Bar {
  readonly key: string;
  readonly label: ReactNode;
  readonly value: number;
  /** What the bar says at its end, e.g. "92.5%" or "12.0". */
  readonly text: string;
}

const ROW = 26;
const LABEL = 150;
const WIDTH = 520;

/**
 * Horizontal bars drawn as plain SVG: prints sharp, needs no chart library, and reads in any
 * language because the labels are the page's own.
 */
export function BarChart(props: {
  title: string;
  bars: readonly Bar[];
  empty: string;
  /** The value of a full bar; the largest bar's value by default. */
  max?: number;
  testId: string;
}) {
  const theme = useTheme();
  const max = props.max ?? Math.max(0, ...props.bars.map(b => b.value));
  const barSpace = WIDTH - LABEL - 60;
  return (
    <div data-testid={props.testId}>
      <Typography variant="subtitle1">{props.title}</Typography>
      {props.bars.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <svg
          role="img"
          aria-label={props.title}
          width="100%"
          viewBox={`0 0 ${WIDTH} ${props.bars.length * ROW}`}
          style={{ maxWidth: WIDTH }}
        >
          {props.bars.map((bar, i) => {
            const length = max > 0 ? (bar.value / max) * barSpace : 0;
            const y = i * ROW;
            return (
              <g key={bar.key} data-testid={`${props.testId}-${bar.key}`}>
                <text
                  x={LABEL - 8}
                  y={y + ROW / 2 + 4}
                  textAnchor="end"
                  fontSize={12}
                  fill={theme.palette.text.primary}
                >
                  {bar.label}
                </text>
                <rect
                  x={LABEL}
                  y={y + 4}
                  width={Math.max(length, 1)}
                  height={ROW - 8}
                  fill={theme.palette.primary.main}
                />
                <text
                  x={LABEL + length + 6}
                  y={y + ROW / 2 + 4}
                  fontSize={12}
                  fill={theme.palette.text.secondary}
                >
                  {bar.text}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
