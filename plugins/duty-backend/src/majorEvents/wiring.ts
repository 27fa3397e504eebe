import {
  AuthService,
  DatabaseService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EngineerApprovalService } from '@internal/plugin-access-node';
import {
  CourtClock,
  CourtWaker,
  pluginFetch,
} from '@internal/plugin-court-node';
import { InspectionsClient } from '@internal/plugin-inspections-common';
import { DutyConfig } from '@internal/plugin-duty-common';
import { DutyService } from '../service/DutyService';
import { MajorEventService } from './MajorEventService';
import { MajorEventStore } from './MajorEventStore';
import { PreEventRoundStarter } from './PreEventRoundStarter';
import { PreEventRoundStore } from './PreEventRoundStore';
import { scopeDevicesOf } from './scopeDevices';

/**
 * Major-event assurance on duty's database (migrated by the duty store) and role check, and the
 * waker that starts each plan's pre-event checklist as an inspection round when it falls due.
 */
export async function majorEventsOf(deps: {
  rootConfig: RootConfigService;
  duty: DutyConfig;
  database: DatabaseService;
  catalog: CatalogService;
  clock: CourtClock;
  approvals: Pick<EngineerApprovalService, 'check'>;
  service: Pick<DutyService, 'authorize' | 'dayKindOf'>;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
}): Promise<{ service: MajorEventService; waker: CourtWaker }> {
  const db = await deps.database.getClient();
  const store = new MajorEventStore(db);
  const preEventRounds = new PreEventRoundStore(db);
  const dayKindOf = () => deps.service.dayKindOf();
  const inspections = new InspectionsClient({
    discoveryApi: deps.discovery,
    fetchApi: pluginFetch({
      auth: deps.auth,
      targetPluginId: 'inspections',
      onBehalfOf: () => deps.auth.getOwnServiceCredentials(),
    }),
  });
  const starter = new PreEventRoundStarter({
    plans: store,
    rounds: preEventRounds,
    clock: deps.clock,
    zone: deps.duty.zone,
    onSiteStart: deps.duty.onSite.start,
    dayKindOf,
    devicesOf: scopeDevicesOf(deps.catalog, deps.auth),
    startRound: request => inspections.startAdHocRound(request),
    logger: deps.logger,
  });
  const waker = new CourtWaker({
    name: 'major-event pre-event rounds',
    logger: deps.logger,
    clock: deps.clock,
    sweep: () => starter.sweep(),
    nextDue: () => starter.nextDue(),
    // A plan another replica stored is seen within this; its own are woken for at once.
    maxSleep: { minutes: 10 },
    // A round inspections could not start now is asked again after this.
    minSleep: { minutes: 1 },
  });
  const service = new MajorEventService({
    store,
    authorize: (permission, caller) =>
      deps.service.authorize(permission, caller),
    catalog: deps.catalog,
    // The court's rooms (docs/catalog-model.md; the catalog module validates the register at
    // start); without the register every place is unknown.
    rooms: new Set(
      (deps.rootConfig.getOptionalConfigArray('courtOps.locations') ?? []).map(
        room => room.getString('id'),
      ),
    ),
    clock: deps.clock,
    isApproved: async ref => (await deps.approvals.check(ref)).assignable,
    minimumLevel: deps.duty.majorEvents.minimumLevel,
    zone: deps.duty.zone,
    dayKindOf,
    preEventRounds,
    onPlanned: () => {
      waker.wake();
    },
  });
  return { service, waker };
}
