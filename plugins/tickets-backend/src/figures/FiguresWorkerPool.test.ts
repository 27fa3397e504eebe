import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { answered } from '@internal/plugin-court-node/testUtils';
import { periodWindow } from '@internal/plugin-reports-common';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  as,
  newIncident,
  startTicketsBackend,
  SWITCH,
  TicketsBackend,
} from '../__testUtils__/backend';
import { DatabaseTicketFiguresStore } from '../database/TicketFiguresStore';
import { figuresAnswer, FiguresJob } from './figuresAnswer';
import { FiguresWorkerPool, workerDatabaseConfig } from './FiguresWorkerPool';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15'],
  disableDocker: true,
});

const DAY = { from: '2026-03-03', to: '2026-03-03' };
const job = (facts: boolean): FiguresJob => ({
  period: DAY,
  window: periodWindow(DAY, 'Asia/Shanghai'),
  facts,
});

/** The tickets database on a file (what the embedded default runs) or on PostgreSQL. */
const kinds: [string, () => Promise<{ knex: Knex; done(): void }>][] = [
  [
    'a SQLite file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'figures-workers-'));
      const knex = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'tickets.sqlite') },
        useNullAsDefault: true,
      });
      return { knex, done: () => rmSync(dir, { recursive: true }) };
    },
  ],
  ...databases.eachSupportedId().map(([id]): (typeof kinds)[number] => [
    id,
    async () => ({
      knex: await databases.init(id as TestDatabaseId),
      done: () => {},
    }),
  ]),
];

describe.each(kinds)('figures on worker threads, tickets on %s', (_, open) => {
  let database: { knex: Knex; done(): void };
  let backend: TicketsBackend;
  let pool: FiguresWorkerPool;

  beforeAll(async () => {
    database = await open();
    const clock = new ManualCourtClock('2026-03-03T10:00:00+08:00');
    backend = await startTicketsBackend({ knex: database.knex, clock });
    for (const overrides of [{}, { entityRefs: [SWITCH] }]) {
      answered(
        await request(backend.server)
          .post('/api/tickets/tickets')
          .set('Authorization', as('xuli'))
          .send(newIncident(overrides)),
        201,
      );
    }
    await clock.set('2026-03-04T09:00:00+08:00');
    pool = new FiguresWorkerPool({
      database: workerDatabaseConfig(database.knex)!,
      size: 2,
      memoryMb: 512,
      logger: mockServices.logger.mock(),
    });
  });
  afterAll(async () => {
    await pool?.stop();
    await backend?.stop();
    await database?.knex.destroy();
    database?.done();
  });

  it('a worker reaches the same database', () => {
    expect(workerDatabaseConfig(database.knex)).toBeDefined();
  });

  it('answers what the backend thread computes, figures alone and with facts', async () => {
    const store = new DatabaseTicketFiguresStore(database.knex);
    for (const facts of [false, true]) {
      const [onWorker, onThread] = await Promise.all([
        pool.answer(job(facts)),
        figuresAnswer(store, job(facts)),
      ]);
      expect(JSON.parse(onWorker)).toEqual(JSON.parse(onThread));
      expect(JSON.parse(onWorker).figures.services.total).toBe(2);
      expect('tickets' in JSON.parse(onWorker)).toBe(facts);
    }
  });

  it('the router answers from the workers: the reports backend gets the same figures', async () => {
    const res = await request(backend.server)
      .get('/api/tickets/figures')
      .query({ ...DAY, facts: 'none' })
      .set('Authorization', as('sunlei'));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.body).toEqual(
      JSON.parse(
        await figuresAnswer(
          new DatabaseTicketFiguresStore(database.knex),
          job(false),
        ),
      ),
    );
  });

  it('more jobs than workers wait their turn, and each gets its own answer', async () => {
    const answers = await Promise.all(
      [false, true, false, true, true].map(facts => pool.answer(job(facts))),
    );
    expect(answers.map(a => 'tickets' in JSON.parse(a))).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
  });
});

describe('a figures worker that ends before it answers', () => {
  it('fails its job with 503, and the pool starts another worker for the next', async () => {
    const logger = mockServices.logger.mock();
    // No such client: the worker throws while it starts.
    const broken = new FiguresWorkerPool({
      database: { client: 'no-such-client' },
      size: 1,
      memoryMb: 512,
      logger,
    });
    try {
      await expect(broken.answer(job(false))).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
      });
      expect(logger.error).toHaveBeenCalled();
      await expect(broken.answer(job(false))).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
      });
    } finally {
      await broken.stop();
    }
  });

  it('a job over the heap limit fails naming the setting', async () => {
    // 4 MB: the worker runs out while it loads its modules, as a huge period would later.
    const tiny = new FiguresWorkerPool({
      database: {
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
      },
      size: 1,
      memoryMb: 4,
      logger: mockServices.logger.mock(),
    });
    try {
      await expect(tiny.answer(job(false))).rejects.toThrow(
        'the figures of 2026-03-03..2026-03-03 need more memory than tickets.figures.workerMemoryMb (4 MB)',
      );
    } finally {
      await tiny.stop();
    }
  });

  it('a stopped pool takes no more jobs', async () => {
    const pool = new FiguresWorkerPool({
      database: {
        client: 'better-sqlite3',
        connection: { filename: ':memory:' },
      },
      size: 1,
      memoryMb: 512,
      logger: mockServices.logger.mock(),
    });
    await pool.stop();
    await expect(pool.answer(job(false))).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
  });
});

describe('workerDatabaseConfig', () => {
  it('no worker for a database only this thread can reach', () => {
    const inMemory = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    expect(workerDatabaseConfig(inMemory)).toBeUndefined();
    const byFunction = knexFactory({
      client: 'pg',
      connection: async () => ({ host: '127.0.0.1' }),
    });
    expect(workerDatabaseConfig(byFunction)).toBeUndefined();
    return Promise.all([inMemory.destroy(), byFunction.destroy()]);
  });

  it('a plugin schema on PostgreSQL goes with the connection', async () => {
    const inSchema = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', database: 'backstage' },
      searchPath: ['tickets'],
    });
    expect(workerDatabaseConfig(inSchema)).toMatchObject({
      connection: { host: '127.0.0.1', database: 'backstage' },
      searchPath: ['tickets'],
    });
    await inSchema.destroy();
  });
});
