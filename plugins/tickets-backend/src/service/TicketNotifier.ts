import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import { StoredTicket } from '../database/rows';

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

  async created(ticket: StoredTicket) {
    await this.send(ticket, this.options.newTicketRecipients, {
      title: `${ticket.number} ${ticket.level} ${ticket.title}`,
      description: ticket.description.slice(0, 300),
      severity: SEVERITY[ticket.level],
      topic: 'ticket-created',
      scope: `ticket:${ticket.id}:created`,
    });
  }

  async assigned(ticket: StoredTicket) {
    if (!ticket.assignee) return;
    await this.send(ticket, [ticket.assignee], {
      title: `${ticket.number} ${ticket.level} ${ticket.title}`,
      description: ticket.description.slice(0, 300),
      severity: SEVERITY[ticket.level],
      topic: 'ticket-assigned',
      scope: `ticket:${ticket.id}:assigned`,
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

  private async send(
    ticket: StoredTicket,
    recipients: readonly string[],
    payload: {
      title: string;
      description: string;
      severity: 'critical' | 'high' | 'normal' | 'low';
      topic: string;
      scope: string;
    },
  ) {
    const entityRef = [...new Set(recipients)];
    if (entityRef.length === 0) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef },
        payload: {
          ...payload,
          link:
            ticket.type === 'change'
              ? `/changes/${ticket.number}`
              : `/tickets/${ticket.number}`,
        },
      });
    } catch (error) {
      // A lost notification must not undo the ticket change it reports.
      this.logger.error(`notification for ${ticket.number} failed: ${error}`);
    }
  }
}
