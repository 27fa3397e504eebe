import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AuditRowContent } from '@internal/plugin-audit-common';
import type { CourtClock } from '@internal/plugin-court-node';

/** Where the sink's rows go: the audit plugin's chain, one transaction per batch. */
export interface AuditWriter {
  append(rows: readonly AuditRowContent[]): Promise<unknown>;
}

/** An event that was initiated and has not yet succeeded or failed. */
export interface OpenAuditEvent {
  /** Queues the event's one row with its outcome. */
  close(row: AuditRowContent): void;
}

/** How long a failed write waits before the next attempt, doubling up to the last. */
const RETRY_MS = [200, 1_000, 5_000, 30_000];

/** Attempts a final flush makes on a stop before it gives the rows to the log. */
const FINAL_ATTEMPTS = 3;

/**
 * The root-scoped hand-off between every plugin's auditor and the audit plugin's store: a bounded
 * in-memory queue written in batches, off the request's path.
 *
 * Guarantee: an event is accepted once `open`/`accept` has returned; an accepted event is written
 * to the chain exactly once, in acceptance order, before the audit plugin has stopped (writes that
 * fail are retried; on a stop, rows that still cannot be written are logged at error level with
 * their full content). A full queue makes the auditor's caller wait (back pressure) rather than
 * drop. What the sink cannot cover: a crash (kill -9, power loss) loses the accepted events not yet
 * written, at most `capacity` and typically the last few milliseconds.
 */
export class AuditSink {
  private readonly queue: AuditRowContent[] = [];
  /** Initiated events: they hold a place in the bound until they close. */
  private readonly open = new Set<{ row: AuditRowContent }>();
  private readonly waiting: Array<() => void> = [];
  private writer?: AuditWriter;
  private writing?: Promise<void>;
  private failures = 0;
  private retryPending = false;
  /** After the root start without a writer (the audit plugin is not installed): log lines only. */
  private disabled = false;
  private stopped = false;

  constructor(
    private readonly options: {
      capacity: number;
      batchSize: number;
      clock: CourtClock;
      logger: LoggerService;
    },
  ) {}

  /** The court clock's instant, as rows store it. */
  now(): string {
    return this.options.clock.now().toUTC().toISO()!;
  }

  /** Events accepted and not yet written (initiated ones included). */
  get backlog(): number {
    return this.queue.length + this.open.size;
  }

  /** Accepts a finished event's row; waits while the queue is full. False once it cannot store it. */
  async accept(row: AuditRowContent): Promise<boolean> {
    if (!(await this.room())) return false;
    this.queue.push(row);
    this.kick();
    return true;
  }

  /**
   * Accepts an initiated event: its row is written when it closes with its outcome, or as
   * `initiated` if the audit plugin stops first. Undefined once the sink cannot store it.
   */
  async begin(row: AuditRowContent): Promise<OpenAuditEvent | undefined> {
    if (!(await this.room())) return undefined;
    const entry = { row };
    this.open.add(entry);
    return {
      close: closed => {
        if (!this.open.delete(entry)) {
          // Written as initiated by a stop; the outcome goes to the log only.
          this.options.logger.warn(
            `Audit event ${closed.plugin}.${closed.eventId} ${closed.outcome} after the audit trail stopped`,
          );
          return;
        }
        this.queue.push(closed);
        this.kick();
      },
    };
  }

  /** The audit plugin's store takes the rows from now on. */
  attach(writer: AuditWriter): void {
    this.writer = writer;
    this.disabled = false;
    this.stopped = false;
    this.kick();
  }

  /** Called once the backend has started: without a writer nothing would ever drain the queue. */
  started(): void {
    if (this.writer) return;
    this.disabled = true;
    this.options.logger.warn(
      `The audit plugin is not installed: auditor events are logged, not stored (${this.backlog} dropped)`,
    );
    this.queue.length = 0;
    this.open.clear();
    this.release();
  }

  /**
   * Writes everything accepted, initiated events that are still open as `initiated`, then stops
   * taking events (the audit plugin's shutdown).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.writer) return;
    for (const entry of this.open) this.queue.push(entry.row);
    this.open.clear();
    await this.writing;
    for (let attempt = 0; this.queue.length > 0; attempt++) {
      try {
        await this.writeBatch();
      } catch (error) {
        if (attempt + 1 >= FINAL_ATTEMPTS) {
          for (const row of this.queue.splice(0)) {
            this.options.logger.error(
              `Audit event not stored: ${JSON.stringify(row)}`,
            );
          }
          this.options.logger.error('The audit trail could not be written', {
            error: String(error),
          });
        }
      }
    }
    this.writer = undefined;
    this.release();
  }

  /**
   * Resolves when everything accepted so far is written, or waits for a retry on the court
   * clock (tests, benchmarks).
   */
  async drained(): Promise<void> {
    const pending = () =>
      this.queue.length > 0 && this.writer && !this.retryPending;
    while (pending() || this.writing) {
      await (this.writing ?? new Promise(r => setImmediate(r)));
    }
  }

  private usable(): boolean {
    return !this.disabled && !this.stopped;
  }

  private async room(): Promise<boolean> {
    while (this.usable() && this.backlog >= this.options.capacity) {
      await new Promise<void>(resolve => this.waiting.push(resolve));
    }
    return this.usable();
  }

  private release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Starts writing unless a write is under way: rows accepted meanwhile form the next batch. */
  private kick(): void {
    if (this.writing || this.retryPending || !this.writer) return;
    if (this.queue.length === 0) return;
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
    });
  }

  private async drain(): Promise<void> {
    // Let the rest of the current tick's events join the first batch.
    await new Promise(resolve => setImmediate(resolve));
    while (this.queue.length > 0 && this.writer && !this.stopped) {
      try {
        await this.writeBatch();
        this.failures = 0;
      } catch (error) {
        const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
        this.failures++;
        this.options.logger.error(
          `Writing the audit trail failed; ${this.queue.length} events wait, next attempt in ${delay} ms`,
          { error: String(error) },
        );
        this.retryPending = true;
        const { clock } = this.options;
        clock.wakeAt(clock.now().plus({ milliseconds: delay }), () => {
          this.retryPending = false;
          this.kick();
        });
        return;
      }
    }
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue.slice(0, this.options.batchSize);
    await this.writer!.append(batch);
    // Only now are they off the queue: a failed write keeps them for the next attempt.
    this.queue.splice(0, batch.length);
    this.release();
  }
}
