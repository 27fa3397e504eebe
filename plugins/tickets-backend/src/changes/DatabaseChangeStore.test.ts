import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import {
  as,
  inHours,
  newChange,
  startTicketsBackend,
  SWITCH,
} from '../__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())('change store on %s', databaseId => {
  async function start(config?: JsonObject) {
    const knex = await databases.init(databaseId as TestDatabaseId);
    const backend = await startTicketsBackend({ knex, config });
    const act = (user: string, ref: string, body: object) =>
      request(backend.server)
        .post(`/api/tickets/changes/${ref}/actions`)
        .set('Authorization', as(user))
        .send(body);
    const file = (body: Record<string, unknown> = {}) =>
      request(backend.server)
        .post('/api/tickets/changes')
        .set('Authorization', as('wangqiang'))
        .send(newChange(body));
    return { knex, backend, act, file };
  }

  it('files a change, its edits and the register in the family, once per sourceRef under concurrency', async () => {
    const { knex, backend, file } = await start();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        file({ sourceRef: 'scaffolder:task-7:file' }),
      ),
    );
    expect(responses.map(r => r.status).sort()).toEqual([
      200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map(r => r.body.change.number)).size).toBe(1);
    for (const table of [
      'tickets',
      'ticket_changes',
      'change_parameter_edits',
    ]) {
      const [{ n }] = await knex(table).count({ n: '*' });
      expect([table, Number(n)]).toEqual([table, 1]);
    }
    // Changes share the family's numbering and log.
    const [{ key, last }] = await knex('ticket_sequences').where(
      'key',
      'like',
      'CHG-%',
    );
    expect({ key, last: Number(last) }).toEqual({
      key: expect.stringMatching(/^CHG-\d{4}$/),
      last: 1,
    });
    await backend.stop();
  });

  it('applies each edit to the register once, however many hands race to apply it', async () => {
    const { knex, backend, act, file } = await start();
    const { body } = await file({
      window: { start: inHours(0), end: inHours(2) },
    });
    const number = body.change.number;
    expect(
      (await act('wuxia', number, { action: 'approve', version: 1 })).status,
    ).toBe(200);
    const edits = await Promise.all(
      Array.from({ length: 4 }, () =>
        request(backend.server)
          .post(`/api/tickets/parameters/${encodeURIComponent(SWITCH)}`)
          .set('Authorization', as('wangqiang'))
          .send({ change: number, parameter: 'vrrp-priority', value: '150' }),
      ),
    );
    expect(edits.map(r => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(
      (await act('wangqiang', number, { action: 'start', version: 2 })).status,
    ).toBe(200);
    // Two hands mark it succeeded from the same version: one wins.
    const done = await Promise.all(
      ['wangqiang', 'liuyang'].map(user =>
        act(user, number, { action: 'succeed', version: 3 }),
      ),
    );
    expect(done.map(r => r.status).sort()).toEqual([200, 409]);
    const register = await knex('device_parameter_changes').where({
      device_ref: SWITCH,
    });
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({
      parameter: 'vrrp-priority',
      old_value: '120',
      new_value: '150',
      change_number: number,
      approved_by: 'user:default/wuxia',
    });
    await backend.stop();
  });

  it('lists changes by window page by page, and counts outcomes by status and emergency', async () => {
    // A day's grace lets these changes start ahead of their windows.
    const { backend, act, file } = await start({
      tickets: { changes: { startGraceMinutes: 24 * 60 } },
    });
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { body } = await file({
        parameterEdits: [],
        window: { start: inHours(10 + i), end: inHours(10.5 + i) },
      });
      numbers.push(body.change.number);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(backend.server)
        .get('/api/tickets/changes')
        .query({
          sort: 'window',
          limit: 2,
          from: inHours(9),
          to: inHours(20),
          ...(cursor ? { cursor } : {}),
        })
        .set('Authorization', as('lina'));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: { number: string }) => c.number));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(numbers);

    for (const [i, ending] of ['succeed', 'fail', 'succeed'].entries()) {
      await act('wuxia', numbers[i], { action: 'approve', version: 1 });
      await act('wangqiang', numbers[i], { action: 'start', version: 2 });
      const res = await act('wangqiang', numbers[i], {
        action: ending,
        version: 3,
        note: '结果',
      });
      expect(res.status).toBe(200);
    }
    const emergency = await file({
      parameterEdits: [],
      emergency: true,
      outcome: 'rolled-back',
      window: { start: inHours(-2), end: inHours(-1) },
    });
    await act('wuxia', emergency.body.change.number, {
      action: 'approve',
      version: 1,
    });
    const rate = await request(backend.server)
      .get('/api/tickets/changes/success-rate')
      .query({ from: inHours(-3), to: inHours(1) })
      .set('Authorization', as('sunlei'));
    expect(rate.body).toMatchObject({
      succeeded: 2,
      failed: 1,
      rolledBack: 1,
      emergency: { succeeded: 0, failed: 0, rolledBack: 1 },
      rate: 0.5,
    });
    await backend.stop();
  });
});
