import {
  DatabaseService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EngineerApprovalService } from '@internal/plugin-access-node';
import { CourtClock } from '@internal/plugin-court-node';
import { DutyConfig } from '@internal/plugin-duty-common';
import { DutyService } from '../service/DutyService';
import { MajorEventService } from './MajorEventService';
import { MajorEventStore } from './MajorEventStore';

/** Major-event assurance on duty's database (migrated by the duty store) and role check. */
export async function majorEventServiceOf(deps: {
  rootConfig: RootConfigService;
  duty: DutyConfig;
  database: DatabaseService;
  catalog: CatalogService;
  clock: CourtClock;
  approvals: Pick<EngineerApprovalService, 'check'>;
  service: Pick<DutyService, 'authorize' | 'dayKindOf'>;
}): Promise<MajorEventService> {
  return new MajorEventService({
    store: new MajorEventStore(await deps.database.getClient()),
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
    dayKindOf: () => deps.service.dayKindOf(),
  });
}
