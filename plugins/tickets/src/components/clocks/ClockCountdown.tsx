import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ClockStatus, Instant } from '@internal/plugin-sla-common';
import {
  clockBand,
  liveClock,
  type ClockBand,
} from '@internal/plugin-tickets-common';
import { makeStyles } from '@material-ui/core/styles';
import { useDurationFormat } from '../../format';
import { useNow } from '../../hooks/useNow';
import { ticketsTranslationRef } from '../../translation';

/** A clock as a countdown shows it at `now`: its traffic-light band and what is left. */
export interface ClockView {
  readonly band: ClockBand;
  /** Negative once overrun; absent for a clock without a target. */
  readonly remainingMs?: number;
  readonly percentConsumed?: number;
}

export function clockView(
  clock: ClockStatus,
  asOf: Instant,
  now: number,
): ClockView {
  const live = liveClock(clock, asOf, now);
  // A breached clock that still counts keeps overrunning after the server's asOf.
  const remainingMs =
    clock.state === 'breached' && !clock.stoppedAt && clock.dueAt
      ? Date.parse(clock.dueAt) - now
      : live.remainingMs;
  return {
    band: clockBand(clock, live),
    remainingMs,
    percentConsumed: live.percentConsumed,
  };
}

/** The queue's traffic light: green, amber, orange, red; grey once decided. */
export const useBandStyles = makeStyles(theme => ({
  ok: { color: theme.palette.success.dark },
  warning: { color: theme.palette.warning.dark },
  danger: { color: theme.palette.error.main },
  breached: {
    color: theme.palette.error.contrastText,
    backgroundColor: theme.palette.error.main,
    borderRadius: 4,
    padding: theme.spacing(0, 0.5),
  },
  done: { color: theme.palette.text.secondary },
  none: { color: theme.palette.text.disabled },
}));

const useStyles = makeStyles({
  countdown: {
    fontVariantNumeric: 'tabular-nums',
    fontWeight: 500,
    whiteSpace: 'nowrap',
  },
});

/** One clock of a ticket as a live countdown, coloured by the share of its target used. */
export function ClockCountdown(props: { clock: ClockStatus; asOf: Instant }) {
  const { clock, asOf } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const format = useDurationFormat();
  const bands = useBandStyles();
  const classes = useStyles();
  const view = clockView(clock, asOf, useNow());

  let text: string;
  switch (clock.state) {
    case 'running':
    case 'breached':
      text =
        view.remainingMs === undefined
          ? t(`clockState.${clock.state}`)
          : format.countdown(view.remainingMs);
      break;
    case 'paused':
      text = t('countdown.paused');
      break;
    case 'met':
      text = t('countdown.met');
      break;
    default:
      text = t('countdown.none');
  }

  return (
    <span
      data-testid={`countdown-${clock.clock}`}
      data-band={view.band}
      data-state={clock.state}
      title={`${t(`clock.${clock.clock}`)}: ${t(`clockState.${clock.state}`)}`}
      className={`${classes.countdown} ${bands[view.band]}`}
    >
      {text}
    </span>
  );
}
