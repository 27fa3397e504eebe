import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  AccessUse,
  EngineerRecord,
  GrantDecision,
  GrantScope,
  Qualification,
} from '@internal/plugin-access-common';
import { Knex } from 'knex';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-access-backend',
  'migrations',
);

/** A grant as stored: its state follows from `decision` and the clock. */
export interface StoredGrant {
  readonly id: string;
  readonly entityRef: string;
  readonly ownerRef?: string;
  readonly ticket: string;
  readonly scopes: readonly GrantScope[];
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly decision: GrantDecision;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly note?: string;
  readonly verificationCode: string;
  readonly revision: number;
}

export interface GrantFilter {
  readonly ticket?: string;
  readonly entityRef?: string;
  readonly requestedBy?: string;
  /** Only grants these may see: requested by `userRef` or on a device one of `ownerRefs` owns. */
  readonly visibleTo?: { userRef: string; ownerRefs: readonly string[] };
  /** Grants whose window overlaps [from, to). */
  readonly overlapping?: { from: string; to: string };
  /** Grants whose window has not ended at this instant. */
  readonly notEndedAt?: string;
}

interface GrantRow {
  id: string;
  entity_ref: string;
  owner_ref: string | null;
  ticket: string;
  scopes: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  starts_at: string;
  ends_at: string;
  decision: GrantDecision;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  verification_code: string;
  revision: number;
}

interface UseRow {
  id: string;
  grant_id: string;
  engineer: string;
  started_at: string;
  ended_at: string | null;
  refused: boolean | number;
  flag: string | null;
}

interface EngineerRow {
  user_ref: string;
  name: string;
  employer: string;
  posts: string;
  qualifications: string;
  confidentiality_signed_on: string | null;
  approved_by: string | null;
  approved_at: string | null;
  suspended_by: string | null;
  suspended_at: string | null;
  suspension_reason: string | null;
  revision: number;
  updated_at: string;
  updated_by: string;
}

/** Fields of an engineer's record as the store writes them (absent = cleared). */
export type EngineerFields = Omit<EngineerRecord, 'revision'>;

const optional = <T>(value: T | null): T | undefined => value ?? undefined;

function toGrant(row: GrantRow): StoredGrant {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    ownerRef: optional(row.owner_ref),
    ticket: row.ticket,
    scopes: JSON.parse(row.scopes),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    decision: row.decision,
    decidedBy: optional(row.decided_by),
    decidedAt: optional(row.decided_at),
    note: optional(row.note),
    verificationCode: row.verification_code,
    revision: row.revision,
  };
}

function toUse(row: UseRow): AccessUse {
  return {
    id: row.id,
    grantId: row.grant_id,
    engineer: row.engineer,
    startedAt: row.started_at,
    endedAt: optional(row.ended_at),
    refused: Boolean(row.refused),
    flag: optional(row.flag),
  };
}

