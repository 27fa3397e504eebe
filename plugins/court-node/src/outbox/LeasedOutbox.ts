import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { DateTime } from 'luxon';
import { CancelWakeUp, CourtClock } from '../clock';

/**
 * A plugin's knex client, as Backstage's database service gives it (a transaction is one too);
 * named through the service so that this layer needs no knex of its own.
 */
export type OutboxDatabase = Awaited<ReturnType<DatabaseService['getClient']>>;

/** Something to deliver after the transaction that wrote it has committed. */
export interface OutboxMessage<P> {
  /** Unique and stable: delivering the same id twice must have the effect of once. */
  readonly id: string;
  readonly payload: P;
}

/** A claimed message, with how often it was claimed before. */
export interface ClaimedMessage<P> extends OutboxMessage<P> {
  readonly attempts: number;
}

export interface LeasedOutboxOptions<P> {
  db: OutboxDatabase;
  /**
   * The plugin's outbox table, made by its own migration with the columns `id` (string,
   * primary key), `payload` (text, JSON), `due_at` (string, an ISO instant in
   * UTC, indexed) and `attempts` (integer, default 0).
   */
  table: string;
  clock: CourtClock;
  logger: LoggerService;
  /**
   * Sends one message. It may run more than once for the same message (a replica that sent and
   * died before marking it is followed by another after the lease), so what it does must be
   * idempotent by the message's id.
   */
  deliver: (message: ClaimedMessage<P>) => Promise<void>;
  /** How long a claim keeps other workers off a message; longer than a delivery takes. */
  leaseSeconds?: number;
  /** Messages claimed per round. */
  batch?: number;
  /**
   * Looks again after this long when nothing of its own is due (default 300): for messages another
   * replica queued, deferred or held and then died with. A short period costs a query a period on
   * every replica, and a court-clock jump in a test fires every period it passes.
   */
  idleSeconds?: number;
}

/** UTC ISO instants with milliseconds: one width, so they compare as strings on every database. */
const iso = (at: DateTime) => at.toUTC().toISO()!;

/**
 * Marks items done with one statement for all that finish while the previous one runs: each
 * message leaves the outbox as soon as it was sent (not when its whole batch was), and a burst
 * of sends costs a few deletes, not one commit each.
 */
class Coalescing<T> {
  private pending: T[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly apply: (items: T[]) => Promise<unknown>) {}

  /** Resolves once a statement that included `item` has completed. */
  async done(item: T): Promise<void> {
    this.pending.push(item);
    // A round already under way was started without `item`: wait it out, then start the next.
    while (this.pending.includes(item)) {
      this.running ??= this.round().finally(() => {
        this.running = undefined;
      });
      await this.running;
    }
  }

  private async round(): Promise<void> {
    const items = this.pending;
    this.pending = [];
    await this.apply(items);
  }
}

/**
 * An outbox with a lease, the court's one way to do work after a commit, at least once, on
 * whichever replica gets there first. `enqueue` writes messages in the caller's transaction, so
 * they exist exactly when what they announce does. The worker claims due messages by moving their
 * due instant to the end of a lease (a compare-and-set on each row, so one claimant wins across
 * replicas), delivers each, and deletes it once sent if it still holds the lease; a failed delivery is
 * due again after a backoff, and a worker that died mid-delivery loses its claim when the lease
 * runs out. Wakes when poked after a commit, at the next due instant, and every `idleSeconds`.
 */
export class LeasedOutbox<P> {
  private readonly leaseSeconds: number;
  private readonly batch: number;
  private readonly idleSeconds: number;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private wakeUp: CancelWakeUp | undefined;

  constructor(private readonly options: LeasedOutboxOptions<P>) {
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.batch = options.batch ?? 50;
    this.idleSeconds = options.idleSeconds ?? 300;
  }

