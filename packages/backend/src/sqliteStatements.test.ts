import knexFactory, { Knex } from 'knex';
import {
  keepPreparedStatements,
  STATEMENTS_PER_CONNECTION,
} from './sqliteStatements';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the prototype every connection prepares with
const Database = require('better-sqlite3') as {
  prototype: { prepare(sql: string): unknown };
};

describe('keepPreparedStatements', () => {
  let db: Knex;
  let prepared: string[];

  beforeEach(async () => {
    prepared = [];
    const prepare = Database.prototype.prepare;
    jest
      .spyOn(Database.prototype, 'prepare')
      .mockImplementation(function prepareAndCount(this: unknown, sql: string) {
        prepared.push(sql);
        return prepare.call(this, sql);
      });
    db = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    keepPreparedStatements(db);
    await db.schema.createTable('tickets', table => {
      table.string('number').primary();
      table.string('title');
    });
  });

  afterEach(async () => {
    await db.destroy();
    jest.restoreAllMocks();
  });

  const preparedOf = (sql: string) => prepared.filter(s => s === sql).length;

  it('prepares a statement once and answers each run from its own bindings', async () => {
    await db('tickets').insert({ number: 'INC-1', title: '投影仪无信号' });
    await db('tickets').insert({ number: 'INC-2', title: '打印机卡纸' });
    const first = await db('tickets').where('number', 'INC-1').first();
    const second = await db('tickets').where('number', 'INC-2').first();

    expect(first.title).toBe('投影仪无信号');
    expect(second.title).toBe('打印机卡纸');
    const { sql } = db('tickets').where('number', 'x').first().toSQL();
    expect(preparedOf(sql)).toBe(1);
    const insert = db('tickets').insert({ number: 'x', title: 'y' }).toSQL();
    expect(preparedOf(insert.sql)).toBe(1);
  });

  it('reads the new schema through a statement kept from before a migration', async () => {
    await db('tickets').insert({ number: 'INC-1', title: '投影仪无信号' });
    expect(await db('tickets').select('*')).toEqual([
      { number: 'INC-1', title: '投影仪无信号' },
    ]);
    await db.schema.alterTable('tickets', table => {
      table.string('level').defaultTo('L3');
    });

    expect(await db('tickets').select('*')).toEqual([
      { number: 'INC-1', title: '投影仪无信号', level: 'L3' },
    ]);
  });

  it('keeps committing and rolling back transactions on kept statements', async () => {
    for (const number of ['INC-1', 'INC-2']) {
      await db.transaction(trx =>
        trx('tickets').insert({ number, title: 't' }),
      );
    }
    await expect(
      db.transaction(async trx => {
        await trx('tickets').insert({ number: 'INC-3', title: 't' });
        throw new Error('the filing failed');
      }),
    ).rejects.toThrow('the filing failed');

    expect((await db('tickets').pluck('number')).sort()).toEqual([
      'INC-1',
      'INC-2',
    ]);
    expect(preparedOf('BEGIN;')).toBe(1);
  });

  it('keeps no statement that failed to prepare', async () => {
    // Matched by its message: better-sqlite3's native part makes its errors with the error class
    // of the first test file that loaded it in this Jest worker, which is not Error of this one.
    await expect(db.raw('select * from missing')).rejects.toMatchObject({
      message: expect.stringContaining('no such table'),
    });
    await db.schema.createTable('missing', table => table.string('id'));

    expect(await db.raw('select * from missing')).toEqual([]);
    expect(preparedOf('select * from missing')).toBe(2);
  });

  it('keeps at most the bound, dropping the least recently used', async () => {
    const lookup = (n: number) => db.raw(`select ${n} as n`);
    await lookup(0);
    for (let n = 1; n < STATEMENTS_PER_CONNECTION; n++) await lookup(n);
    await lookup(0); // used again: now the most recent
    await lookup(STATEMENTS_PER_CONNECTION); // over the bound: 1 goes, 0 stays
    await lookup(0);
    await lookup(1);

    expect(preparedOf('select 0 as n')).toBe(1);
    expect(preparedOf('select 1 as n')).toBe(2);
  });
});
