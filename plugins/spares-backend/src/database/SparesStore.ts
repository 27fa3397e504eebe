import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Movement,
  MovementKind,
  MovementRequestOf,
  PartStock,
  PartType,
  Repair,
  RepairResult,
  RepairTerms,
  StoreLocation,
  Vendor,
  deltaOf,
  fellBelowMinimum,
  isOverdue,
} from '@internal/plugin-spares-common';
import { Knex } from 'knex';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-spares-backend',
  'migrations',
);

interface PartTypeRow {
  id: string;
  name: string;
  device_classes: string;
  models: string;
  minimum: number;
  on_hand: number;
  version: number;
}

interface MovementRow {
  seq: number;
  part_type_id: string;
  location_id: string;
  kind: MovementKind;
  delta: number;
  counted: number | null;
  ticket: string | null;
  change: string | null;
  device_ref: string | null;
  system_ref: string | null;
  supplier: string | null;
  reference: string | null;
  reason: string | null;
  fit_warning: string | null;
  actor: string;
  at: string;
}

interface RepairRow {
  seq: number;
  id: string;
  device_ref: string | null;
  part_type_id: string | null;
  ticket: string | null;
  vendor_id: string;
  terms: RepairTerms;
  sent_on: string;
  promised_on: string | null;
  rma: string | null;
  loaner: string | null;
  loaner_where: string | null;
  returned_on: string | null;
  result: RepairResult | null;
  created_by: string;
  created_at: string;
  version: number;
}

const opt = <T>(value: T | null): T | undefined => value ?? undefined;

function toPartType(row: PartTypeRow): PartType {
  return {
    id: row.id,
    name: row.name,
    deviceClasses: JSON.parse(row.device_classes),
    models: JSON.parse(row.models),
    minimum: Number(row.minimum),
    version: Number(row.version),
  };
}

function toMovement(row: MovementRow): Movement {
  const movement: Record<string, unknown> = {
    seq: Number(row.seq),
    partTypeId: row.part_type_id,
    locationId: row.location_id,
    kind: row.kind,
    delta: Number(row.delta),
    counted: row.counted === null ? undefined : Number(row.counted),
    ticket: opt(row.ticket),
    change: opt(row.change),
    deviceRef: opt(row.device_ref),
    systemRef: opt(row.system_ref),
    supplier: opt(row.supplier),
    reference: opt(row.reference),
    reason: opt(row.reason),
    fitWarning: opt(row.fit_warning),
    actor: row.actor,
    at: row.at,
  };
  // Absent fields are left out of the JSON, not sent as null.
  for (const key of Object.keys(movement)) {
    if (movement[key] === undefined) delete movement[key];
  }
  return movement as unknown as Movement;
}

/** A movement to record, as the service has checked it. */
export interface NewMovement {
  readonly partTypeId: string;
  readonly locationId: string;
  readonly request: MovementRequestOf;
  readonly ticket?: string;
  readonly change?: string;
  readonly deviceRef?: string;
  readonly systemRef?: string;
  readonly supplier?: string;
  readonly reference?: string;
  readonly reason?: string;
  readonly fitWarning?: string;
  readonly actor: string;
  readonly at: string;
}

export interface RecordedMovement {
  readonly movement: Movement;
  readonly stock: PartStock;
  /** This movement took the part type below its minimum. */
  readonly fellBelowMinimum: boolean;
}

