import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  AuditEvent,
  AuditRowContent,
  AuditVerification,
  canonicalJson,
  ChainLink,
  ChainRow,
  chainStart,
  ChainVerdict,
  ChainVerifier,
  CHECKPOINT_EVENT_ID,
  CheckpointMeta,
  sealRows,
  Sha256,
  unaccounted,
} from '@internal/plugin-audit-common';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-audit-backend',
  'migrations',
);

export const sha256: Sha256 = text =>
  createHash('sha256').update(text, 'utf8').digest('hex');

interface EventRow {
  seq: number | string;
  kind: 'event' | 'checkpoint';
  occurred_at: string;
  plugin: string;
  event_id: string;
  severity: string;
  outcome: string;
  actor: string | null;
  target: string | null;
  method: string | null;
  url: string | null;
  ip: string | null;
  meta: string | null;
  error: string | null;
  prev_hash: string;
  hash: string;
}

/** The audit page's filters, parsed; instants in UTC ISO. */
export interface EventFilter {
  readonly actor?: string;
  readonly plugin?: string;
  readonly target?: string;
  readonly action?: string;
  readonly outcome?: string;
  readonly from?: string;
  readonly to?: string;
}

/** Rows read per page while verifying: bounded memory on any chain length. */
const VERIFY_PAGE = 5_000;
/** Rows per INSERT: well under SQLite's bound-variable limit. */
const INSERT_CHUNK = 200;

