import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  BoardColour,
  SystemState,
} from '@internal/plugin-monitoring-common';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { monitoringTranslationRef } from '../translation';
import { IncidentLink } from './AlertTable';

// Colours a wall reads from across the duty room, with white text on each.
const BACKGROUND: Record<BoardColour, string> = {
  green: '#2e7d32',
  amber: '#ef8f00',
  red: '#c62828',
};

/** One tile per system, worst first; `wall` for the big type of the duty room's screen. */
export function StatusBoard(props: {
  tiles: readonly SystemState[];
  titles: ReadonlyMap<string, string>;
  wall?: boolean;
}) {
  const { t } = useTranslationRef(monitoringTranslationRef);
  const { wall } = props;
  if (props.tiles.length === 0) {
    return <Typography>{t('board.noSystems')}</Typography>;
  }
  return (
    <Grid container spacing={wall ? 3 : 2} data-testid="monitoring-board">
      {props.tiles.map(tile => (
        <Grid item xs={12} sm={6} md={wall ? 4 : 3} key={tile.systemRef}>
          <Paper
            data-testid={`monitoring-tile-${tile.systemRef}`}
            data-colour={tile.colour}
            style={{
              background: BACKGROUND[tile.colour],
              color: '#fff',
              padding: wall ? 24 : 16,
              minHeight: wall ? 180 : 110,
            }}
          >
            <Typography
              variant={wall ? 'h3' : 'h6'}
              style={{ color: 'inherit', fontWeight: 700 }}
            >
              {props.titles.get(tile.systemRef) ?? tile.systemRef}
            </Typography>
            <Typography
              variant={wall ? 'h4' : 'subtitle1'}
              style={{ color: 'inherit' }}
            >
              {t(`colour.${tile.colour}`)} ·{' '}
              {tile.openAlerts.length === 0
                ? t('board.noAlerts')
                : t('board.openAlerts', {
                    count: tile.openAlerts.length,
                  })}
            </Typography>
            {tile.openAlerts.slice(0, wall ? 3 : 5).map(alert => (
              <Typography
                key={alert.fingerprint}
                variant={wall ? 'h5' : 'body2'}
                style={{ color: 'inherit' }}
                noWrap
              >
                {t(`severity.${alert.severity}`)} · {alert.title}
                {!wall && alert.ticketNumber && (
                  <>
                    {' · '}
                    <span style={{ color: 'inherit' }}>
                      <IncidentLink ticketNumber={alert.ticketNumber} />
                    </span>
                  </>
                )}
              </Typography>
            ))}
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
}
