import type { Knex } from 'knex';
import { isSqlite } from './storeDatabase';

/** The most writes one commit carries; the rest wait for the next. */
const MAX_GROUP = 64;

interface Queued {
  readonly work: (trx: Knex.Transaction) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One commit for the writes that arrive in the same turn of the event loop, or while the
 * previous commit runs (group commit). On SQLite with `synchronous` FULL every commit is an
 * fsync, and the one connection takes writes one at a time: a burst of filings spent half its
 * SQL time in fsyncs (docs/operations.md). Each write runs in a savepoint of the shared
 * transaction, so one that fails leaves the others' rows alone; none is answered before the
 * commit that holds it has succeeded, and if that commit fails every write in it fails.
 */
export class GroupCommit {
  private readonly queue: Queued[] = [];
  private draining = false;

  constructor(
    private readonly db: Knex,
    private readonly maxGroup = MAX_GROUP,
  ) {}

  /** Runs `work` in its own savepoint; resolves once the group's commit is durable. */
  run<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        work,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.draining) {
        this.draining = true;
        // Wait for the event loop's turn: on better-sqlite3 a filing's transaction runs start to
        // end in microtasks, so without this no other filing ever queued behind it (groups of
        // one in a 10-connection burst; 4.6 on average with it).
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        const outcomes: Array<
          { ok: true; value: unknown } | { ok: false; error: unknown }
        > = [];
        try {
          await this.db.transaction(async trx => {
            for (const { work } of group) {
              try {
                outcomes.push({ ok: true, value: await trx.transaction(work) });
              } catch (error) {
                outcomes.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          // Only BEGIN or COMMIT fails here (every write's own error is caught above). When
          // COMMIT itself fails on SQLite (a deferred constraint), knex leaves the transaction
          // open on the one connection: end it, or a later commit would carry these rows.
          if (isSqlite(this.db)) {
            await this.db.raw('ROLLBACK').catch(() => undefined);
          }
          group.forEach(queued => queued.reject(error));
          continue;
        }
        group.forEach((queued, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) queued.resolve(outcome.value);
          else queued.reject(outcome.error);
        });
      }
    } finally {
      this.draining = false;
    }
  }
}