function toChainRow(row: EventRow): ChainRow {
  return {
    seq: Number(row.seq),
    kind: row.kind,
    occurredAt: row.occurred_at,
    plugin: row.plugin,
    eventId: row.event_id,
    severity: row.severity,
    outcome: row.outcome,
    actor: row.actor,
    target: row.target,
    method: row.method,
    url: row.url,
    ip: row.ip,
    meta: row.meta,
    error: row.error,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toEvent(row: EventRow): AuditEvent {
  let meta: unknown = null;
  try {
    meta = row.meta ? JSON.parse(row.meta) : null;
  } catch {
    // A row altered into bad JSON still shows; verify names it.
    meta = row.meta;
  }
  return {
    seq: Number(row.seq),
    kind: row.kind,
    occurredAt: row.occurred_at,
    plugin: row.plugin,
    eventId: row.event_id,
    severity: row.severity,
    outcome: row.outcome,
    actor: row.actor,
    target: row.target,
    method: row.method,
    url: row.url,
    ip: row.ip,
    meta,
    error: row.error,
  };
}

function toDbRow(row: ChainRow): EventRow {
  return {
    seq: row.seq,
    kind: row.kind,
    occurred_at: row.occurredAt,
    plugin: row.plugin,
    event_id: row.eventId,
    severity: row.severity,
    outcome: row.outcome,
    actor: row.actor,
    target: row.target,
    method: row.method,
    url: row.url,
    ip: row.ip,
    meta: row.meta,
    error: row.error,
    prev_hash: row.prevHash,
    hash: row.hash,
  };
}

function encodeCursor(row: { occurredAt: string; seq: number }): string {
  return Buffer.from(JSON.stringify([row.occurredAt, row.seq])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      Number.isSafeInteger(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InputError('query.cursor: is not a cursor this list gave');
}

/** The audit trail in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseAuditStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseAuditStore> {
    return DatabaseAuditStore.fromKnex(await options.database.getClient(), {
      skipMigrations: options.skipMigrations,
    });
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<DatabaseAuditStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseAuditStore(db);
  }

  /**
   * Appends rows to the chain in one transaction. The head row is updated first, so its row lock
   * (PostgreSQL) or the write lock (SQLite) makes concurrent writers, such as two replicas, queue
   * here: the chain stays one.
   */
  async append(rows: readonly AuditRowContent[]): Promise<ChainRow[]> {
    if (rows.length === 0) return [];
    return this.db.transaction(async trx => {
      const head = await this.lockHead(trx);
      const sealed = sealRows(head, rows, sha256);
      for (let i = 0; i < sealed.length; i += INSERT_CHUNK) {
        await trx('audit_events').insert(
          sealed.slice(i, i + INSERT_CHUNK).map(toDbRow),
        );
      }
      const last = sealed[sealed.length - 1];
      await trx('audit_chain_head')
        .where({ id: 1 })
        .update({ last_seq: last.seq, last_hash: last.hash });
      return sealed;
    });
  }

  /**
   * The chain's head, locked until the transaction ends (a no-op update takes PostgreSQL's row
   * lock; SQLite's write lock is the file's): one statement, the head as the update left it.
   */
  private async lockHead(trx: Knex.Transaction): Promise<ChainLink> {
    const [row] = await trx('audit_chain_head')
      .where({ id: 1 })
      .update({ last_seq: trx.ref('last_seq') }, ['last_seq', 'last_hash']);
    return { seq: Number(row.last_seq), hash: row.last_hash };
  }

  async head(): Promise<ChainLink> {
    const row = await this.db('audit_chain_head').where({ id: 1 }).first();
    return { seq: Number(row.last_seq), hash: row.last_hash };
  }

  private filtered(filter: EventFilter) {
    const query = this.db<EventRow>('audit_events');
    if (filter.actor) query.where('actor', filter.actor);
    if (filter.plugin) query.where('plugin', filter.plugin);
    if (filter.target) query.where('target', filter.target);
    if (filter.action) query.where('event_id', filter.action);
    if (filter.outcome) query.where('outcome', filter.outcome);
    if (filter.from) query.where('occurred_at', '>=', filter.from);
    if (filter.to) query.where('occurred_at', '<', filter.to);
    return query;
  }

  /** A page of events, newest first. */
  async list(
    filter: EventFilter,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: AuditEvent[]; nextCursor?: string }> {
    const query = this.filtered(filter)
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'seq', order: 'desc' },
      ])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, seq] = decodeCursor(page.cursor);
      query.where(q =>
        q
          .where('occurred_at', '<', at)
          .orWhere(q2 => q2.where('occurred_at', at).where('seq', '<', seq)),
      );
    }
    const rows = (await query) as EventRow[];
    const items = rows.slice(0, page.limit).map(toEvent);
    return rows.length > page.limit
      ? { items, nextCursor: encodeCursor(items[items.length - 1]) }
      : { items };
  }

  /**
   * Verifies the whole chain, page by page, up to the head the writers recorded when it began
   * (rows appended meanwhile are the next verification's).
   */
  async verify(): Promise<ChainVerdict> {
    const head = await this.head();
    const first = await this.db<EventRow>('audit_events')
      .orderBy('seq', 'asc')
      .first();
    const checkpoint = await this.db<EventRow>('audit_events')
      .where('kind', 'checkpoint')
      .where('seq', '<=', head.seq)
      .orderBy('seq', 'desc')
      .first();
    const firstRow = first && toChainRow(first);
    const latest = checkpoint && toChainRow(checkpoint);
    const start = chainStart(firstRow, latest);
    if (!start) return unaccounted(firstRow!, latest);
    const verifier = new ChainVerifier(start, sha256);
    let after = start.seq;
    for (;;) {
      const rows = (await this.db<EventRow>('audit_events')
        .where('seq', '>', after)
        .where('seq', '<=', head.seq)
        .orderBy('seq', 'asc')
        .limit(VERIFY_PAGE)) as EventRow[];
      for (const row of rows) {
        if (!verifier.push(toChainRow(row))) return verifier.finish(head);
      }
      if (rows.length < VERIFY_PAGE) break;
      after = Number(rows[rows.length - 1].seq);
    }
    return verifier.finish(head);
  }

  /**
   * Prunes the rows before `cutoff` (the oldest rows up to the first one kept), behind a
   * checkpoint row appended to the chain that records the last pruned row's hash. Returns how
   * many rows went.
   */
  async prune(cutoff: string, at: string): Promise<number> {
    return this.db.transaction(async trx => {
      const head = await this.lockHead(trx);
      const firstKept = await trx('audit_events')
        .where('occurred_at', '>=', cutoff)
        .min({ seq: 'seq' })
        .first();
      const through =
        firstKept?.seq === null || firstKept?.seq === undefined
          ? head.seq
          : Number(firstKept.seq) - 1;
      const oldest = await trx('audit_events').min({ seq: 'seq' }).first();
      if (
        oldest?.seq === null ||
        oldest?.seq === undefined ||
        through < Number(oldest.seq)
      ) {
        return 0;
      }
      const last = await trx('audit_events').where('seq', through).first();
      const pruned = through - Number(oldest.seq) + 1;
      const meta: CheckpointMeta = { through, hash: last.hash, pruned };
      const [checkpoint] = sealRows(
        head,
        [
          {
            kind: 'checkpoint',
            occurredAt: at,
            plugin: 'audit',
            eventId: CHECKPOINT_EVENT_ID,
            severity: 'medium',
            outcome: 'succeeded',
            actor: 'plugin:audit',
            target: null,
            method: null,
            url: null,
            ip: null,
            meta: canonicalJson(meta),
            error: null,
          },
        ],
        sha256,
      );
      await trx('audit_events').insert(toDbRow(checkpoint));
      await trx('audit_chain_head')
        .where({ id: 1 })
        .update({ last_seq: checkpoint.seq, last_hash: checkpoint.hash });
      await trx('audit_events').where('seq', '<=', through).delete();
      return pruned;
    });
  }

  /** Claims a court day's check for this replica; false if another claimed it first. */
  async claimDay(day: string, at: string): Promise<boolean> {
    try {
      await this.db('audit_daily_checks').insert({ day, claimed_at: at });
      return true;
    } catch (error) {
      const claimed = await this.db('audit_daily_checks')
        .where({ day })
        .first();
      if (claimed) return false;
      throw error;
    }
  }

  async saveVerification(
    verification: AuditVerification,
    checkedBy: string,
  ): Promise<void> {
    const { verdict } = verification;
    await this.db('audit_verifications').insert({
      checked_at: verification.checkedAt,
      checked_by: checkedBy,
      ok: verdict.ok,
      rows: verdict.rows,
      first_bad_seq: verdict.ok ? null : verdict.firstBadSeq,
      reason: verdict.ok ? null : verdict.reason,
      head_seq: verdict.ok ? verdict.head.seq : null,
      head_hash: verdict.ok ? verdict.head.hash : null,
    });
  }

  async lastVerification(): Promise<AuditVerification | undefined> {
    const row = await this.db('audit_verifications')
      .orderBy('id', 'desc')
      .first();
    if (!row) return undefined;
    const rows = Number(row.rows);
    const verdict: ChainVerdict =
      row.ok === true || row.ok === 1
        ? {
            ok: true,
            rows,
            head: { seq: Number(row.head_seq), hash: row.head_hash },
          }
        : {
            ok: false,
            rows,
            firstBadSeq: Number(row.first_bad_seq),
            reason: row.reason,
          };
    return { checkedAt: row.checked_at, verdict };
  }

  /** The filtered events for an export, newest first, at most `limit`. */
  async exportRows(filter: EventFilter, limit: number): Promise<AuditEvent[]> {
    const rows = (await this.filtered(filter)
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'seq', order: 'desc' },
      ])
      .limit(limit)) as EventRow[];
    return rows.map(toEvent);
  }
}