function toEngineer(row: EngineerRow): EngineerRecord {
  return {
    userRef: row.user_ref,
    name: row.name,
    employer: row.employer,
    posts: JSON.parse(row.posts),
    qualifications: JSON.parse(row.qualifications) as Qualification[],
    confidentialitySignedOn: optional(row.confidentiality_signed_on),
    approvedBy: optional(row.approved_by),
    approvedAt: optional(row.approved_at),
    suspendedBy: optional(row.suspended_by),
    suspendedAt: optional(row.suspended_at),
    suspensionReason: optional(row.suspension_reason),
    revision: row.revision,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function engineerRow(record: EngineerFields) {
  return {
    name: record.name,
    employer: record.employer,
    posts: JSON.stringify(record.posts),
    qualifications: JSON.stringify(record.qualifications),
    confidentiality_signed_on: record.confidentialitySignedOn ?? null,
    approved_by: record.approvedBy ?? null,
    approved_at: record.approvedAt ?? null,
    suspended_by: record.suspendedBy ?? null,
    suspended_at: record.suspendedAt ?? null,
    suspension_reason: record.suspensionReason ?? null,
    updated_at: record.updatedAt,
    updated_by: record.updatedBy,
  };
}

/** Grants, uses and engineers' records in the plugin's database (SQLite or PostgreSQL). */
export class AccessStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<AccessStore> {
    return AccessStore.fromKnex(await options.database.getClient(), {
      skipMigrations: options.skipMigrations,
    });
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<AccessStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: options.skipMigrations,
    });
    return new AccessStore(db);
  }

  async insertGrant(grant: StoredGrant): Promise<void> {
    await this.db<GrantRow>('access_grants').insert({
      id: grant.id,
      entity_ref: grant.entityRef,
      owner_ref: grant.ownerRef ?? null,
      ticket: grant.ticket,
      scopes: JSON.stringify(grant.scopes),
      reason: grant.reason,
      requested_by: grant.requestedBy,
      requested_at: grant.requestedAt,
      starts_at: grant.startsAt,
      ends_at: grant.endsAt,
      decision: grant.decision,
      decided_by: null,
      decided_at: null,
      note: null,
      verification_code: grant.verificationCode,
      revision: grant.revision,
    });
  }

  async getGrant(id: string): Promise<StoredGrant | undefined> {
    const row = await this.db<GrantRow>('access_grants').where({ id }).first();
    return row ? toGrant(row) : undefined;
  }

  async listGrants(filter: GrantFilter): Promise<StoredGrant[]> {
    const query = this.db<GrantRow>('access_grants');
    if (filter.ticket) query.where('ticket', filter.ticket);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.requestedBy) query.where('requested_by', filter.requestedBy);
    if (filter.overlapping) {
      query
        .where('starts_at', '<', filter.overlapping.to)
        .where('ends_at', '>', filter.overlapping.from);
    }
    if (filter.notEndedAt) query.where('ends_at', '>', filter.notEndedAt);
    const visible = filter.visibleTo;
    if (visible) {
      query.where(q => {
        q.where('requested_by', visible.userRef);
        if (visible.ownerRefs.length > 0) {
          q.orWhereIn('owner_ref', [...visible.ownerRefs]);
        }
      });
    }
    const rows = await query.orderBy([
      { column: 'starts_at', order: 'desc' },
      { column: 'id' },
    ]);
    return rows.map(toGrant);
  }

  /**
   * Records a decision if the grant is still at `revision` and `from`; a
   * concurrent step that came first wins and this one is a conflict.
   */
  async decide(
    id: string,
    expected: { revision: number; decision: GrantDecision },
    change: {
      decision: GrantDecision;
      by: string;
      at: string;
      note?: string;
    },
  ): Promise<void> {
    const updated = await this.db<GrantRow>('access_grants')
      .where({ id, revision: expected.revision, decision: expected.decision })
      .update({
        decision: change.decision,
        decided_by: change.by,
        decided_at: change.at,
        note: change.note ?? null,
        revision: expected.revision + 1,
      });
    if (updated !== 1) {
      throw new ConflictError(
        `body.revision: grant ${id} was changed by someone else; reload it`,
      );
    }
  }

  async insertUse(use: AccessUse): Promise<void> {
    await this.db<UseRow>('access_uses').insert({
      id: use.id,
      grant_id: use.grantId,
      engineer: use.engineer,
      started_at: use.startedAt,
      ended_at: use.endedAt ?? null,
      refused: use.refused,
      flag: use.flag ?? null,
    });
  }

  async getUse(grantId: string, id: string): Promise<AccessUse | undefined> {
    const row = await this.db<UseRow>('access_uses')
      .where({ id, grant_id: grantId })
      .first();
    return row ? toUse(row) : undefined;
  }

  /** Ends an open use once: false when it had already ended. */
  async endUse(
    id: string,
    endedAt: string,
    flag: string | undefined,
  ): Promise<boolean> {
    const updated = await this.db<UseRow>('access_uses')
      .where({ id, refused: false })
      .whereNull('ended_at')
      .update({ ended_at: endedAt, ...(flag ? { flag } : {}) });
    return updated === 1;
  }

  async usesOf(grantIds: readonly string[]): Promise<Map<string, AccessUse[]>> {
    const byGrant = new Map<string, AccessUse[]>();
    // PostgreSQL and SQLite limit bound parameters; a month's grants fit many times over.
    for (let i = 0; i < grantIds.length; i += 500) {
      const rows = await this.db<UseRow>('access_uses')
        .whereIn('grant_id', grantIds.slice(i, i + 500))
        .orderBy([{ column: 'started_at' }, { column: 'id' }]);
      for (const row of rows) {
        const list = byGrant.get(row.grant_id) ?? [];
        list.push(toUse(row));
        byGrant.set(row.grant_id, list);
      }
    }
    return byGrant;
  }

  async listEngineers(): Promise<EngineerRecord[]> {
    const rows = await this.db<EngineerRow>('access_engineers').orderBy(
      'user_ref',
    );
    return rows.map(toEngineer);
  }

  async getEngineer(userRef: string): Promise<EngineerRecord | undefined> {
    const row = await this.db<EngineerRow>('access_engineers')
      .where({ user_ref: userRef })
      .first();
    return row ? toEngineer(row) : undefined;
  }

  /** The records of those of `userRefs` that have one, in one query. */
  async getEngineers(
    userRefs: readonly string[],
  ): Promise<Map<string, EngineerRecord>> {
    const rows = userRefs.length
      ? await this.db<EngineerRow>('access_engineers').whereIn('user_ref', [
          ...userRefs,
        ])
      : [];
    return new Map(rows.map(row => [row.user_ref, toEngineer(row)]));
  }

  /** @returns false when the engineer already has a record. */
  async insertEngineer(record: EngineerFields): Promise<boolean> {
    const inserted = await this.db<EngineerRow>('access_engineers')
      .insert({ user_ref: record.userRef, ...engineerRow(record), revision: 1 })
      .onConflict('user_ref')
      .ignore()
      .returning('user_ref');
    return inserted.length === 1;
  }

  /** Writes the record if it is still at `revision`. */
  async updateEngineer(
    record: EngineerFields,
    revision: number,
  ): Promise<void> {
    const updated = await this.db<EngineerRow>('access_engineers')
      .where({ user_ref: record.userRef, revision })
      .update({ ...engineerRow(record), revision: revision + 1 });
    if (updated !== 1) {
      throw new ConflictError(
        `body.revision: the record of ${record.userRef} was changed by someone else; reload it`,
      );
    }
  }

  async deleteEngineer(userRef: string): Promise<boolean> {
    return (
      (await this.db<EngineerRow>('access_engineers')
        .where({ user_ref: userRef })
        .delete()) === 1
    );
  }
}
