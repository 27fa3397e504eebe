import { LoggerService } from '@backstage/backend-plugin-api';
import { Caller } from '@internal/plugin-court-node';
import { ratingOf } from '@internal/plugin-monitoring-common';
import {
  CreateTicketRequest,
  isActionAllowed,
} from '@internal/plugin-tickets-common';
import { TicketsService } from '@internal/plugin-tickets-node';
import { DateTime } from 'luxon';
import { MonitoringConfig } from '../config';
import { StoredAlert } from '../database/DatabaseMonitoringStore';

/** What the intake asks of the service desk, always as the delivering source. */
export interface IncidentDesk {
  /** Files an incident; the same `sourceRef` again gives the first ticket. */
  file(request: CreateTicketRequest, as: Caller): Promise<string>;
  /** An event on the ticket's history (cleared, firing again, flapping). */
  note(ticketNumber: string, body: string, as: Caller): Promise<void>;
  /** Links `child` under the storm's parent ticket. */
  link(parent: string, child: string, as: Caller): Promise<void>;
  /** Resolves it when its state allows; false when it does not (e.g. still new). */
  resolve(
    ticketNumber: string,
    resolution: string,
    as: Caller,
  ): Promise<boolean>;
  /** Whether the ticket is done with (resolved or closed). */
  isDone(ticketNumber: string, as: Caller): Promise<boolean>;
}

/** The desk through the tickets API, signed with the source's credentials. */
export function ticketsDesk(tickets: TicketsService): IncidentDesk {
  return {
    async file(request, as) {
      return (await tickets.as(as).createTicket(request)).number;
    },
    async note(ticketNumber, body, as) {
      await tickets.as(as).addComment(ticketNumber, { body });
    },
    async link(parent, child, as) {
      await tickets.as(as).addLink(parent, {
        kind: 'ticket',
        target: child,
        relation: 'related',
      });
    },
    async resolve(ticketNumber, resolution, as) {
      const api = tickets.as(as);
      const { ticket } = await api.getTicket(ticketNumber);
      if (!isActionAllowed(ticket.type, ticket.status, 'resolve')) return false;
      await api.act(ticketNumber, {
        action: 'resolve',
        version: ticket.version,
        resolution,
      });
      return true;
    },
    async isDone(ticketNumber, as) {
      const { ticket } = await tickets.as(as).getTicket(ticketNumber);
      return ticket.status === 'resolved' || ticket.status === 'closed';
    },
  };
}

/** An instant as the desk reads it, in the court's zone. */
export function localTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** The incident an alert files: one per fingerprint and episode (its sourceRef). */
export function incidentRequest(
  alert: StoredAlert,
  link: string | undefined,
  config: MonitoringConfig,
): CreateTicketRequest {
  const rating = ratingOf(alert.severity, config.severities);
  return {
    type: 'incident',
    channel: 'monitoring',
    title: `告警 Alert: ${alert.title}`.slice(0, 200),
    description: [
      `监控告警 Monitoring alert (${alert.source})`,
      `告警 Alert: ${alert.title}`,
      ...(alert.description ? [`说明 Description: ${alert.description}`] : []),
      `严重程度 Severity: ${alert.severity}`,
      ...(alert.host || alert.ip
        ? [`主机 Host: ${[alert.host, alert.ip].filter(Boolean).join(' / ')}`]
        : []),
      `首次 First seen: ${localTime(alert.firstSeen, config.zone)}`,
      `指纹 Fingerprint: ${alert.fingerprint}`,
      ...(link ? [`来源 Link: ${link}`] : []),
    ]
      .join('\n')
      .slice(0, 4000),
    urgency: rating.urgency,
    impact: rating.impact,
    entityRefs: [alert.entityRef!],
    // One ticket per fingerprint and episode, however often it is delivered or retried.
    sourceRef: `monitoring:${alert.fingerprint}:${alert.episode}`.slice(0, 255),
  };
}

/** The "alert cleared" event on its ticket, and the resolution when the source asks for it. */
export async function noteCleared(
  deps: { desk: IncidentDesk; config: MonitoringConfig; logger: LoggerService },
  cleared: StoredAlert,
  ticket: string,
  as: Caller,
): Promise<void> {
  const { desk, config } = deps;
  const local = (instant: string) => localTime(instant, config.zone);
  const summary = `告警已清除 Alert cleared: ${cleared.title}（${local(
    cleared.clearedAt!,
  )}；共 ${cleared.occurrences} 次 occurrences，首次 first ${local(
    cleared.firstSeen,
  )}，末次 last ${local(cleared.lastSeen)}）`;
  await desk.note(ticket, summary, as);
  if (config.sources[cleared.source].autoResolve && cleared.ticketNumber) {
    if (!(await desk.resolve(cleared.ticketNumber, summary, as))) {
      deps.logger.info(
        `${cleared.ticketNumber}: alert cleared, not resolved automatically in its state`,
      );
    }
  }
}
