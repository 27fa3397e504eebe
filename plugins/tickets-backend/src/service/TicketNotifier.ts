import { LoggerService } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { OutboxMessage } from '@internal/plugin-court-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import {
  TicketNotificationFacts,
  ticketNotificationFactsOf,
} from '@internal/plugin-tickets-common';
import { SlaProjection, StoredTicket } from '../database/rows';
import { announcementIdPrefix } from '../database/numbering';

/** Signal channel on which every ticket change is announced to open pages. */
export const TICKETS_SIGNAL_CHANNEL = 'tickets';

/** The message on the `tickets` channel: enough to refetch, nothing private. */
export type TicketSignal = {
  ticketId: string;
  version: number;
};

/** An SLA warning (a share of the target used) or a breach of one clock. */
export interface SlaAlert {
  readonly clock: ClockName;
  /** e.g. 0.75; absent for a breach. */
  readonly threshold?: number;
  readonly at: string;
}

export interface NotifierOptions {
  /** Told of every new ticket, e.g. the on-site team's group. */
  readonly newTicketRecipients: readonly string[];
  /** Told of every SLA warning and breach besides assignee and group. */
  readonly serviceManagers: readonly string[];
  /** Told of every change awaiting approval (the court IT office). */
  readonly changeApprovers: readonly string[];
  /**
   * Who else is told of an SLA warning or breach now (SLA-3): outside on-site hours the engineer
   * on phone duty and the ops managers; nobody in on-site hours or without a duty roster.
   */
  readonly onCallNow?: () => Promise<readonly string[]>;
}

/**
 * What a new ticket announces, kept in the tickets outbox until delivered: the signal to open
 * pages, or a notification. Delivered at least once, so each has the effect of once: a signal
 * only makes pages refetch, and a notification carries a scope, under which the notifications
 * backend keeps one per recipient however often it is sent.
 */
export type TicketAnnouncement =
  | { kind: 'signal'; message: TicketSignal }
  | { kind: 'notification'; send: NotificationSendOptions };

const SEVERITY: Record<PriorityLevel, 'critical' | 'high' | 'normal' | 'low'> =
  { L1: 'critical', L2: 'high', L3: 'normal', L4: 'low' };

/**
 * Tells people and pages about tickets: Backstage notifications for new
 * tickets and SLA alerts, signals so open pages refresh live.
 */
export class TicketNotifier {
  constructor(
    private readonly notifications: NotificationService,
    private readonly signals: SignalsService,
    private readonly options: NotifierOptions,
    private readonly logger: LoggerService,
  ) {}

  updated(ticket: Pick<StoredTicket, 'id' | 'version'>) {
    this.signals
      .publish<TicketSignal>({
        recipients: { type: 'broadcast' },
        channel: TICKETS_SIGNAL_CHANNEL,
        message: { ticketId: ticket.id, version: ticket.version },
      })
      .catch(error => this.logger.warn(`signal failed: ${error}`));
  }

  /**
   * What filing `ticket` announces, for the outbox in the filing's transaction: the signal, the
   * new-ticket notification and, when it was routed to someone, theirs. Ids are per ticket and
   * version, so a retried filing queues nothing twice. `ticket` carries its provisional number,
   * which numbering replaces in these messages before they can be delivered.
   */
  announceCreated(
    ticket: StoredTicket,
    projection: SlaProjection,
  ): OutboxMessage<TicketAnnouncement>[] {
    const facts = notificationFactsOf(ticket, projection);
    const announce = (
      what: 'created' | 'assigned',
      recipients: readonly string[],
    ): OutboxMessage<TicketAnnouncement>[] => {
      const send = this.notification(
        ticket,
        recipients,
        {
          title: `${ticket.number} ${ticket.level} ${ticket.title}`,
          description: ticket.description.slice(0, 300),
          severity: SEVERITY[ticket.level],
          topic: `ticket-${what}`,
          scope: `ticket:${ticket.id}:${what}`,
        },
        facts,
      );
      return send
        ? [
            {
              id: `${announcementIdPrefix(ticket.id)}${what}`,
              payload: { kind: 'notification', send },
            },
          ]
        : [];
    };
    return [
      {
        id: `${announcementIdPrefix(ticket.id)}v${ticket.version}:signal`,
        payload: {
          kind: 'signal',
          message: { ticketId: ticket.id, version: ticket.version },
        },
      },
      ...announce('created', this.options.newTicketRecipients),
      ...announce('assigned', ticket.assignee ? [ticket.assignee] : []),
    ];
  }

