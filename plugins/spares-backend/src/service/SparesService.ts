import {
  AuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { readDeviceFacts } from '@internal/plugin-court-common';
import {
  Caller,
  CourtClock,
  actorOf,
  parseInput,
  systemOf,
} from '@internal/plugin-court-node';
import {
  DeviceSpares,
  IssueResult,
  PartStock,
  PartType,
  Repair,
  StoreOverview,
  courtDate,
  deviceRefSchema,
  fitProblem,
  locationSchema,
  movementRequestSchema,
  partTypeSchema,
  repairActionSchema,
  repairRequestSchema,
  repairsQuerySchema,
  sparesManagePermission,
  sparesMovePermission,
  sparesReadPermission,
  sparesRepairPermission,
  storeQuerySchema,
  vendorSchema,
} from '@internal/plugin-spares-common';
import { Ticket } from '@internal/plugin-tickets-common';
import { randomUUID } from 'node:crypto';
import { NewMovement, SparesStore } from '../database/SparesStore';
import { TicketLink } from './TicketLink';

/** How many movements the store page and the device tab show. */
const RECENT = 50;

/**
 * The spares family's rules: who may do what (before any input is read),
 * the checks no schema can make (known part type, location, vendor, ticket),
 * the misfit warning, the ticket notes and the below-minimum notice.
 */
export class SparesService {
  constructor(
    private readonly deps: {
      store: SparesStore;
      permissions: PermissionsService;
      catalog: CatalogService;
      auth: AuthService;
      tickets: TicketLink;
      notifications: Pick<NotificationService, 'send'>;
      clock: CourtClock;
      zone: string;
      notify: { belowMinimum: readonly string[] };
      logger: LoggerService;
    },
  ) {}

  /** @throws NotAllowedError unless the caller holds the permission. */
  async require(permission: BasicPermission, caller: Caller) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials: caller,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${permission.name}`);
    }
  }

  private now() {
    return this.deps.clock.now().toUTC().toISO()!;
  }

  private today() {
    return courtDate(this.deps.clock.now(), this.deps.zone);
  }

  // --- register (the caller was allowed by the router)

  savePartType(body: unknown) {
    const partType = parseInput(partTypeSchema, body, 'body');
    return this.deps.store.savePartType(partType, this.now());
  }

  saveLocation(body: unknown) {
    return this.deps.store.saveLocation(
      parseInput(locationSchema, body, 'body'),
    );
  }

  saveVendor(body: unknown) {
    return this.deps.store.saveVendor(parseInput(vendorSchema, body, 'body'));
  }

  listPartTypes() {
    return this.deps.store.listPartTypes();
  }

  listLocations() {
    return this.deps.store.listLocations();
  }

  listVendors() {
    return this.deps.store.listVendors();
  }

  // --- stock

  async stock(partTypeId: string): Promise<PartStock> {
    const stock = await this.deps.store.stockOf(partTypeId);
    if (!stock) throw new NotFoundError(`no part type ${partTypeId}`);
    return stock;
  }

  async store(query: unknown): Promise<StoreOverview> {
    const { cursor, limit, partType } = parseInput(
      storeQuerySchema,
      query,
      'query',
    );
    const { store } = this.deps;
    const [page, belowMinimum, movements] = await Promise.all([
      store.stockPage({ after: cursor, limit }),
      store.belowMinimum(limit),
      store.movements({ partTypeId: partType, limit: RECENT }),
    ]);
    return {
      stock: page.items,
      belowMinimum,
      movements,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /**
   * A receipt, issue, return or count. Unknown part types and locations are a
   * 400 naming the field; an issue beyond the stock a 409; a part that does
   * not fit the ticket's device a warning recorded with the issue.
   */
  async move(body: unknown, caller: Caller): Promise<IssueResult> {
    const request = parseInput(movementRequestSchema, body, 'body');
    const { store } = this.deps;
    const partType = await store.getPartType(request.partTypeId);
    if (!partType) {
      throw new InputError(
        `body.partTypeId: no part type ${request.partTypeId}`,
      );
    }
    if (!(await store.hasLocation(request.locationId))) {
      throw new InputError(
        `body.locationId: no store location ${request.locationId}`,
      );
    }
    const base = {
      partTypeId: request.partTypeId,
      locationId: request.locationId,
      actor: actorOf(caller),
      at: this.now(),
    };
    let movement: NewMovement;
    let ticket: Ticket | undefined;
    if (request.kind === 'receipt') {
      movement = {
        ...base,
        request: { kind: 'receipt', quantity: request.quantity },
        supplier: request.supplier,
        reference: request.reference,
      };
    } else if (request.kind === 'return') {
      if (request.ticket) {
        ticket = await this.deps.tickets.ticket(
          request.ticket,
          caller,
          'body.ticket',
        );
      }
      movement = {
        ...base,
        request: { kind: 'return', quantity: request.quantity },
        ticket: request.ticket,
        reason: request.reason,
      };
    } else if (request.kind === 'count') {
      const shelf = (await store.stockOf(request.partTypeId))!.byLocation.find(
        s => s.locationId === request.locationId,
      );
      if ((shelf?.quantity ?? 0) !== request.counted && !request.reason) {
        throw new InputError(
          `body.reason: is required when the count (${
            request.counted
          }) differs from the stock (${shelf?.quantity ?? 0})`,
        );
      }
      movement = {
        ...base,
        request: { kind: 'count', counted: request.counted },
        reason: request.reason,
      };
    } else {
      ticket = request.ticket
        ? await this.deps.tickets.ticket(request.ticket, caller, 'body.ticket')
        : await this.deps.tickets.change(
            request.change!,
            caller,
            'body.change',
          );
      const deviceRef =
        request.deviceRef ??
        ticket.entityRefs.find(ref => ref.startsWith('resource:'));
      const device = deviceRef ? await this.device(deviceRef) : undefined;
      if (request.deviceRef && !device) {
        throw new InputError(
          `body.deviceRef: ${request.deviceRef} is not in the catalog`,
        );
      }
      const facts = device ? readDeviceFacts(device) : undefined;
      const misfit = deviceRef
        ? fitProblem(partType, {
            deviceClass: facts?.deviceClass,
            model: facts?.model,
          })
        : undefined;
      movement = {
        ...base,
        request: { kind: 'issue', quantity: request.quantity },
        ticket: request.ticket,
        change: request.change,
        deviceRef,
        systemRef: (device && systemOf(device)) ?? ticket.systemRefs[0],
        reason: request.reason,
        fitWarning: misfit,
      };
    }
    const recorded = await store.recordMovement(movement);
    if (ticket && request.kind !== 'count' && request.kind !== 'receipt') {
      const verb =
        request.kind === 'issue'
          ? '备件出库 · Spare part issued'
          : '备件退回 · Spare part returned';
      const misfit = recorded.movement.fitWarning
        ? `\n不匹配 · Does not fit: ${recorded.movement.fitWarning}${
            recorded.movement.reason ? ` (${recorded.movement.reason})` : ''
          }`
        : '';
      await this.deps.tickets.note(
        ticket.id,
        `${verb}: ${request.quantity} × ${partType.name} (${partType.id}) @ ${
          request.locationId
        }${
          recorded.movement.deviceRef ? ` → ${recorded.movement.deviceRef}` : ''
        } [spares #${recorded.movement.seq}]${misfit}`,
        caller,
      );
    }
    if (recorded.fellBelowMinimum) await this.tellBelowMinimum(recorded.stock);
    if (request.kind === 'receipt') {
      await this.tellAwaitedPartIn(partType, request.locationId);
    }
    return {
      movement: recorded.movement,
      stock: recorded.stock,
      ...(recorded.movement.fitWarning
        ? { warning: recorded.movement.fitWarning }
        : {}),
    };
  }

  /** The assignee of each ticket paused waiting for this part: it is in. */
  private async tellAwaitedPartIn(partType: PartType, locationId: string) {
    const { notifications, logger } = this.deps;
    const waiting = await this.deps.tickets.awaiting(partType.id);
    for (const ticket of waiting) {
      if (!ticket.assignee) continue;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: ticket.assignee },
          payload: {
            title: `等待的备件已到货：${partType.name} · Awaited part is in: ${ticket.number}`,
            description: `${ticket.number} 等待的 ${partType.name} 已入库（${locationId}）。The ${partType.name} that ${ticket.number} waits for was received at ${locationId}.`,
            link: `/tickets/${ticket.number}`,
            severity: 'normal',
            topic: 'spares-awaited-part-in',
            scope: `spares:awaited-part-in:${ticket.id}:${partType.id}`,
          },
        });
      } catch (error) {
        logger.error(
          `could not tell ${ticket.assignee} that ${partType.id} is in for ${
            ticket.number
          }: ${(error as Error).message}`,
        );
      }
    }
  }

  private async tellBelowMinimum(stock: PartStock) {
    const { notifications, notify, logger } = this.deps;
    if (notify.belowMinimum.length === 0) return;
    const { partType, total } = stock;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: [...notify.belowMinimum] },
        payload: {
          title: `备件低于下限：${partType.name} · Spare below minimum: ${partType.id}`,
          description: `库存 ${total}，下限 ${partType.minimum}。On hand ${total}, minimum ${partType.minimum}.`,
          link: '/spares',
          severity: 'high',
          topic: 'spares-below-minimum',
          scope: `spares:below-minimum:${partType.id}`,
        },
      });
    } catch (error) {
      logger.error(
        `could not tell that ${partType.id} is below its minimum: ${
          (error as Error).message
        }`,
      );
    }
  }

  private async device(ref: string): Promise<Entity | undefined> {
    const { catalog, auth } = this.deps;
    return catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
  }

  /** A device's Spares tab. */
  async deviceSpares(ref: string): Promise<DeviceSpares> {
    const deviceRef = parseInput(deviceRefSchema, ref, 'path.ref');
    const { store } = this.deps;
    const device = await this.device(deviceRef);
    const facts = device ? readDeviceFacts(device) : undefined;
    const fittingTypes = facts
      ? (await store.partTypesForClass(facts.deviceClass)).filter(
          p => !fitProblem(p, facts),
        )
      : [];
    const [fitting, used, repairs] = await Promise.all([
      store.stocksOf(fittingTypes.map(p => p.id)),
      store.movements({ deviceRef, limit: RECENT }),
      store.listRepairs({ deviceRef }, this.today()),
    ]);
    const outForRepair = repairs.find(r => !r.returnedOn);
    return {
      deviceRef,
      ...(facts ? { deviceClass: facts.deviceClass, model: facts.model } : {}),
      fitting,
      used,
      repairs,
      ...(outForRepair ? { outForRepair } : {}),
    };
  }

  // --- repairs

  async repairs(query: unknown): Promise<Repair[]> {
    const q = parseInput(repairsQuerySchema, query, 'query');
    const today = this.today();
    return this.deps.store.listRepairs(
      {
        ...(q.status === 'out' ? { out: true } : {}),
        ...(q.status === 'returned' ? { out: false } : {}),
        ...(q.status === 'overdue' ? { overdueOn: today } : {}),
        vendorId: q.vendor,
        ticket: q.ticket,
        deviceRef: q.device,
      },
      today,
    );
  }

  async repair(id: string): Promise<Repair> {
    const repair = await this.deps.store.getRepair(id, this.today());
    if (!repair) throw new NotFoundError(`no repair ${id}`);
    return repair;
  }

  /** Sends a device or part out; from a ticket, the ticket gets a note naming the repair. */
  async openRepair(body: unknown, caller: Caller): Promise<Repair> {
    const request = parseInput(repairRequestSchema, body, 'body');
    const { store } = this.deps;
    const vendors = await store.listVendors();
    const vendor = vendors.find(v => v.id === request.vendorId);
    if (!vendor)
      throw new InputError(`body.vendorId: no vendor ${request.vendorId}`);
    if (request.partTypeId && !(await store.getPartType(request.partTypeId))) {
      throw new InputError(
        `body.partTypeId: no part type ${request.partTypeId}`,
      );
    }
    if (request.deviceRef && !(await this.device(request.deviceRef))) {
      throw new InputError(
        `body.deviceRef: ${request.deviceRef} is not in the catalog`,
      );
    }
    if (request.sentOn > this.today()) {
      throw new InputError(`body.sentOn: is after today (${this.today()})`);
    }
    const ticket = request.ticket
      ? await this.deps.tickets.ticket(request.ticket, caller, 'body.ticket')
      : undefined;
    const repair = await store.openRepair({
      ...request,
      id: randomUUID(),
      createdBy: actorOf(caller),
      createdAt: this.now(),
    });
    if (ticket) {
      await this.deps.tickets.note(
        ticket.id,
        `送修 · Out for repair: ${repair.number} (${
          repair.deviceRef ?? repair.partTypeId
        }) → ${vendor.name}, ${
          repair.terms === 'warranty' ? '保修 warranty' : '付费 paid'
        }, ${repair.sentOn}${
          repair.promisedOn ? ` → ${repair.promisedOn}` : ''
        }${repair.rma ? `, RMA ${repair.rma}` : ''}${
          repair.loaner
            ? `; 备用机 loaner: ${repair.loaner}${
                repair.loanerWhere ? ` @ ${repair.loanerWhere}` : ''
              }`
            : ''
        }`,
        caller,
      );
    }
    return repair;
  }

  /** A status update or the return; a stale version is a 409. */
  async actOnRepair(
    id: string,
    body: unknown,
    caller: Caller,
  ): Promise<Repair> {
    const action = parseInput(repairActionSchema, body, 'body');
    const repair = await this.repair(id);
    if (action.action === 'return' && action.returnedOn < repair.sentOn) {
      throw new InputError(
        `body.returnedOn: is before the send date (${repair.sentOn})`,
      );
    }
    if (action.action === 'return' && action.returnedOn > this.today()) {
      throw new InputError(`body.returnedOn: is after today (${this.today()})`);
    }
    if (
      action.action === 'update' &&
      action.promisedOn &&
      action.promisedOn < repair.sentOn
    ) {
      throw new InputError(
        `body.promisedOn: is before the send date (${repair.sentOn})`,
      );
    }
    await this.deps.store.changeRepair(id, {
      ...action,
      note:
        action.action === 'return'
          ? [`返回 · Returned: ${action.result}`, action.note]
              .filter(Boolean)
              .join(' — ')
          : action.note,
      actor: actorOf(caller),
      at: this.now(),
    });
    const changed = await this.repair(id);
    if (action.action === 'return' && changed.ticket) {
      const ticket = await this.deps.tickets.ticket(
        changed.ticket,
        caller,
        'ticket',
      );
      await this.deps.tickets.note(
        ticket.id,
        `送修返回 · Back from repair: ${changed.number}, ${action.result}, ${action.returnedOn}`,
        caller,
      );
    }
    return changed;
  }
}

/** The permissions each route needs, for the router. */
export const SPARES_ROUTE_PERMISSIONS = {
  read: sparesReadPermission,
  move: sparesMovePermission,
  repair: sparesRepairPermission,
  manage: sparesManagePermission,
} as const;
