import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import {
  windowsOverlap,
  type Change,
  type ChangeWindow,
  type FreezePeriod,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ticketsApiRef } from '../../api';
import { useChangeList } from '../../hooks/useTicketList';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
    gap: 1,
    backgroundColor: theme.palette.divider,
    border: `1px solid ${theme.palette.divider}`,
  },
  head: {
    backgroundColor: theme.palette.background.default,
    padding: theme.spacing(0.5),
    textAlign: 'center',
  },
  day: {
    backgroundColor: theme.palette.background.paper,
    minHeight: 96,
    padding: theme.spacing(0.5),
    overflow: 'hidden',
  },
  otherMonth: { opacity: 0.5 },
  frozen: {
    backgroundImage: `repeating-linear-gradient(45deg, transparent, transparent 6px, ${theme.palette.action.hover} 6px, ${theme.palette.action.hover} 12px)`,
  },
  freeze: { color: theme.palette.error.main, display: 'block' },
  entry: {
    display: 'block',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    fontSize: '0.75rem',
  },
}));

/** The days of the weeks that hold `month`, Monday first, in the court's zone. */
function daysOf(month: DateTime): DateTime[] {
  const first = month.startOf('week');
  const last = month.endOf('month').endOf('week');
  const days: DateTime[] = [];
  for (let day = first; day < last; day = day.plus({ days: 1 })) {
    days.push(day);
  }
  return days;
}

const dayWindow = (day: DateTime): ChangeWindow => ({
  start: day.toUTC().toISO()!,
  end: day.plus({ days: 1 }).toUTC().toISO()!,
});

/** 变更日历: a month of change windows and freeze periods. */
export function ChangeCalendar() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const api = useApi(ticketsApiRef);
  const links = useTicketLinks();
  const [month, setMonth] = useState(() =>
    DateTime.now().setZone(DEFAULT_ZONE).startOf('month'),
  );
  const days = useMemo(() => daysOf(month), [month]);
  const range = {
    start: dayWindow(days[0]).start,
    end: dayWindow(days[days.length - 1]).end,
  };
  const list = useChangeList({
    from: range.start,
    to: range.end,
    sort: 'window',
    limit: 200,
  });
  const freezes = useAsync(
    () => api.listFreezes({ after: range.start }),
    [api, range.start],
  );

  const on = <T,>(
    day: DateTime,
    items: readonly T[],
    windowOf: (item: T) => ChangeWindow,
  ) => items.filter(item => windowsOverlap(windowOf(item), dayWindow(day)));

  return (
    <div data-testid="change-calendar">
      <div className={classes.bar}>
        <Button onClick={() => setMonth(m => m.minus({ months: 1 }))}>
          {t('changeCalendar.previous')}
        </Button>
        <Typography variant="h6" data-testid="calendar-month">
          {month.toFormat('yyyy-MM')}
        </Typography>
        <Button onClick={() => setMonth(m => m.plus({ months: 1 }))}>
          {t('changeCalendar.next')}
        </Button>
        <Button
          onClick={() =>
            setMonth(DateTime.now().setZone(DEFAULT_ZONE).startOf('month'))
          }
        >
          {t('changeCalendar.thisMonth')}
        </Button>
      </div>
      {list.error && <ResponseErrorPanel error={list.error} />}
      {freezes.error && <ResponseErrorPanel error={freezes.error} />}
      {list.loading && list.items.length === 0 && <Progress />}
      <div className={classes.grid}>
        {(['1', '2', '3', '4', '5', '6', '7'] as const).map(weekday => (
          <div key={weekday} className={classes.head}>
            <Typography variant="caption">
              {t(`changeCalendar.weekdays.${weekday}`)}
            </Typography>
          </div>
        ))}
        {days.map(day => {
          const frozen = on(
            day,
            freezes.value ?? [],
            (f: FreezePeriod) => f.window,
          );
          const changes = on(day, list.items, (c: Change) => c.change.window);
          return (
            <div
              key={day.toISODate()}
              data-testid={`calendar-day-${day.toISODate()}`}
              className={[
                classes.day,
                day.month === month.month ? '' : classes.otherMonth,
                frozen.length > 0 ? classes.frozen : '',
              ].join(' ')}
            >
              <Typography variant="caption">{day.day}</Typography>
              {frozen.map(freeze => (
                <Typography
                  key={freeze.id}
                  variant="caption"
                  className={classes.freeze}
                >
                  {t('changeCalendar.freeze', { title: freeze.title })}
                </Typography>
              ))}
              {changes.map(change => (
                <Link
                  key={change.id}
                  to={links.ticket(change.number) ?? ''}
                  className={classes.entry}
                  data-testid={`calendar-change-${change.number}`}
                  title={`${change.number} ${change.title}`}
                >
                  {change.number.slice(-5)} {change.title}
                </Link>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