  /** Delivers an announcement from the outbox; a failure is thrown, and the outbox tries again. */
  async deliver(announcement: TicketAnnouncement): Promise<void> {
    if (announcement.kind === 'signal') {
      await this.signals.publish<TicketSignal>({
        recipients: { type: 'broadcast' },
        channel: TICKETS_SIGNAL_CHANNEL,
        message: announcement.message,
      });
    } else {
      await this.notifications.send(announcement.send);
    }
  }

  /**
   * Filed on a major event's scope during it (重点保障): the plan's named engineers hear at once,
   * whatever the hour; paging's notifications module pages them (topic `major-event`).
   */
  async majorEvent(
    ticket: StoredTicket,
    raise: { reason: string; engineers: readonly string[] },
  ) {
    await this.send(ticket, raise.engineers, {
      title: `${raise.reason} ${ticket.number} ${ticket.level} ${ticket.title}`,
      description: ticket.description.slice(0, 300),
      severity: SEVERITY[ticket.level],
      topic: 'major-event',
      scope: `ticket:${ticket.id}:major-event`,
    });
  }

  /** A change was submitted (or an emergency change registered) for the court to approve. */
  async changeAwaitsApproval(change: StoredTicket) {
    await this.send(change, this.options.changeApprovers, {
      title: `待审批 ${change.number} ${change.title}`,
      description: change.description.slice(0, 300),
      severity: 'normal',
      topic: 'change-approval',
      scope: `change:${change.id}:approval`,
    });
  }

  /** The court approved or rejected a change: its filer and implementer hear. */
  async changeDecided(change: StoredTicket) {
    const decided = change.status === 'rejected' ? '已驳回' : '已批准';
    await this.send(
      change,
      [change.createdBy, ...(change.assignee ? [change.assignee] : [])],
      {
        title: `${decided} ${change.number} ${change.title}`,
        description: change.description.slice(0, 300),
        severity: 'normal',
        topic: 'change-decided',
        scope: `change:${change.id}:approval`,
      },
    );
  }

  /** To the assignee, the ticket's group, the service managers and, at night, who is on call. */
  async slaAlert(ticket: StoredTicket, alert: SlaAlert) {
    const what =
      alert.threshold === undefined
        ? `SLA breached: ${alert.clock}`
        : `SLA ${Math.round(alert.threshold * 100)}%: ${alert.clock}`;
    const recipients = [
      ...(ticket.assignee ? [ticket.assignee] : []),
      ...(ticket.group ? [ticket.group] : []),
      ...this.options.serviceManagers,
      ...((await this.options.onCallNow?.()) ?? []),
    ];
    await this.send(ticket, recipients, {
      title: `${what} · ${ticket.number} ${ticket.level} ${ticket.title}`,
      description: `${alert.clock} ${
        alert.threshold === undefined ? 'breached' : 'warning'
      } at ${alert.at}`,
      severity: alert.threshold === undefined ? 'critical' : 'high',
      topic: 'sla',
      // One notification per clock, updated as it goes from warning to breach.
      scope: `sla:${ticket.id}:${alert.clock}`,
    });
  }

  /**
   * The notification of `payload` about `ticket` to `recipients`; none without recipients. With
   * `facts`, it carries the ticket for the notification processors (paging reads it rather than
   * the ticket).
   */
  private notification(
    ticket: StoredTicket,
    recipients: readonly string[],
    payload: {
      title: string;
      description: string;
      severity: 'critical' | 'high' | 'normal' | 'low';
      topic: string;
      scope: string;
    },
    facts?: TicketNotificationFacts,
  ): NotificationSendOptions | undefined {
    const entityRef = [...new Set(recipients)];
    if (entityRef.length === 0) return undefined;
    return {
      recipients: { type: 'entity', entityRef },
      payload: {
        ...payload,
        link:
          ticket.type === 'change'
            ? `/changes/${ticket.number}`
            : `/tickets/${ticket.number}`,
        ...(facts ? { metadata: { ticket: facts } } : {}),
      },
    };
  }

  private async send(
    ticket: StoredTicket,
    recipients: readonly string[],
    payload: Parameters<TicketNotifier['notification']>[2],
  ) {
    const notification = this.notification(ticket, recipients, payload);
    if (!notification) return;
    try {
      await this.notifications.send(notification);
    } catch (error) {
      // A lost notification must not undo the ticket change it reports.
      this.logger.error(`notification for ${ticket.number} failed: ${error}`);
    }
  }
}

/** The ticket as a notification carries it, its clocks' due instants from the projection written with it. */
function notificationFactsOf(
  ticket: StoredTicket,
  projection: SlaProjection,
): TicketNotificationFacts {
  const clockOf = (name: ClockName) =>
    projection.clocks.find(c => c.clock === name);
  return ticketNotificationFactsOf({
    ...ticket,
    clocks: {
      response: clockOf('response'),
      arrival: clockOf('arrival'),
      resolution: clockOf('resolution'),
    },
  });
}
