import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Leave,
  LeaveDecision,
  LeaveStatus,
  RosterStatus,
  Shift,
  ShiftKind,
  Swap,
  SwapStatus,
} from '@internal/plugin-duty-common';
import { Knex } from 'knex';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-duty-backend',
  'migrations',
);

export interface RosterRow {
  readonly month: string;
  readonly status: RosterStatus;
  readonly version: number;
  readonly generatedBy: string;
  readonly generatedAt: string;
  readonly publishedBy?: string;
  readonly publishedAt?: string;
}

export interface AttendanceRow {
  readonly shiftId: string;
  readonly engineer: string;
  readonly checkedInAt: string;
  readonly checkedOutAt?: string;
  readonly method: 'button' | 'qr';
}

interface ShiftRow {
  id: string;
  month: string;
  date: string;
  kind: ShiftKind;
  post: string | null;
  engineer: string | null;
  starts_at: string;
  ends_at: string;
  version: number;
}

type LeaveRow = Record<string, string | number | boolean | null>;

function toShift(row: ShiftRow): Shift {
  return {
    id: row.id,
    month: row.month,
    date: row.date,
    kind: row.kind,
    ...(row.post !== null ? { post: row.post } : {}),
    engineer: row.engineer,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    version: row.version,
  };
}

function decisionOf(row: LeaveRow, side: 'court' | 'contractor') {
  if (row[`${side}_approved`] === null) return {};
  const decision: LeaveDecision = {
    // SQLite answers booleans as 0/1.
    approved: Boolean(row[`${side}_approved`]),
    by: String(row[`${side}_by`]),
    at: String(row[`${side}_at`]),
    ...(row[`${side}_reason`] !== null
      ? { reason: String(row[`${side}_reason`]) }
      : {}),
  };
  return { [side]: decision };
}

function toLeave(row: LeaveRow): Leave {
  return {
    id: String(row.id),
    engineer: String(row.engineer),
    from: String(row.from_date),
    to: String(row.to_date),
    reason: String(row.reason),
    status: row.status as LeaveStatus,
    requestedAt: String(row.requested_at),
    ...decisionOf(row, 'court'),
    ...decisionOf(row, 'contractor'),
    version: Number(row.version),
  };
}

function toSwap(row: Record<string, string | null>): Swap {
  const optional = (key: string, column: string) =>
    row[column] !== null ? { [key]: row[column] } : {};
  return {
    id: row.id!,
    shiftId: row.shift_id!,
    fromEngineer: row.from_engineer!,
    toEngineer: row.to_engineer!,
    ...optional('returnShiftId', 'return_shift_id'),
    ...optional('note', 'note'),
    status: row.status as SwapStatus,
    requestedAt: row.requested_at!,
    ...optional('decidedBy', 'decided_by'),
    ...optional('decidedAt', 'decided_at'),
    ...optional('reason', 'reason'),
  };
}

/**
 * The duty roster in the plugin's database (SQLite or PostgreSQL). A change to a month runs in
 * `transaction` after `lockMonth`, which bumps the roster's version: concurrent changes to one
 * month are serialised (a row lock on PostgreSQL), so the rules are checked on what is current.
 */
