import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { GroupCommit } from './groupCommit';
import { isSqlite } from './storeDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())('GroupCommit on %s', id => {
  let db: Knex;
  let commits: number;

  beforeEach(async () => {
    db = await databases.init(id as TestDatabaseId);
    if (isSqlite(db)) await db.raw('PRAGMA foreign_keys = ON');
    await db.raw('create table parent (id varchar(10) primary key)');
    // Checked at commit, not at the statement: a write that breaks it fails its whole group.
    await db.raw(
      'create table child (id varchar(10) primary key, parent_id varchar(10) references parent (id) deferrable initially deferred)',
    );
    commits = 0;
    db.on('query', (query: { sql: string }) => {
      if (/^commit/i.test(query.sql)) commits++;
    });
  });

  const insertParent = (parentId: string) => async (trx: Knex.Transaction) => {
    await trx('parent').insert({ id: parentId });
    return parentId;
  };
  const parents = async () => (await db('parent').pluck('id')).sort();

  it('commits the writes of one turn of the event loop in one commit, and answers each', async () => {
    const group = new GroupCommit(db);
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    await expect(
      Promise.all(ids.map(parentId => group.run(insertParent(parentId)))),
    ).resolves.toEqual(ids);
    expect(await parents()).toEqual([...ids].sort());
    expect(commits).toBe(1);
    // At most `maxGroup` a commit: 20 writes in groups of 8.
    const small = new GroupCommit(db, 8);
    const more = Array.from({ length: 20 }, (_, i) => `q${i}`);
    await Promise.all(more.map(parentId => small.run(insertParent(parentId))));
    expect(commits).toBe(1 + 3);
  });

  it('keeps the others when one write fails in its savepoint, and rejects only that one', async () => {
    await db('parent').insert({ id: 'taken' });
    const group = new GroupCommit(db);
    const answers = await Promise.allSettled([
      group.run(insertParent('a')),
      group.run(insertParent('b')),
      group.run(insertParent('taken')),
      group.run(insertParent('c')),
    ]);
    expect(answers.map(a => a.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await parents()).toEqual(['a', 'b', 'c', 'taken']);
  });

  it('fails every write of a group whose commit fails, and answers none of them as done', async () => {
    const group = new GroupCommit(db);
    // Committed in a turn of its own, before the failing group.
    await group.run(insertParent('first'));
    const answers = await Promise.allSettled([
      group.run(async trx => {
        await trx('child').insert({ id: 'orphan', parent_id: 'nobody' });
      }),
      group.run(insertParent('same-group')),
    ]);
    expect(answers.map(a => a.status)).toEqual(['rejected', 'rejected']);
    expect(await parents()).toEqual(['first']);
    expect(await db('child')).toEqual([]);
  });
});
