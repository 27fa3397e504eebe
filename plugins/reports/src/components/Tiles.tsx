import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  PeriodFigures,
  ReportSelection,
} from '@internal/plugin-reports-common';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { formatDelta, formatHours, formatPercent } from '../format';
import { reportsTranslationRef } from '../translation';

type TileKey =
  | 'services'
  | 'compliance'
  | 'breaches'
  | 'incidentResolution'
  | 'satisfaction'
  | 'changeSuccess'
  | 'workHours'
  | 'inspectionCoverage';

interface TileDefinition {
  readonly key: TileKey;
  /** The figure as a number, for the delta; undefined when it cannot be computed. */
  readonly value: (figures: PeriodFigures) => number | undefined;
  readonly format: (value: number) => string;
  /** A percentage's delta is in points. */
  readonly points?: boolean;
  readonly drill?: ReportSelection;
}

const count = (value: number) => String(value);
const percent = (value: number) => formatPercent(value)!;

/** The headline figures of RPT-1, in the order the court reads them. */
const TILES: readonly TileDefinition[] = [
  {
    key: 'services',
    value: f => f.tickets.services.total,
    format: count,
    drill: { figure: 'services' },
  },
  {
    key: 'compliance',
    value: f => f.tickets.compliance.total.percent,
    format: percent,
    points: true,
    drill: { figure: 'compliance', outcome: 'met' },
  },
  {
    key: 'breaches',
    value: f => f.tickets.compliance.total.breached,
    format: count,
    drill: { figure: 'compliance', outcome: 'breached' },
  },
  {
    key: 'incidentResolution',
    value: f => f.tickets.rates.incidentResolution.percent,
    format: percent,
    points: true,
    drill: { figure: 'services', type: 'incident' },
  },
  {
    key: 'satisfaction',
    value: f => f.tickets.satisfaction.mean,
    format: value => value.toFixed(2),
  },
  {
    key: 'changeSuccess',
    value: f => f.tickets.changes.successRate.percent,
    format: percent,
    points: true,
  },
  {
    key: 'workHours',
    value: f => f.tickets.workMinutes.total,
    format: formatHours,
    drill: { figure: 'work' },
  },
  {
    key: 'inspectionCoverage',
    value: f => f.inspections.deviceCoverage.percent,
    format: percent,
    points: true,
  },
];

/** Each headline figure beside the previous period's, with the change; a click drills down. */
export function Tiles(props: {
  current: PeriodFigures;
  previous: PeriodFigures;
  onDrill: (selection: ReportSelection, label: string) => void;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  return (
    <Grid container spacing={2}>
      {TILES.map(tile => {
        const label = t(`tile.${tile.key}`);
        const current = tile.value(props.current);
        const previous = tile.value(props.previous);
        // Work hours compare in hours, as shown, not in minutes.
        const scale = tile.key === 'workHours' ? 1 / 60 : 1;
        const delta = formatDelta(
          current === undefined ? undefined : current * scale,
          previous === undefined ? undefined : previous * scale,
        );
        let deltaText: string = delta ?? t('tile.none');
        if (delta !== undefined && tile.points) {
          deltaText = t('tile.points', { delta });
        }
        const content = (
          <CardContent>
            <Typography variant="body2" color="textSecondary">
              {label}
            </Typography>
            <Typography variant="h4" data-testid={`tile-${tile.key}-value`}>
              {current === undefined ? t('tile.none') : tile.format(current)}
            </Typography>
            <Typography
              variant="body2"
              color="textSecondary"
              data-testid={`tile-${tile.key}-previous`}
            >
              {t('tile.previous', {
                value:
                  previous === undefined
                    ? t('tile.none')
                    : tile.format(previous),
              })}
            </Typography>
            <Typography variant="body2" data-testid={`tile-${tile.key}-delta`}>
              {t('tile.delta', {
                delta: deltaText,
              })}
            </Typography>
          </CardContent>
        );
        const drill = tile.drill;
        return (
          <Grid item xs={6} sm={4} md={3} key={tile.key}>
            <Card data-testid={`tile-${tile.key}`}>
              {drill ? (
                <CardActionArea
                  title={t('tile.drill')}
                  data-testid={`tile-${tile.key}-drill`}
                  onClick={() => props.onDrill(drill, label)}
                >
                  {content}
                </CardActionArea>
              ) : (
                content
              )}
            </Card>
          </Grid>
        );
      })}
    </Grid>
  );
}
