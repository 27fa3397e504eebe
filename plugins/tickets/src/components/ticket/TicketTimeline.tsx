import { InfoCard } from '@backstage/core-components';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import type { TicketEventRecord } from '@internal/plugin-tickets-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';
import { awaitedPartText, formatInstant } from '../../format';
import { ticketsTranslationRef } from '../../translation';

/** An event in words: a one-line summary, the people it names, and any free text. */
interface EventText {
  readonly summary: string;
  readonly refs?: readonly string[];
  readonly body?: string;
}

type Translate = TranslationFunction<typeof ticketsTranslationRef.T>;

export function describeEvent(
  event: TicketEventRecord,
  t: Translate,
): EventText {
  switch (event.type) {
    case 'created':
      if (event.risk) {
        return {
          summary: t(
            event.emergency
              ? 'timeline.events.changeCreatedEmergency'
              : 'timeline.events.changeCreated',
            { risk: t(`risk.${event.risk}`) },
          ),
        };
      }
      return {
        summary: t('timeline.events.created', {
          urgency: t(`urgency.${event.urgency}`),
          impact: t(`impact.${event.impact}`),
        }),
      };
    case 'submitted':
    case 'change-started':
    case 'succeeded':
    case 'failed':
    case 'rolled-back':
      return {
        summary: t(`timeline.events.${event.type}`),
        body: 'note' in event ? event.note : undefined,
      };
    case 'approved':
      return {
        summary: t(
          event.freezeException
            ? 'timeline.events.approvedException'
            : 'timeline.events.approved',
        ),
        body: event.comment,
      };
    case 'rejected':
      return { summary: t('timeline.events.rejected'), body: event.comment };
    case 'scheduled':
      return {
        summary: t(
          event.reapproval
            ? 'timeline.events.rescheduled'
            : 'timeline.events.scheduled',
          {
            start: formatInstant(event.window.start),
            end: formatInstant(event.window.end),
          },
        ),
      };
    case 'parameter-applied':
      return {
        summary: t('timeline.events.parameter-applied', {
          parameter: event.parameter,
          from: event.from,
          to: event.to,
        }),
        refs: [event.device],
      };
    case 'acknowledged':
    case 'arrived':
    case 'work-started':
    case 'resumed':
      return { summary: t(`timeline.events.${event.type}`) };
    case 'paused':
      return {
        summary: event.part
          ? t('timeline.events.pausedForPart', {
              reason: t(`pauseReason.${event.reason}`),
              part: awaitedPartText(event.part, t),
            })
          : t('timeline.events.paused', {
              reason: t(`pauseReason.${event.reason}`),
            }),
        body: event.note,
      };
    case 'priority-changed':
      return {
        summary: t('timeline.events.priority-changed', {
          level: t(`level.${event.level}`),
          urgency: t(`urgency.${event.urgency}`),
          impact: t(`impact.${event.impact}`),
        }),
        body: event.reason,
      };
    case 'resolved':
      return {
        summary: t('timeline.events.resolved'),
        body: [event.resolution, event.knowledgeArticle]
          .filter(Boolean)
          .join('\n'),
      };
    case 'reopened':
      return { summary: t('timeline.events.reopened'), body: event.reason };
    case 'closed':
      return { summary: t('timeline.events.closed'), body: event.note };
    case 'assigned': {
      const refs = [event.assignee, event.group].filter((ref): ref is string =>
        Boolean(ref),
      );
      return refs.length
        ? { summary: t('timeline.events.assigned'), refs }
        : { summary: t('timeline.events.unassigned') };
    }
    case 'edited':
      return {
        summary: t('timeline.events.edited', {
          fields: Object.keys(event.changes).join(', '),
        }),
        body: event.reason,
      };
    case 'commented':
      return { summary: t('timeline.events.commented'), body: event.body };
    case 'work-logged':
      return {
        summary: t('timeline.events.work-logged', {
          minutes: String(event.minutes),
          date: event.workDate,
        }),
        refs: [event.engineer],
        body: event.note,
      };
    case 'called-back':
      return {
        summary:
          event.satisfaction === undefined
            ? t('timeline.events.called-back', {
                outcome: t(`outcome.${event.outcome}`),
              })
            : t('timeline.events.called-back-satisfaction', {
                outcome: t(`outcome.${event.outcome}`),
                satisfaction: String(event.satisfaction),
              }),
        body: event.note,
      };
    case 'linked':
      return {
        summary: t('timeline.events.linked', {
          kind: t(`linkKind.${event.kind}`),
          target: event.target,
          relation: t(`linkRelation.${event.relation}`),
        }),
      };
    case 'unlinked':
      return {
        summary: t('timeline.events.unlinked', {
          kind: t(`linkKind.${event.kind}`),
          target: event.target,
        }),
      };
    default:
      // An event a newer backend records that this page does not know yet.
      return { summary: (event as { type: string }).type };
  }
}

const useStyles = makeStyles(theme => ({
  body: { whiteSpace: 'pre-wrap', color: theme.palette.text.primary },
  meta: { marginRight: theme.spacing(1) },
}));

/** One event: when (court time), who, what. */
export function EventLine(props: { event: TicketEventRecord }) {
  const { event } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const text = describeEvent(event, t);
  return (
    <ListItem
      alignItems="flex-start"
      divider
      data-testid={`event-${event.seq}`}
      data-event={event.type}
    >
      <ListItemText
        primary={
          <>
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              className={classes.meta}
            >
              {formatInstant(event.at)}
            </Typography>
            <Typography
              component="span"
              variant="body2"
              className={classes.meta}
            >
              <EntityDisplayName entityRef={event.actor} hideIcon />
            </Typography>
            <Typography component="span" variant="body2">
              {text.summary}
              {text.refs?.map(ref => (
                <Fragment key={ref}>
                  {' '}
                  <EntityDisplayName entityRef={ref} hideIcon />
                </Fragment>
              ))}
            </Typography>
          </>
        }
        secondary={text.body}
        secondaryTypographyProps={{ className: classes.body }}
      />
    </ListItem>
  );
}

/** The ticket's whole history, oldest first, as the log recorded it. */
export function TicketTimeline(props: {
  events: readonly TicketEventRecord[];
}) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const events = [...props.events].sort((a, b) => a.seq - b.seq);
  return (
    <InfoCard title={t('timeline.title')}>
      <List dense data-testid="ticket-timeline">
        {events.length === 0 ? (
          <ListItem>
            <ListItemText secondary={t('timeline.empty')} />
          </ListItem>
        ) : (
          events.map(event => <EventLine key={event.seq} event={event} />)
        )}
      </List>
    </InfoCard>
  );
}