  /** Writes `messages` in `trx`, due at once; a message whose id is queued already is kept as it is. */
  async enqueue(
    trx: OutboxDatabase,
    messages: readonly OutboxMessage<P>[],
  ): Promise<void> {
    if (messages.length === 0) return;
    const dueAt = iso(this.options.clock.now());
    await trx(this.options.table)
      .insert(
        messages.map(m => ({
          id: m.id,
          payload: JSON.stringify(m.payload),
          due_at: dueAt,
          attempts: 0,
        })),
      )
      .onConflict('id')
      .ignore();
  }

  /** Starts the worker: it delivers what is due now, then sleeps until more is. */
  start(): void {
    this.stopped = false;
    this.poke();
  }

  /** Stops waking up; resolves when the round in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.running;
  }

  /** Something was enqueued (and committed): deliver it now; a poke during a round runs another. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => this.schedule())
      .catch(error =>
        this.options.logger.error(`${this.options.table}: ${error}`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Delivers every message due now that no one else holds (one worker's rounds, for tests too). */
  async drain(): Promise<void> {
    for (;;) {
      this.again = false;
      const claimed = await this.claim();
      if (claimed.length === 0) return;
      const { db, table } = this.options;
      // Only while the lease is ours: after it ran out another worker may hold the message.
      const delivered = new Coalescing<string>(ids =>
        db(table).whereIn('id', ids).where('due_at', claimed[0].lease).delete(),
      );
      await Promise.all(
        claimed.map(async m => {
          if (await this.deliverOne(m)) await delivered.done(m.id);
        }),
      );
    }
  }

  /**
   * Claims up to a batch of due messages in one statement: each row is taken by one claimant
   * only. The outer `due_at <= now` is the compare-and-set: a row another claimant leased (its
   * due instant moved past now) or delivered (gone) is not taken, and PostgreSQL checks it again
   * on the row once it holds its lock. One write for the batch, not one per message: on SQLite
   * each was a commit of its own.
   */
  private async claim(): Promise<(ClaimedMessage<P> & { lease: string })[]> {
    const { db, table, clock } = this.options;
    const at = clock.now();
    const now = iso(at);
    const lease = iso(at.plus({ seconds: this.leaseSeconds }));
    const taken: { id: string; payload: string; attempts: number | string }[] =
      await db(table)
        .whereIn(
          'id',
          db(table)
            .select('id')
            .where('due_at', '<=', now)
            .orderBy('due_at')
            .limit(this.batch),
        )
        .where('due_at', '<=', now)
        .update({ due_at: lease, attempts: db.raw('?? + 1', ['attempts']) }, [
          'id',
          'payload',
          'attempts',
        ]);
    return taken.map(row => ({
      id: row.id,
      payload: JSON.parse(row.payload) as P,
      attempts: Number(row.attempts) - 1,
      lease,
    }));
  }

  /** Sends `message`; false when it failed and was put back for later. */
  private async deliverOne(
    message: ClaimedMessage<P> & { lease: string },
  ): Promise<boolean> {
    const { db, table, clock, logger } = this.options;
    const { lease, ...delivered } = message;
    try {
      await this.options.deliver(delivered);
    } catch (error) {
      // Back off 1, 2, 4 ... up to 30 minutes; the message stays queued.
      const minutes = Math.min(30, 2 ** message.attempts);
      logger.warn(
        `${table}: ${message.id} failed, again in ${minutes} min: ${error}`,
      );
      await db(table)
        .where({ id: message.id, due_at: lease })
        .update({ due_at: iso(clock.now().plus({ minutes })) });
      return false;
    }
    return true;
  }

  /** Sleeps until the next message or lease falls due, or `idleSeconds`. */
  private async schedule(): Promise<void> {
    if (this.stopped) return;
    const { db, table, clock } = this.options;
    const [row] = await db(table).min({ next: 'due_at' });
    const idle = clock.now().plus({ seconds: this.idleSeconds });
    const next = row?.next ? DateTime.fromISO(String(row.next)) : undefined;
    const at = next && next < idle ? next : idle;
    this.wakeUp?.();
    this.wakeUp = clock.wakeAt(at, () => this.poke());
  }
}