export class DutyStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DutyStore> {
    return DutyStore.fromKnex(await options.database.getClient(), {
      skipMigrations: options.skipMigrations,
    });
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<DutyStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: options.skipMigrations,
    });
    return new DutyStore(db);
  }

  transaction<T>(fn: (store: DutyStore) => Promise<T>): Promise<T> {
    return this.db.transaction(trx => fn(new DutyStore(trx)));
  }

  async roster(month: string): Promise<RosterRow | undefined> {
    const row = await this.db('duty_rosters').where({ month }).first();
    if (!row) return undefined;
    return {
      month: row.month,
      status: row.status,
      version: Number(row.version),
      generatedBy: row.generated_by,
      generatedAt: row.generated_at,
      ...(row.published_by
        ? { publishedBy: row.published_by, publishedAt: row.published_at }
        : {}),
    };
  }

  /** Bumps the month's version; throws NotFoundError for a month without a roster. */
  async lockMonth(month: string): Promise<void> {
    const updated = await this.db('duty_rosters')
      .where({ month })
      .increment('version', 1);
    if (!updated) throw new NotFoundError(`There is no roster for ${month}`);
  }

  /** A new draft, or a draft replacing the month's draft (never a published roster). */
  async saveGenerated(
    month: string,
    shifts: readonly Omit<Shift, 'version'>[],
    by: string,
    at: string,
    replace: boolean,
  ): Promise<void> {
    const existing = await this.roster(month);
    if (existing?.status === 'published') {
      throw new ConflictError(
        `The ${month} roster is published; edit its shifts instead of generating it again`,
      );
    }
    if (existing && !replace) {
      throw new ConflictError(
        `The ${month} roster exists; generate with replace to start its draft again`,
      );
    }
    if (existing) {
      await this.db('duty_shifts').where({ month }).delete();
      await this.db('duty_rosters')
        .where({ month })
        .update({
          version: existing.version + 1,
          generated_by: by,
          generated_at: at,
        });
    } else {
      await this.db('duty_rosters').insert({
        month,
        status: 'draft',
        version: 1,
        generated_by: by,
        generated_at: at,
      });
    }
    await this.insertShifts(shifts);
  }

  async insertShifts(shifts: readonly Omit<Shift, 'version'>[]) {
    const rows = shifts.map(s => ({
      id: s.id,
      month: s.month,
      date: s.date,
      kind: s.kind,
      post: s.post ?? null,
      engineer: s.engineer,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      version: 1,
    }));
    // SQLite's limit on bound variables.
    for (let i = 0; i < rows.length; i += 100) {
      await this.db('duty_shifts').insert(rows.slice(i, i + 100));
    }
  }

  async publish(month: string, by: string, at: string): Promise<void> {
    await this.db('duty_rosters')
      .where({ month })
      .update({ status: 'published', published_by: by, published_at: at });
  }

  async shiftsOfMonth(month: string): Promise<Shift[]> {
    const rows: ShiftRow[] = await this.db('duty_shifts')
      .where({ month })
      .orderBy(['starts_at', 'kind', 'post', 'id']);
    return rows.map(toShift);
  }

  /** Shifts whose date lies in [from, to]. */
  async shiftsBetween(from: string, to: string): Promise<Shift[]> {
    const rows: ShiftRow[] = await this.db('duty_shifts')
      .whereBetween('date', [from, to])
      .orderBy(['starts_at', 'kind', 'post', 'id']);
    return rows.map(toShift);
  }

  async shift(id: string): Promise<Shift | undefined> {
    const row: ShiftRow | undefined = await this.db('duty_shifts')
      .where({ id })
      .first();
    return row && toShift(row);
  }

  /** Names a shift's engineer; a stale `expectedVersion` is a conflict. */
  async setEngineer(
    id: string,
    engineer: string | null,
    expectedVersion?: number,
  ): Promise<Shift> {
    const query = this.db('duty_shifts').where({ id });
    if (expectedVersion !== undefined)
      query.andWhere({ version: expectedVersion });
    const updated = await query.update({
      engineer,
      version: this.db.raw('version + 1'),
    });
    if (!updated) {
      throw new ConflictError(
        `Shift ${id} was changed by someone else since version ${expectedVersion}; reload it`,
      );
    }
    return (await this.shift(id))!;
  }

  /** Shifts (with an engineer) running at `at`: started after `startedAfter`, not yet ended. */
  /**
   * The shifts with an engineer running at some moment from `from` (inclusive) to `to`
   * (exclusive); `startedAfter` bounds the index scan (no shift is longer than that).
   */
  async runningDuring(
    from: string,
    to: string,
    startedAfter: string,
  ): Promise<Shift[]> {
    const rows: ShiftRow[] = await this.db('duty_shifts')
      .where('starts_at', '<', to)
      .andWhere('starts_at', '>', startedAfter)
      .andWhere('ends_at', '>', from)
      .whereNotNull('engineer');
    return rows.map(toShift);
  }

  async shiftsOfEngineer(
    engineer: string,
    fromInstant: string,
    toInstant: string,
  ): Promise<Shift[]> {
    const rows: ShiftRow[] = await this.db('duty_shifts')
      .where({ engineer })
      .andWhere('starts_at', '>=', fromInstant)
      .andWhere('starts_at', '<', toInstant)
      .orderBy('starts_at');
    return rows.map(toShift);
  }

  async insertLeave(leave: Omit<Leave, 'version' | 'status'>): Promise<Leave> {
    await this.db('duty_leave').insert({
      id: leave.id,
      engineer: leave.engineer,
      from_date: leave.from,
      to_date: leave.to,
      reason: leave.reason,
      status: 'requested',
      requested_at: leave.requestedAt,
      version: 1,
    });
    return (await this.leave(leave.id))!;
  }

  async leave(id: string): Promise<Leave | undefined> {
    const row = await this.db('duty_leave').where({ id }).first();
    return row && toLeave(row);
  }

  async listLeave(filter: {
    status?: LeaveStatus;
    engineer?: string;
    overlapping?: { from: string; to: string };
  }): Promise<Leave[]> {
    const query = this.db('duty_leave').orderBy('from_date', 'desc');
    if (filter.status) query.where({ status: filter.status });
    if (filter.engineer) query.where({ engineer: filter.engineer });
    if (filter.overlapping) {
      query
        .where('from_date', '<=', filter.overlapping.to)
        .andWhere('to_date', '>=', filter.overlapping.from);
    }
    return (await query).map(toLeave);
  }

  /** Records one side's decision and the resulting status; a stale version is a conflict. */
  async decideLeave(
    leave: Leave,
    side: 'court' | 'contractor',
    decision: LeaveDecision,
    status: LeaveStatus,
  ): Promise<Leave> {
    const updated = await this.db('duty_leave')
      .where({ id: leave.id, version: leave.version })
      .update({
        [`${side}_approved`]: decision.approved,
        [`${side}_by`]: decision.by,
        [`${side}_at`]: decision.at,
        [`${side}_reason`]: decision.reason ?? null,
        status,
        version: leave.version + 1,
      });
    if (!updated) {
      throw new ConflictError(
        `Leave ${leave.id} was decided by someone else meanwhile; reload it`,
      );
    }
    return (await this.leave(leave.id))!;
  }

  async insertSwap(swap: Omit<Swap, 'status'>): Promise<Swap> {
    await this.db('duty_swaps').insert({
      id: swap.id,
      shift_id: swap.shiftId,
      from_engineer: swap.fromEngineer,
      to_engineer: swap.toEngineer,
      return_shift_id: swap.returnShiftId ?? null,
      note: swap.note ?? null,
      status: 'requested',
      requested_at: swap.requestedAt,
    });
    return (await this.swap(swap.id))!;
  }

  async swap(id: string): Promise<Swap | undefined> {
    const row = await this.db('duty_swaps').where({ id }).first();
    return row && toSwap(row);
  }

  async listSwaps(engineer?: string): Promise<Swap[]> {
    const query = this.db('duty_swaps').orderBy('requested_at', 'desc');
    if (engineer) {
      query.where(q =>
        q.where({ from_engineer: engineer }).orWhere({ to_engineer: engineer }),
      );
    }
    return (await query).map(toSwap);
  }

  /** Decides a swap still requested; a decided one is a conflict. */
  async decideSwap(
    id: string,
    status: SwapStatus,
    by: string,
    at: string,
    reason?: string,
  ): Promise<Swap> {
    const updated = await this.db('duty_swaps')
      .where({ id, status: 'requested' })
      .update({
        status,
        decided_by: by,
        decided_at: at,
        reason: reason ?? null,
      });
    if (!updated) throw new ConflictError(`Swap ${id} is already decided`);
    return (await this.swap(id))!;
  }

  async attendance(
    shiftIds: readonly string[],
  ): Promise<Map<string, AttendanceRow>> {
    const rows = [];
    for (let i = 0; i < shiftIds.length; i += 500) {
      rows.push(
        ...(await this.db('duty_attendance').whereIn(
          'shift_id',
          shiftIds.slice(i, i + 500),
        )),
      );
    }
    return new Map(
      rows.map(row => [
        row.shift_id,
        {
          shiftId: row.shift_id,
          engineer: row.engineer,
          checkedInAt: row.checked_in_at,
          ...(row.checked_out_at ? { checkedOutAt: row.checked_out_at } : {}),
          method: row.method,
        },
      ]),
    );
  }

  /** One check-in per shift: a second is a conflict, whichever replica took it. */
  async checkIn(row: AttendanceRow): Promise<void> {
    try {
      await this.db('duty_attendance').insert({
        shift_id: row.shiftId,
        engineer: row.engineer,
        checked_in_at: row.checkedInAt,
        method: row.method,
      });
    } catch (error) {
      if (
        await this.db('duty_attendance')
          .where({ shift_id: row.shiftId })
          .first()
      ) {
        throw new ConflictError(`Shift ${row.shiftId} is already checked in`);
      }
      throw error;
    }
  }

  async checkOut(shiftId: string, at: string): Promise<void> {
    const updated = await this.db('duty_attendance')
      .where({ shift_id: shiftId })
      .whereNull('checked_out_at')
      .update({ checked_out_at: at });
    if (!updated)
      throw new ConflictError(`Shift ${shiftId} is already checked out`);
  }

  /** The engineer's shift checked in and not yet out, if any. */
  async openCheckIn(engineer: string): Promise<AttendanceRow | undefined> {
    const row = await this.db('duty_attendance')
      .where({ engineer })
      .whereNull('checked_out_at')
      .orderBy('checked_in_at', 'desc')
      .first();
    return (
      row && {
        shiftId: row.shift_id,
        engineer,
        checkedInAt: row.checked_in_at,
        method: row.method,
      }
    );
  }

  /** Replaces the engineer's feed token (the old one stops working). */
  async setFeed(
    engineer: string,
    tokenSha256: string,
    at: string,
  ): Promise<void> {
    await this.db('duty_feeds')
      .insert({ engineer, token_sha256: tokenSha256, created_at: at })
      .onConflict('engineer')
      .merge();
  }

  async deleteFeed(engineer: string): Promise<boolean> {
    return (await this.db('duty_feeds').where({ engineer }).delete()) > 0;
  }

  async feedEngineer(tokenSha256: string): Promise<string | undefined> {
    const row = await this.db('duty_feeds')
      .where({ token_sha256: tokenSha256 })
      .first();
    return row?.engineer;
  }
}
