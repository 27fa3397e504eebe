import {
  AuthService,
  BackstageCredentials,
  coreServices,
  createBackendModule,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  NotificationProcessor,
  notificationsProcessingExtensionPoint,
} from '@backstage/plugin-notifications-node';
import { courtClockServiceRef, pluginFetch } from '@internal/plugin-court-node';
import { PageEvent } from '@internal/plugin-paging-common';
import {
  TicketNotificationFacts,
  ticketNotificationFactsOf,
  ticketNotificationFactsSchema,
} from '@internal/plugin-tickets-common';
import {
  ticketsServiceRef,
  TicketsService,
} from '@internal/plugin-tickets-node';

type NotificationSendOptions = Parameters<
  NonNullable<NotificationProcessor['processOptions']>
>[0];

/** Which page a notification may make, by its topic (and, for the SLA's, its severity). */
function pageKindOf(
  options: NotificationSendOptions,
): PageEvent['kind'] | undefined {
  const { topic, severity } = options.payload;
  // alert-storm is monitoring's storm incident (monitoring-backend's stormNotification).
  switch (topic) {
    case 'ticket-created':
    case 'major-event':
    case 'alert-storm':
      return topic;
    case 'sla':
      // The tickets send a breach as critical, a warning as high.
      return severity === 'critical' ? 'sla-breach' : undefined;
    default:
      return undefined;
  }
}

/**
 * The notifications that may page: a new ticket, an SLA breach (not a warning), a ticket raised
 * by a major event (重点保障), which pages the engineers it was sent to, and an alert storm's
 * incident (from monitoring).
 */
export function pageEventOf(
  options: NotificationSendOptions,
  ticket: TicketNotificationFacts,
  at: string,
): PageEvent | undefined {
  const { scope } = options.payload;
  const kind = pageKindOf(options);
  if (!kind || !scope) return undefined;
  const { dueAt } = ticket;
  const deadline = [dueAt.arrival, dueAt.response, dueAt.resolution].find(
    due => due !== undefined && due >= at,
  );
  return {
    // The tickets' scope names the ticket and the clock; a breach is its own event.
    key: kind === 'sla-breach' ? `${scope}:breach` : scope,
    kind,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    level: ticket.level,
    title: ticket.title,
    place: ticket.entityRefs[0]?.replace(/^[^/]*\//, ''),
    deadline,
    at,
    ...(kind === 'major-event' && options.recipients.type === 'entity'
      ? { onCall: [options.recipients.entityRef].flat() }
      : {}),
  };
}

/** The ticket number in a notification's link (`/tickets/INC-2026-00042`). */
function ticketNumberOf(link: string | undefined): string | undefined {
  return /^\/tickets\/([A-Z]+-\d{4}-\d+)$/.exec(link ?? '')?.[1];
}

/**
 * Sees every notification as it is sent (once, before it fans out to
 * recipients) and reports the tickets' pageable ones to /api/paging/events.
 * It never holds up or changes the notification: a failure is logged.
 */
export class PagingNotificationProcessor implements NotificationProcessor {
  constructor(
    private readonly deps: {
      tickets: TicketsService;
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      now: () => string;
    },
  ) {}

  getName() {
    return 'paging';
  }

  async processOptions(options: NotificationSendOptions) {
    const number = ticketNumberOf(options.payload.link);
    if (!number || !pageKindOf(options)) return options;
    try {
      const { auth, discovery } = this.deps;
      const credentials = await auth.getOwnServiceCredentials();
      const event = pageEventOf(
        options,
        await this.factsOf(options, number, credentials),
        this.deps.now(),
      );
      if (event) {
        const { fetch } = pluginFetch({
          auth,
          targetPluginId: 'paging',
          onBehalfOf: credentials,
        });
        const response = await fetch(
          `${await discovery.getBaseUrl('paging')}/events`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(event),
          },
        );
        if (!response.ok) throw new Error(`paging answered ${response.status}`);
      }
    } catch (error) {
      this.deps.logger.error(`paging not told of ${number}: ${error}`);
    }
    return options;
  }

  /** The ticket as its notification carries it (the tickets' own), else as the tickets plugin has it. */
  private async factsOf(
    options: NotificationSendOptions,
    number: string,
    credentials: BackstageCredentials,
  ): Promise<TicketNotificationFacts> {
    const carried = ticketNotificationFactsSchema.safeParse(
      options.payload.metadata?.ticket,
    );
    if (carried.success && carried.data.number === number) return carried.data;
    const { ticket } = await this.deps.tickets
      .as(credentials)
      .getTicket(number);
    return ticketNotificationFactsOf(ticket);
  }
}

/** Hooks paging into Backstage notifications: the tickets' notifications become pages. */
export const pagingNotificationsModule = createBackendModule({
  pluginId: 'notifications',
  moduleId: 'paging',
  register(env) {
    env.registerInit({
      deps: {
        processing: notificationsProcessingExtensionPoint,
        tickets: ticketsServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        clock: courtClockServiceRef,
      },
      async init({ processing, clock, ...deps }) {
        processing.addProcessor(
          new PagingNotificationProcessor({
            ...deps,
            now: () => clock.now().toUTC().toISO()!,
          }),
        );
      },
    });
  },
});
