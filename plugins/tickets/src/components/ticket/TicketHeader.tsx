import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import type { Ticket } from '@internal/plugin-tickets-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { awaitedPartText, formatInstant } from '../../format';
import { ticketsTranslationRef } from '../../translation';
import { LevelChip, StatusChip } from '../shared/labels';

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  description: { whiteSpace: 'pre-wrap', marginTop: theme.spacing(2) },
}));

/**
 * A person or group links to its catalog page; a ticket another plugin filed
 * (its service subject, e.g. `plugin:inspections`) names that plugin instead
 * of linking to a catalog page that does not exist.
 */
function Actor(props: { actorRef: string }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const { actorRef } = props;
  if (/^(user|group):/.test(actorRef)) {
    return <EntityRefLink entityRef={actorRef} hideIcon />;
  }
  const name = actorRef.replace(/^plugin:/, '');
  return (
    <span data-testid="actor-plugin">
      {name === 'inspections'
        ? t('ticket.byInspections')
        : t('ticket.byPortal', { name })}
    </span>
  );
}

/** Number, type, level and status, then who and what it is about. */
export function TicketHeader(props: { ticket: Ticket }) {
  const { ticket } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();

  const facts: Record<string, ReactNode> = {
    [t('ticket.reporter')]: <Actor actorRef={ticket.reporter} />,
  };
  if (ticket.createdBy !== ticket.reporter) {
    facts[t('ticket.createdBy')] = <Actor actorRef={ticket.createdBy} />;
  }
  facts[t('ticket.assignee')] = ticket.assignee ? (
    <EntityRefLink entityRef={ticket.assignee} hideIcon />
  ) : (
    t('queue.unassigned')
  );
  if (ticket.group) {
    facts[t('ticket.group')] = (
      <EntityRefLink entityRef={ticket.group} hideIcon />
    );
  }
  facts[t('ticket.entities')] = (
    <EntityRefLinks entityRefs={[...ticket.entityRefs]} hideIcons />
  );
  facts[t('ticket.channel')] = t(`channel.${ticket.channel}`);
  if (ticket.category)
    facts[t('ticket.category')] = t(`category.${ticket.category}`);
  facts[t('ticket.priority')] = t('ticket.priorityValue', {
    urgency: t(`urgency.${ticket.urgency}`),
    impact: t(`impact.${ticket.impact}`),
  });
  if (ticket.pauseReason)
    facts[t('ticket.pauseReason')] = t(`pauseReason.${ticket.pauseReason}`);
  if (ticket.awaitedPart) {
    facts[t('ticket.awaitedPart')] = (
      <span data-testid="ticket-awaited-part">
        {awaitedPartText(ticket.awaitedPart, t)}
      </span>
    );
  }
  facts[t('ticket.created')] = formatInstant(ticket.createdAt);
  facts[t('ticket.updated')] = formatInstant(ticket.updatedAt);
  if (ticket.resolvedAt)
    facts[t('ticket.resolved')] = formatInstant(ticket.resolvedAt);
  if (ticket.closedAt)
    facts[t('ticket.closed')] = formatInstant(ticket.closedAt);
  if (ticket.satisfaction !== undefined) {
    facts[t('ticket.satisfaction')] = t('ticket.satisfactionValue', {
      satisfaction: String(ticket.satisfaction),
    });
  }

  return (
    <InfoCard>
      <div data-testid="ticket-header">
        <div className={classes.title}>
          <Typography variant="h5" component="h1" data-testid="ticket-number">
            {ticket.number}
          </Typography>
          <Chip
            size="small"
            label={t(`type.${ticket.type}`)}
            data-type={ticket.type}
          />
          <LevelChip level={ticket.level} testId="ticket-level" />
          <StatusChip status={ticket.status} testId="ticket-status" />
        </div>
        <Typography variant="h6" gutterBottom data-testid="ticket-heading">
          {ticket.title}
        </Typography>
        <StructuredMetadataTable metadata={facts} />
        <Typography variant="subtitle2" style={{ marginTop: 16 }}>
          {t('ticket.description')}
        </Typography>
        <Typography variant="body2" className={classes.description}>
          {ticket.description || t('ticket.noDescription')}
        </Typography>
      </div>
    </InfoCard>
  );
}
