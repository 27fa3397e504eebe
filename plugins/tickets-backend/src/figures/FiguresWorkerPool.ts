import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { Knex } from 'knex';
import { Worker } from 'node:worker_threads';
import type { FiguresJob, FiguresWorkerReply } from './figuresAnswer';

/**
 * Runs in a new worker: loads the worker module, and, when the backend runs from its
 * TypeScript sources without their transform in the thread (a Jest test), that transform first.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
if (workerData.transform && !require.extensions['.ts']) require(workerData.transform);
require(workerData.entry);
`;

interface Slot {
  readonly worker: Worker;
  job?: Pending;
  idleTimer?: NodeJS.Timeout;
}

interface Pending {
  readonly job: FiguresJob;
  resolve(json: string): void;
  reject(error: Error): void;
}

/**
 * A period's figures computed on worker threads, each with its own connection to the tickets
 * database. A month is a few hundred milliseconds of reading and maths, and a report asks for
 * two periods at once: on the backend's own thread they ran one after the other and held up
 * every other request (a filing, the breach watch) meanwhile. Workers start when asked and end
 * after a minute without work, which also hands their memory back.
 */
export class FiguresWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private stopped = false;

  constructor(
    private readonly options: {
      /** The workers' own connection (workerDatabaseConfig). */
      database: Knex.Config;
      size: number;
      /** A worker's heap limit (tickets.figures.workerMemoryMb). */
      memoryMb: number;
      logger: LoggerService;
      idleMs?: number;
    },
  ) {}

  /** The job's answer as JSON (figuresAnswer), from the next free worker. */
  answer(job: FiguresJob): Promise<string> {
    if (this.stopped) {
      return Promise.reject(
        new ServiceUnavailableError('the tickets backend is stopping'),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const pending of this.queue.splice(0)) {
      pending.reject(
        new ServiceUnavailableError('the tickets backend stopped'),
      );
    }
    await Promise.all(this.slots.map(slot => slot.worker.terminate()));
  }

  private dispatch() {
    while (this.queue.length > 0) {
      const slot =
        this.slots.find(s => !s.job) ??
        (this.slots.length < this.options.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.queue.shift()!;
      clearTimeout(slot.idleTimer);
      slot.job = pending;
      slot.worker.postMessage(pending.job);
    }
  }

  private spawn(): Slot {
    const entry = require.resolve(
      '@internal/plugin-tickets-backend/figuresWorker',
    );
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: {
        entry,
        transform: entry.endsWith('.ts')
          ? require.resolve('@backstage/cli-node/config/nodeTransform.cjs')
          : undefined,
        database: this.options.database,
      },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (reply: FiguresWorkerReply) => {
      const pending = slot.job;
      slot.job = undefined;
      if ('json' in reply) pending?.resolve(reply.json);
      else pending?.reject(new Error(reply.error));
      slot.idleTimer = setTimeout(
        () => this.retire(slot),
        this.options.idleMs ?? 60_000,
      );
      slot.idleTimer.unref();
      this.dispatch();
    });
    let failure: Error | undefined;
    worker.on('error', error => {
      failure = error;
      this.options.logger.error(`a figures worker failed: ${error}`);
    });
    worker.on('exit', code => {
      this.retire(slot);
      if (slot.job) {
        const outOfMemory =
          (failure as { code?: string } | undefined)?.code ===
          'ERR_WORKER_OUT_OF_MEMORY';
        slot.job.reject(
          new ServiceUnavailableError(
            outOfMemory
              ? `the figures of ${slot.job.job.period.from}..${slot.job.job.period.to} need more memory than tickets.figures.workerMemoryMb (${this.options.memoryMb} MB)`
              : `the figures worker stopped (exit code ${code}) before it answered: ${failure}`,
          ),
        );
      }
      if (!this.stopped) this.dispatch();
    });
    return slot;
  }

  /** Out of the pool at once, so no job is given to a worker that is ending. */
  private retire(slot: Slot) {
    clearTimeout(slot.idleTimer);
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
  }
}

/**
 * A worker's own connection to the database `db` is on: the same SQLite file read-only, or the
 * same PostgreSQL database. Undefined when no other thread can reach it (an in-memory SQLite,
 * a connection given as a function); the figures are then computed on the backend's thread.
 */
export function workerDatabaseConfig(db: Knex): Knex.Config | undefined {
  const { client, connection, searchPath } = db.client.config as Knex.Config;
  if (!connection || typeof connection === 'function') return undefined;
  if (String(client).includes('sqlite')) {
    const { filename } = connection as { filename?: string };
    if (
      !filename ||
      filename === ':memory:' ||
      filename.includes('mode=memory')
    ) {
      return undefined;
    }
    return {
      client: 'better-sqlite3',
      connection: { filename, options: { readonly: true } },
      useNullAsDefault: true,
    };
  }
  if (client === 'pg') {
    try {
      return {
        client: 'pg',
        connection: structuredClone(connection),
        // Backstage's `pluginDivisionMode: schema` puts each plugin in its own schema.
        ...(searchPath ? { searchPath: structuredClone(searchPath) } : {}),
        pool: { min: 0, max: 3 },
      };
    } catch {
      return undefined; // a connection with functions in it
    }
  }
  return undefined;
}
