import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CLOCK_NAMES,
  type ClockStatus,
  type Instant,
} from '@internal/plugin-sla-common';
import type { Ticket } from '@internal/plugin-tickets-common';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatInstant, useDurationFormat } from '../../format';
import { useNow } from '../../hooks/useNow';
import { ticketsTranslationRef } from '../../translation';
import { clockView, useBandStyles } from '../clocks/ClockCountdown';

const useStyles = makeStyles(theme => ({
  ok: { backgroundColor: theme.palette.success.main },
  warning: { backgroundColor: theme.palette.warning.main },
  danger: { backgroundColor: theme.palette.error.light },
  breached: { backgroundColor: theme.palette.error.dark },
  done: { backgroundColor: theme.palette.grey[500] },
  none: { backgroundColor: theme.palette.grey[300] },
  bar: { height: 8, borderRadius: 4, margin: theme.spacing(1, 0) },
  breach: { fontWeight: 600 },
}));

/** One clock: how much of its target is used, what is left or overrun, pauses and breach. */
function ClockGauge(props: { clock: ClockStatus; asOf: Instant; now: number }) {
  const { clock, asOf, now } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const format = useDurationFormat();
  const classes = useStyles();
  const bands = useBandStyles();
  const view = clockView(clock, asOf, now);
  const lines: string[] = [];

  if (clock.state === 'not-applicable') lines.push(t('clocks.notApplicable'));
  else if (clock.state === 'not-started') lines.push(t('clocks.notStarted'));
  else {
    lines.push(
      clock.targetMs === undefined
        ? t('clocks.noTarget')
        : t('clocks.target', { target: format.span(clock.targetMs) }),
    );
    const counting = clock.state === 'running' || clock.state === 'paused';
    const overrunning = clock.state === 'breached' && !clock.stoppedAt;
    if ((counting || overrunning) && view.remainingMs !== undefined) {
      lines.push(
        view.remainingMs >= 0
          ? t('clocks.remaining', { time: format.countdown(view.remainingMs) })
          : t('clocks.overrun', { time: format.countdown(-view.remainingMs) }),
      );
    }
    if (clock.state === 'running' && clock.dueAt) {
      lines.push(t('clocks.due', { at: formatInstant(clock.dueAt) }));
    }
    if (clock.pausedMs > 0) {
      lines.push(t('clocks.pausedFor', { time: format.span(clock.pausedMs) }));
    }
    if (clock.metAt)
      lines.push(t('clocks.metAt', { at: formatInstant(clock.metAt) }));
  }

  return (
    <div
      data-testid={`clock-${clock.clock}`}
      data-state={clock.state}
      data-band={view.band}
    >
      <Typography variant="subtitle2">
        {t(`clock.${clock.clock}`)} ·{' '}
        <span className={bands[view.band]}>
          {t(`clockState.${clock.state}`)}
        </span>
      </Typography>
      {view.percentConsumed !== undefined && (
        <LinearProgress
          variant="determinate"
          value={Math.min(100, view.percentConsumed)}
          className={classes.bar}
          classes={{ barColorPrimary: classes[view.band] }}
        />
      )}
      {lines.map(line => (
        <Typography key={line} variant="body2" color="textSecondary">
          {line}
        </Typography>
      ))}
      {clock.breachedAt && (
        <Typography
          variant="body2"
          color="error"
          className={classes.breach}
          data-testid={`clock-${clock.clock}-breach`}
        >
          {t('clocks.breachedAt', { at: formatInstant(clock.breachedAt) })}
        </Typography>
      )}
    </div>
  );
}

/** The response, arrival and resolution clocks, counting live. */
export function TicketClocks(props: { ticket: Ticket }) {
  const { ticket } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const now = useNow();
  const clocks = ticket.clocks;

  return (
    <InfoCard title={t('clocks.title')}>
      {clocks ? (
        <Grid container spacing={3}>
          {CLOCK_NAMES.map(name => (
            <Grid item xs={12} md={4} key={name}>
              <ClockGauge clock={clocks[name]} asOf={ticket.asOf} now={now} />
            </Grid>
          ))}
        </Grid>
      ) : (
        <Typography variant="body2" data-testid="clocks-none">
          {ticket.slaUnknownUntil === undefined
            ? t('clocks.noClocks')
            : t('clocks.unknownUntil', {
                year: String(ticket.slaUnknownUntil),
              })}
        </Typography>
      )}
    </InfoCard>
  );
}
