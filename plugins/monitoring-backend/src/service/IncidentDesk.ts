import { LoggerService } from '@backstage/backend-plugin-api';
import { Caller, CourtClock } from '@internal/plugin-court-node';
import { ratingOf } from '@internal/plugin-monitoring-common';
import {
  CreateTicketRequest,
  isActionAllowed,
} from '@internal/plugin-tickets-common';
import { TicketsService } from '@internal/plugin-tickets-node';
import { DateTime } from 'luxon';
import { MonitoringConfig } from '../config';
import {
  DatabaseMonitoringStore,
  PendingNote,
  StoredAlert,
} from '../database/DatabaseMonitoringStore';

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

/** The "alert cleared" event, as the clearing finds the alert. */
export function clearedNote(cleared: StoredAlert, zone: string): string {
  const local = (instant: string) => localTime(instant, zone);
  return `告警已清除 Alert cleared: ${cleared.title}（${local(
    cleared.clearedAt!,
  )}；共 ${cleared.occurrences} 次 occurrences，首次 first ${local(
    cleared.firstSeen,
  )}，末次 last ${local(cleared.lastSeen)}）`;
}

/**
 * Writes an alert's pending events (or a storm's members') on `ticket`, each
 * exactly once: both a delivery (after recording the event) and the filer
 * (after storing the ticket) call this, and each event is claimed before it
 * is written; one that fails is released for the next caller. A clearing
 * resolves the alert's own ticket when its source asks for it and the alert
 * is still cleared.
 */
export async function writeNotes(
  deps: {
    store: DatabaseMonitoringStore;
    desk: IncidentDesk;
    config: MonitoringConfig;
    clock: CourtClock;
    logger: LoggerService;
  },
  of: Parameters<DatabaseMonitoringStore['pendingNotes']>[0],
  ticket: string,
  as: Caller,
): Promise<void> {
  const { store, desk, config } = deps;
  let cleared: PendingNote | undefined;
  for (const note of await store.pendingNotes(of)) {
    if (!(await store.claimNote(note, deps.clock.now().toUTC().toISO()!))) {
      continue;
    }
    try {
      await desk.note(ticket, note.body, as);
    } catch (error) {
      await store.releaseNote(note);
      throw error;
    }
    if (note.kind === 'cleared') cleared = note;
  }
  if (!cleared) return;
  const alert = await store.get(cleared.fingerprint);
  if (
    alert &&
    config.sources[alert.source].autoResolve &&
    alert.ticketNumber === ticket &&
    alert.episode === cleared.episode &&
    alert.status === 'cleared' &&
    !(await desk.resolve(ticket, cleared.body, as))
  ) {
    deps.logger.info(
      `${ticket}: alert cleared, not resolved automatically in its state`,
    );
  }
}