export interface NewRepair {
  readonly id: string;
  readonly deviceRef?: string;
  readonly partTypeId?: string;
  readonly ticket?: string;
  readonly vendorId: string;
  readonly terms: RepairTerms;
  readonly sentOn: string;
  readonly promisedOn?: string;
  readonly rma?: string;
  readonly loaner?: string;
  readonly loanerWhere?: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface RepairChange {
  readonly version: number;
  readonly note?: string;
  readonly promisedOn?: string;
  readonly loaner?: string;
  readonly loanerWhere?: string;
  readonly returnedOn?: string;
  readonly result?: RepairResult;
  readonly actor: string;
  readonly at: string;
}

export interface RepairFilter {
  readonly out?: boolean;
  readonly vendorId?: string;
  readonly ticket?: string;
  readonly deviceRef?: string;
  /** Out with a promised date before this day. */
  readonly overdueOn?: string;
}

/** How many times a count retries when an issue changed the shelf under it. */
const COUNT_ATTEMPTS = 5;

/** The spares tables: part types, locations, vendors, stock, movements, repairs. */
export class SparesStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<SparesStore> {
    return SparesStore.fromKnex(await options.database.getClient(), options);
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<SparesStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: options.skipMigrations,
    });
    return new SparesStore(db);
  }

  // --- register

  async savePartType(
    partType: Omit<PartType, 'version'>,
    at: string,
  ): Promise<PartType> {
    const values = {
      name: partType.name,
      device_classes: JSON.stringify(partType.deviceClasses),
      models: JSON.stringify(partType.models),
      minimum: partType.minimum,
      updated_at: at,
    };
    // One statement, so two first saves of the same part type at once both land (the second as
    // an update) instead of racing an update against an insert.
    await this.db('spares_part_types')
      .insert({ id: partType.id, ...values, on_hand: 0, version: 1 })
      .onConflict('id')
      .merge({
        ...values,
        version: this.db.raw('?? + 1', ['spares_part_types.version']),
      });
    return (await this.getPartType(partType.id))!;
  }

  async getPartType(id: string): Promise<PartType | undefined> {
    const row = await this.db<PartTypeRow>('spares_part_types')
      .where({ id })
      .first();
    return row ? toPartType(row) : undefined;
  }

  async listPartTypes(): Promise<PartType[]> {
    const rows = await this.db<PartTypeRow>('spares_part_types').orderBy('id');
    return rows.map(toPartType);
  }

  /** Part types fitting a device class (the model rule is the service's). */
  async partTypesForClass(deviceClass: string): Promise<PartType[]> {
    // The JSON array text holds the class in quotes: a cheap prefilter.
    const rows = await this.db<PartTypeRow>('spares_part_types')
      .where('device_classes', 'like', `%"${deviceClass}"%`)
      .orderBy('id');
    return rows
      .map(toPartType)
      .filter(p => p.deviceClasses.includes(deviceClass));
  }

  async saveLocation(location: StoreLocation): Promise<StoreLocation> {
    await this.db('spares_locations')
      .insert(location)
      .onConflict('id')
      .merge(['name']);
    return location;
  }

  async listLocations(): Promise<StoreLocation[]> {
    return this.db<StoreLocation>('spares_locations')
      .select('id', 'name')
      .orderBy('id');
  }

  async hasLocation(id: string): Promise<boolean> {
    return Boolean(await this.db('spares_locations').where({ id }).first());
  }

  async saveVendor(vendor: Omit<Vendor, 'version'>): Promise<Vendor> {
    const values = {
      name: vendor.name,
      contacts: JSON.stringify(vendor.contacts),
      service_hours: vendor.serviceHours ?? null,
      response_promise: vendor.responsePromise ?? null,
    };
    await this.db('spares_vendors')
      .insert({ id: vendor.id, ...values, version: 1 })
      .onConflict('id')
      .merge({
        ...values,
        version: this.db.raw('?? + 1', ['spares_vendors.version']),
      });
    return (await this.listVendors()).find(v => v.id === vendor.id)!;
  }

  async listVendors(): Promise<Vendor[]> {
    const rows = await this.db('spares_vendors').orderBy('id');
    return rows.map(row => ({
      id: row.id,
      name: row.name,
      contacts: JSON.parse(row.contacts),
      ...(row.service_hours ? { serviceHours: row.service_hours } : {}),
      ...(row.response_promise
        ? { responsePromise: row.response_promise }
        : {}),
      version: Number(row.version),
    }));
  }

  // --- stock

  /**
   * Records one movement and its effect on the stock in one transaction. An
   * issue takes parts only where the shelf still has them (a conditional
   * update, so of two engineers taking the last part one gets a 409); a count
   * sets what was counted and records the difference.
   *
   * @throws ConflictError when an issue asks for more than is in stock
   */
  async recordMovement(input: NewMovement): Promise<RecordedMovement> {
    const { partTypeId, locationId, request } = input;
    const seq = await this.db.transaction(async trx => {
      const delta = await this.applyToShelf(
        trx,
        partTypeId,
        locationId,
        request,
      );
      const before = await trx<PartTypeRow>('spares_part_types')
        .where({ id: partTypeId })
        .first();
      await trx('spares_part_types')
        .where({ id: partTypeId })
        .update({ on_hand: trx.raw('on_hand + ?', [delta]) });
      const [inserted] = await trx('spares_movements')
        .insert({
          part_type_id: partTypeId,
          location_id: locationId,
          kind: request.kind,
          delta,
          counted: request.kind === 'count' ? request.counted : null,
          ticket: input.ticket ?? null,
          change: input.change ?? null,
          device_ref: input.deviceRef ?? null,
          system_ref: input.systemRef ?? null,
          supplier: input.supplier ?? null,
          reference: input.reference ?? null,
          reason: input.reason ?? null,
          fit_warning: input.fitWarning ?? null,
          actor: input.actor,
          at: input.at,
        })
        .returning('seq');
      const seqValue =
        typeof inserted === 'object'
          ? (inserted as { seq: number }).seq
          : inserted;
      return {
        seq: Number(seqValue),
        fell: fellBelowMinimum(
          Number(before!.on_hand),
          Number(before!.on_hand) + delta,
          Number(before!.minimum),
        ),
      };
    });
    const row = await this.db<MovementRow>('spares_movements')
      .where({ seq: seq.seq })
      .first();
    return {
      movement: toMovement(row!),
      stock: (await this.stockOf(partTypeId))!,
      fellBelowMinimum: seq.fell,
    };
  }

  /** Changes the shelf; the signed delta it made. */
  private async applyToShelf(
    trx: Knex.Transaction,
    partTypeId: string,
    locationId: string,
    request: MovementRequestOf,
  ): Promise<number> {
    const shelf = { part_type_id: partTypeId, location_id: locationId };
    if (request.kind === 'issue') {
      const taken = await trx('spares_stock')
        .where(shelf)
        .andWhere('quantity', '>=', request.quantity)
        .update({ quantity: trx.raw('quantity - ?', [request.quantity]) });
      if (taken === 0) {
        const row = await trx('spares_stock').where(shelf).first();
        throw new ConflictError(
          `quantity: only ${Number(
            row?.quantity ?? 0,
          )} of ${partTypeId} in stock at ${locationId}`,
        );
      }
      return -request.quantity;
    }
    if (request.kind === 'count') {
      // An empty shelf is a shelf at 0: made so first, so a count racing a receipt on a new shelf
      // meets the compare-and-set below instead of a second insert.
      await trx('spares_stock')
        .insert({ ...shelf, quantity: 0 })
        .onConflict(['part_type_id', 'location_id'])
        .ignore();
      for (let attempt = 0; attempt < COUNT_ATTEMPTS; attempt++) {
        const row = await trx('spares_stock').where(shelf).first();
        const onHand = Number(row?.quantity ?? 0);
        const outcome = deltaOf(onHand, request);
        if ('refused' in outcome)
          throw new InputError(`body.${outcome.refused}`);
        // Only if nobody moved the shelf since it was read.
        const set = await trx('spares_stock')
          .where({ ...shelf, quantity: onHand })
          .update({ quantity: request.counted });
        if (set === 1) return outcome.delta;
      }
      throw new ConflictError(
        'the shelf kept changing during the count; count again',
      );
    }
    await trx('spares_stock')
      .insert({ ...shelf, quantity: request.quantity })
      .onConflict(['part_type_id', 'location_id'])
      .merge({
        quantity: trx.raw('?? + ?', [
          'spares_stock.quantity',
          request.quantity,
        ]),
      });
    return request.quantity;
  }

  /** One part type's stock, per location and in all. */
  async stockOf(partTypeId: string): Promise<PartStock | undefined> {
    const row = await this.db<PartTypeRow>('spares_part_types')
      .where({ id: partTypeId })
      .first();
    if (!row) return undefined;
    const shelves = await this.db('spares_stock')
      .where({ part_type_id: partTypeId })
      .andWhere('quantity', '>', 0)
      .orderBy('location_id');
    return this.partStock(row, shelves);
  }

  private partStock(
    row: PartTypeRow,
    shelves: Array<{ location_id: string; quantity: number }>,
  ): PartStock {
    const partType = toPartType(row);
    const total = Number(row.on_hand);
    return {
      partType,
      total,
      byLocation: shelves.map(s => ({
        locationId: s.location_id,
        quantity: Number(s.quantity),
      })),
      belowMinimum: total < partType.minimum,
    };
  }

  /** Many part types' stock, in two queries. */
  private async stocks(rows: PartTypeRow[]): Promise<PartStock[]> {
    if (rows.length === 0) return [];
    const shelves = await this.db('spares_stock')
      .whereIn(
        'part_type_id',
        rows.map(r => r.id),
      )
      .andWhere('quantity', '>', 0)
      .orderBy(['part_type_id', 'location_id']);
    const byPart = new Map<string, typeof shelves>();
    for (const shelf of shelves) {
      byPart.set(shelf.part_type_id, [
        ...(byPart.get(shelf.part_type_id) ?? []),
        shelf,
      ]);
    }
    return rows.map(row => this.partStock(row, byPart.get(row.id) ?? []));
  }

  /** A page of part types in code order, with their stock. */
  async stockPage(options: {
    after?: string;
    limit: number;
  }): Promise<{ items: PartStock[]; nextCursor?: string }> {
    const query = this.db<PartTypeRow>('spares_part_types')
      .orderBy('id')
      .limit(options.limit + 1);
    if (options.after) query.where('id', '>', options.after);
    const rows = await query;
    const page = rows.slice(0, options.limit);
    return {
      items: await this.stocks(page),
      ...(rows.length > options.limit
        ? { nextCursor: page[page.length - 1].id }
        : {}),
    };
  }

  async belowMinimum(limit: number): Promise<PartStock[]> {
    const rows = await this.db<PartTypeRow>('spares_part_types')
      .whereRaw('on_hand < minimum')
      .orderBy('id')
      .limit(limit);
    return this.stocks(rows);
  }

  async stocksOf(partTypeIds: readonly string[]): Promise<PartStock[]> {
    if (partTypeIds.length === 0) return [];
    const rows = await this.db<PartTypeRow>('spares_part_types')
      .whereIn('id', [...partTypeIds])
      .orderBy('id');
    return this.stocks(rows);
  }

  async movements(filter: {
    partTypeId?: string;
    deviceRef?: string;
    limit: number;
  }): Promise<Movement[]> {
    const query = this.db<MovementRow>('spares_movements')
      .orderBy('seq', 'desc')
      .limit(filter.limit);
    if (filter.partTypeId) query.where('part_type_id', filter.partTypeId);
    if (filter.deviceRef) query.where('device_ref', filter.deviceRef);
    return (await query).map(toMovement);
  }

  /** The movements from `from` (inclusive) to `to` (exclusive), in order: the monthly report's input. */
  async movementsBetween(from: string, to: string): Promise<Movement[]> {
    const rows = await this.db<MovementRow>('spares_movements')
      .where('at', '>=', from)
      .andWhere('at', '<', to)
      .orderBy('seq');
    return rows.map(toMovement);
  }

  /** Each part type's stock per location as the movements before `before` left it. */
  async stockBefore(
    before: string,
  ): Promise<Array<{ partTypeId: string; quantity: number }>> {
    const rows: Array<{ part_type_id: string; quantity: number | string }> =
      await this.db('spares_movements')
        .where('at', '<', before)
        .groupBy('part_type_id')
        .select('part_type_id')
        .sum({ quantity: 'delta' });
    return rows.map(r => ({
      partTypeId: String(r.part_type_id),
      quantity: Number(r.quantity),
    }));
  }

  /** Parts issued in the window: per court month (by the caller's offset) and per system. */
  async issuesBetween(
    from: string,
    to: string,
  ): Promise<Array<{ at: string; systemRef?: string; quantity: number }>> {
    const rows = await this.db('spares_movements')
      .where({ kind: 'issue' })
      .andWhere('at', '>=', from)
      .andWhere('at', '<', to)
      .select('at', 'system_ref', 'delta');
    return rows.map(r => ({
      at: String(r.at),
      ...(r.system_ref ? { systemRef: String(r.system_ref) } : {}),
      quantity: -Number(r.delta),
    }));
  }

  // --- repairs

  async openRepair(repair: NewRepair): Promise<Repair> {
    await this.db('spares_repairs').insert({
      id: repair.id,
      device_ref: repair.deviceRef ?? null,
      part_type_id: repair.partTypeId ?? null,
      ticket: repair.ticket ?? null,
      vendor_id: repair.vendorId,
      terms: repair.terms,
      sent_on: repair.sentOn,
      promised_on: repair.promisedOn ?? null,
      rma: repair.rma ?? null,
      loaner: repair.loaner ?? null,
      loaner_where: repair.loanerWhere ?? null,
      created_by: repair.createdBy,
      created_at: repair.createdAt,
      version: 1,
    });
    return (await this.getRepair(repair.id, repair.createdAt.slice(0, 10)))!;
  }

  async getRepair(id: string, today: string): Promise<Repair | undefined> {
    const [repair] = await this.repairs(
      this.db<RepairRow>('spares_repairs').where({ id }),
      today,
    );
    return repair;
  }

  async listRepairs(filter: RepairFilter, today: string): Promise<Repair[]> {
    const query = this.db<RepairRow>('spares_repairs')
      .orderBy('seq', 'desc')
      .limit(500);
    if (filter.out !== undefined) {
      query.where(q =>
        filter.out ? q.whereNull('returned_on') : q.whereNotNull('returned_on'),
      );
    }
    if (filter.overdueOn) {
      query
        .whereNull('returned_on')
        .andWhere('promised_on', '<', filter.overdueOn);
    }
    if (filter.vendorId) query.where('vendor_id', filter.vendorId);
    if (filter.ticket) query.where('ticket', filter.ticket);
    if (filter.deviceRef) query.where('device_ref', filter.deviceRef);
    return this.repairs(query, today);
  }

  private async repairs(
    query: Knex.QueryBuilder<RepairRow, RepairRow[]>,
    today: string,
  ): Promise<Repair[]> {
    const rows: RepairRow[] = await query;
    if (rows.length === 0) return [];
    const updates = await this.db('spares_repair_updates')
      .whereIn(
        'repair_id',
        rows.map(r => r.id),
      )
      .orderBy(['repair_id', 'seq']);
    return rows.map(row => {
      const dates = {
        sentOn: row.sent_on,
        promisedOn: opt(row.promised_on),
        returnedOn: opt(row.returned_on),
      };
      const repair: Record<string, unknown> = {
        id: row.id,
        number: `RPR-${String(row.seq).padStart(5, '0')}`,
        deviceRef: opt(row.device_ref),
        partTypeId: opt(row.part_type_id),
        ticket: opt(row.ticket),
        vendorId: row.vendor_id,
        terms: row.terms,
        ...dates,
        rma: opt(row.rma),
        loaner: opt(row.loaner),
        loanerWhere: opt(row.loaner_where),
        result: opt(row.result),
        overdue: isOverdue(dates, today),
        updates: updates
          .filter(u => u.repair_id === row.id)
          .map(u => ({ note: u.note, actor: u.actor, at: u.at })),
        createdBy: row.created_by,
        createdAt: row.created_at,
        version: Number(row.version),
      };
      for (const key of Object.keys(repair)) {
        if (repair[key] === undefined) delete repair[key];
      }
      return repair as unknown as Repair;
    });
  }

  /**
   * Applies an update or the return at `version`.
   * @throws ConflictError when someone changed the repair since that version
   */
  async changeRepair(id: string, change: RepairChange): Promise<void> {
    await this.db.transaction(async trx => {
      const row = await trx<RepairRow>('spares_repairs').where({ id }).first();
      if (!row) throw new NotFoundError(`no repair ${id}`);
      if (row.returned_on) {
        throw new ConflictError(`the repair came back on ${row.returned_on}`);
      }
      const values: Record<string, unknown> = {
        version: change.version + 1,
      };
      if (change.promisedOn) values.promised_on = change.promisedOn;
      if (change.loaner) values.loaner = change.loaner;
      if (change.loanerWhere) values.loaner_where = change.loanerWhere;
      if (change.returnedOn) values.returned_on = change.returnedOn;
      if (change.result) values.result = change.result;
      const updated = await trx('spares_repairs')
        .where({ id, version: change.version })
        .update(values);
      if (updated === 0) {
        throw new ConflictError(
          `the repair was changed since version ${change.version} (now ${row.version})`,
        );
      }
      if (change.note) {
        const last = await trx('spares_repair_updates')
          .where({ repair_id: id })
          .max({ seq: 'seq' })
          .first();
        await trx('spares_repair_updates').insert({
          repair_id: id,
          seq: Number(last?.seq ?? 0) + 1,
          note: change.note,
          actor: change.actor,
          at: change.at,
        });
      }
    });
  }

  /** Claims the overdue notice of a repair: true for exactly one caller. */
  async claimOverdueNotice(id: string, at: string): Promise<boolean> {
    const claimed = await this.db('spares_repairs')
      .where({ id })
      .whereNull('overdue_notified_at')
      .update({ overdue_notified_at: at });
    return claimed === 1;
  }

  async releaseOverdueNotice(id: string): Promise<void> {
    await this.db('spares_repairs')
      .where({ id })
      .update({ overdue_notified_at: null });
  }

  /** Repairs returned in the window (by their return date) and repairs sent in it, for the figures. */
  async repairsForFigures(
    from: string,
    to: string,
  ): Promise<
    Array<{
      vendorId: string;
      deviceRef?: string;
      sentOn: string;
      returnedOn?: string;
    }>
  > {
    const rows = await this.db<RepairRow>('spares_repairs')
      .where(q =>
        q
          .whereBetween('sent_on', [from, to])
          .orWhereBetween('returned_on', [from, to]),
      )
      .select('vendor_id', 'device_ref', 'sent_on', 'returned_on');
    return rows.map(r => ({
      vendorId: r.vendor_id,
      ...(r.device_ref ? { deviceRef: r.device_ref } : {}),
      sentOn: r.sent_on,
      ...(r.returned_on ? { returnedOn: r.returned_on } : {}),
    }));
  }
}
