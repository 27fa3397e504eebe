import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { engineerApprovalServiceRef } from '@internal/plugin-access-node';
import {
  courtClockServiceRef,
  LeasedOutbox,
} from '@internal/plugin-court-node';
import {
  LiveSlaEngine,
  officialCalendarServiceRef,
} from '@internal/plugin-calendar-node';
import { dutyServiceRef } from '@internal/plugin-duty-node';
import { ticketPermissions } from '@internal/plugin-tickets-common';
import {
  partRegisterServiceRef,
  ticketPermissionResourceRef,
  ticketPermissionRules,
} from '@internal/plugin-tickets-node';
import { readTicketsConfig } from './config';
import { DatabaseChangeStore } from './changes/DatabaseChangeStore';
import { createTicketStores } from './database/createTicketStores';
import { TICKET_OUTBOX_TABLE } from './database/numbering';
import { DatabaseTicketFiguresStore } from './database/TicketFiguresStore';
import { figuresAnswer } from './figures/figuresAnswer';
import {
  FiguresWorkerPool,
  workerDatabaseConfig,
} from './figures/FiguresWorkerPool';
import { TicketFiguresService } from './figures/TicketFiguresService';
import { createRouter } from './router';
import { BreachWatch } from './service/BreachWatch';
import { CatalogEntities } from './service/CatalogEntities';
import { ChangeService } from './changes/ChangeService';
import { TicketAccess } from './service/TicketAccess';
import { TicketAnnouncement, TicketNotifier } from './service/TicketNotifier';
import { TicketService } from './service/TicketService';
import { TicketSla } from './service/TicketSla';

/**
 * The service desk backend: tickets with an append-only log, SLA clocks
 * from the SLA engine, the breach watch, changes with their approvals,
 * freezes and parameter register, and the REST API at /api/tickets.
 */
export const ticketsPlugin = createBackendPlugin({
  pluginId: 'tickets',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        officialCalendar: officialCalendarServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        clock: courtClockServiceRef,
        duty: dutyServiceRef,
        approvals: engineerApprovalServiceRef,
        parts: partRegisterServiceRef,
      },
      async init(deps) {
        const config = readTicketsConfig(deps.config);
        const db = await deps.database.getClient();
        const stores = await createTicketStores(db, {
          skipMigrations: deps.database.migrations?.skip,
        });
        const changeStore = new DatabaseChangeStore(
          db,
          stores.records,
          stores.history,
        );
        deps.permissionsRegistry.addResourceType({
          resourceRef: ticketPermissionResourceRef,
          permissions: ticketPermissions,
          rules: Object.values(ticketPermissionRules),
          getResources: ids =>
            stores.records
              .getMany(ids)
              .then(found => ids.map(id => found.find(t => t.id === id))),
        });
        deps.permissionsRegistry.addPermissions(ticketPermissions);

        // Config's years plus those entered in the portal, picked up without a restart.
        const live = new LiveSlaEngine(config.sla, deps.officialCalendar);
        const sla = new TicketSla(
          () => live.current,
          config.atRiskShare,
          deps.logger,
        );
        const notifier = new TicketNotifier(
          deps.notifications,
          deps.signals,
          {
            newTicketRecipients: config.notify.newTicket,
            serviceManagers: config.notify.serviceManagers,
            changeApprovers: config.notify.changeApprovers,
            onCallNow: async () => {
              const at = deps.clock.now().toUTC().toISO()!;
              const onCall = await deps.duty.onCallAt(at);
              if (!onCall || onCall.onSiteHours) return [];
              return [
                ...(onCall.phone ? [onCall.phone] : []),
                ...config.notify.outsideOnSiteHours,
              ];
            },
          },
          deps.logger,
        );
        const outbox = new LeasedOutbox<TicketAnnouncement>({
          db,
          table: TICKET_OUTBOX_TABLE,
          clock: deps.clock,
          logger: deps.logger,
          deliver: ({ payload }) => notifier.deliver(payload),
        });
        const watch = new BreachWatch({
          ...stores,
          sla,
          notifier,
          logger: deps.logger,
          maxSleepMs: config.breachWatch.maxSleepSeconds * 1000,
          clock: deps.clock,
        });
        const access = new TicketAccess(
          deps.permissions,
          deps.permissionsRegistry,
        );
        const catalog = new CatalogEntities(deps.catalog, deps.clock);
        const service = new TicketService({
          ...stores,
          sla,
          access,
          catalog,
          approvals: deps.approvals,
          parts: deps.parts,
          zone: config.zone,
          clock: deps.clock,
          dutyAtFiling: async (at, refs) => {
            const duty = await deps.duty.filingDutyAt(at, refs);
            return {
              ...(duty && !duty.onCall.onSiteHours && duty.onCall.phone
                ? { phoneDuty: duty.onCall.phone }
                : {}),
              ...(duty?.floor ? { majorEvent: duty.floor } : {}),
            };
          },
          announceCreated: (trx, ticket, projection) =>
            outbox.enqueue(trx, notifier.announceCreated(ticket, projection)),
          listener: {
            ticketUpdated(ticket, projection, happened) {
              watch.poke(projection.nextWakeUpAt);
              // A new ticket's signal and notifications wait in the outbox.
              if (happened.kind === 'created') {
                outbox.poke();
                // The named engineers of a major event hear at once (not retried: the
                // ticket's own notifications in the outbox still reach the desk).
                if (happened.majorEvent) {
                  notifier.majorEvent(ticket, happened.majorEvent);
                }
              } else notifier.updated(ticket);
            },
          },
        });

        const changes = new ChangeService({
          tickets: service,
          records: stores.records,
          history: stores.history,
          changes: changeStore,
          access,
          catalog,
          sla,
          approvals: deps.approvals,
          zone: config.zone,
          clock: deps.clock,
          startGraceMinutes: config.changes.startGraceMinutes,
          listener: {
            changeUpdated(change, { step }) {
              notifier.updated(change);
              if (change.status === 'submitted') {
                notifier.changeAwaitsApproval(change);
              }
              if (step === 'approve' || step === 'reject') {
                notifier.changeDecided(change);
              }
            },
          },
        });

        // Every request sees the schedules in effect (re-checked at most every 30 s), so a
        // ticket whose clocks waited for a year is recomputed once it is entered.
        deps.httpRouter.use(async (_req, _res, next) => {
          await live.refresh();
          next();
        });
        const workerDatabase =
          config.figures.workers > 0 ? workerDatabaseConfig(db) : undefined;
        const figuresWorkers =
          workerDatabase &&
          new FiguresWorkerPool({
            database: workerDatabase,
            size: config.figures.workers,
            memoryMb: config.figures.workerMemoryMb,
            logger: deps.logger,
          });
        const figuresStore = new DatabaseTicketFiguresStore(db);
        deps.httpRouter.use(
          await createRouter({
            service,
            changes,
            figures: new TicketFiguresService({
              answer: job =>
                figuresWorkers
                  ? figuresWorkers.answer(job)
                  : figuresAnswer(figuresStore, job),
              catalog,
              clock: deps.clock,
              zone: config.zone,
            }),
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        deps.lifecycle.addStartupHook(() => {
          outbox.start();
          return watch.start();
        });
        deps.lifecycle.addShutdownHook(() =>
          Promise.all([
            watch.stop(),
            outbox.stop(),
            figuresWorkers?.stop(),
          ]).then(() => {}),
        );
      },
    });
  },
});
