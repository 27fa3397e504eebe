import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  as,
  COURTROOM,
  newChange,
  newIncident,
  RECORDER,
  startTicketsBackend,
  SWITCH,
} from './__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/**
 * Issue 12: who edits a ticket when, what court staff see of the work log,
 * and that a ticket one may not read answers as one that does not exist.
 * On both databases.
 */
describe.each(databases.eachSupportedId())('ticket rules on %s', databaseId => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  beforeAll(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startTicketsBackend({ knex });
  });
  afterAll(() => backend.stop());

  const file = async (user: string, body: Record<string, unknown> = {}) => {
    const res = await request(backend.server)
      .post('/api/tickets/tickets')
      .set('Authorization', as(user))
      .send(newIncident(body));
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string; version: number };
  };
  const act = async (user: string, ref: string, body: object) => {
    const res = await request(backend.server)
      .post(`/api/tickets/tickets/${ref}/actions`)
      .set('Authorization', as(user))
      .send(body);
    expect(res.status).toBe(200);
    return res.body as { version: number };
  };
  const edit = (user: string, ref: string, body: object) =>
    request(backend.server)
      .patch(`/api/tickets/tickets/${ref}`)
      .set('Authorization', as(user))
      .send(body);
  const get = (user: string, ref: string) =>
    request(backend.server)
      .get(`/api/tickets/tickets/${ref}`)
      .set('Authorization', as(user));

  it('lets the reporter edit only while the ticket is new; then court staff comment only', async () => {
    const t = await file('xuli');
    const early = await edit('xuli', t.number, {
      version: 1,
      title: '第一法庭录像无声音',
      entityRefs: [COURTROOM],
    });
    expect(early.status).toBe(200);
    const { version } = await act('lina', t.number, {
      action: 'acknowledge',
      version: 2,
    });
    const late = await edit('xuli', t.number, { version, title: '改' });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain('only while it is new');
    const comment = await request(backend.server)
      .post(`/api/tickets/tickets/${t.number}/comments`)
      .set('Authorization', as('xuli'))
      .send({ body: '还是没有声音' });
    expect(comment.status).toBe(201);
    expect((await get('xuli', t.number)).body.ticket.title).toBe(
      '第一法庭录像无声音',
    );
  });

  it('lets the desk edit after acknowledgement only with a reason, kept in the history', async () => {
    const t = await file('xuli');
    const { version } = await act('lina', t.number, {
      action: 'acknowledge',
      version: 1,
    });
    const silent = await edit('lina', t.number, { version, title: '录像无声' });
    expect(silent.status).toBe(400);
    expect(silent.body.error.message).toContain('body.reason');
    const said = await edit('lina', t.number, {
      version,
      title: '第一法庭录音录像系统无声音',
      reason: '报修人电话补充：整套系统无声',
    });
    expect(said.status).toBe(200);
    const { body } = await get('xuli', t.number);
    expect(body.events.at(-1)).toMatchObject({
      type: 'edited',
      actor: 'user:default/lina',
      reason: '报修人电话补充：整套系统无声',
      changes: { title: { to: '第一法庭录音录像系统无声音' } },
    });
  });

  it("changes a resolved or closed ticket's affected entities only by reopening it (finding 5)", async () => {
    const t = await file('xuli');
    let { version } = await act('lina', t.number, {
      action: 'acknowledge',
      version: 1,
    });
    ({ version } = await act('wangqiang', t.number, {
      action: 'resolve',
      version,
      resolution: '更换音频线后恢复',
    }));
    const staff = await edit('xuli', t.number, {
      version,
      title: '改',
      description: '改',
      entityRefs: [SWITCH],
    });
    expect(staff.status).toBe(403);
    const moved = await edit('lina', t.number, {
      version,
      entityRefs: [SWITCH],
      reason: '归到网络',
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toContain('reopening');
    const { body: resolved } = await get('lina', t.number);
    expect(resolved.ticket.entityRefs).toEqual([RECORDER]);
    expect(resolved.ticket.version).toBe(version);

    // Reopened, the desk may move it.
    ({ version } = await act('lina', t.number, {
      action: 'reopen',
      version,
      reason: '报错设备',
    }));
    const reopened = await edit('lina', t.number, {
      version,
      entityRefs: [SWITCH],
      reason: '实为交换机端口故障',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.entityRefs).toEqual([SWITCH]);

    // Closed: no way back to the entities.
    ({ version } = await act('wangqiang', t.number, {
      action: 'resolve',
      version: reopened.body.version,
      resolution: '端口已更换',
    }));
    ({ version } = await act('lina', t.number, { action: 'close', version }));
    const closed = await edit('lina', t.number, {
      version,
      entityRefs: [RECORDER],
      reason: '再改',
    });
    expect(closed.status).toBe(409);
  });

  it('shows court staff hours and the resolution, not the internal work-log notes (finding 6)', async () => {
    const t = await file('xuli');
    const log = await request(backend.server)
      .post(`/api/tickets/tickets/${t.number}/work-logs`)
      .set('Authorization', as('wangqiang'))
      .send({
        minutes: 50,
        workDate: '2026-12-04',
        note: '内部：机房门禁密码 8812',
      });
    expect(log.status).toBe(201);
    let { version } = await act('lina', t.number, {
      action: 'acknowledge',
      version: 1,
    });
    ({ version } = await act('wangqiang', t.number, {
      action: 'resolve',
      version,
      resolution: '更换音频线后恢复',
    }));
    const staff = await get('xuli', t.number);
    expect(staff.status).toBe(200);
    expect(JSON.stringify(staff.body)).not.toContain('8812');
    expect(staff.body.workLogs).toEqual([
      expect.objectContaining({
        minutes: 50,
        engineer: 'user:default/wangqiang',
      }),
    ]);
    expect(staff.body.workLogs[0].note).toBeUndefined();
    expect(staff.body.events).toContainEqual(
      expect.objectContaining({ type: 'work-logged', minutes: 50 }),
    );
    expect(staff.body.events).toContainEqual(
      expect.objectContaining({
        type: 'resolved',
        resolution: '更换音频线后恢复',
      }),
    );
    const engineer = await get('sunlei', t.number);
    expect(engineer.body.workLogs[0].note).toBe('内部：机房门禁密码 8812');
  });

  it('answers a ticket or change one may not read exactly as one that does not exist (finding 7)', async () => {
    const mine = await file('xuli');
    const theirs = await file('mahui');
    const year = theirs.number.split('-')[1];
    const unknown = `INC-${year}-99999`;
    const { body: change } = await request(backend.server)
      .post('/api/tickets/changes')
      .set('Authorization', as('wangqiang'))
      .send(newChange({ parameterEdits: [] }));
    const unknownChange = `CHG-${year}-99999`;

    /** Status and message with the probed number masked. */
    const answer = (res: request.Response, ref: string) => ({
      status: res.status,
      message: String(res.body.error?.message).replaceAll(ref, '<ref>'),
    });
    const probes: [string, (ref: string) => request.Test][] = [
      [
        'link',
        ref =>
          request(backend.server)
            .post(`/api/tickets/tickets/${mine.number}/links`)
            .set('Authorization', as('xuli'))
            .send({ kind: 'ticket', target: ref }),
      ],
      ['get', ref => get('xuli', ref)],
      ['edit', ref => edit('xuli', ref, { version: 1, title: '探' })],
      [
        'comment',
        ref =>
          request(backend.server)
            .post(`/api/tickets/tickets/${ref}/comments`)
            .set('Authorization', as('xuli'))
            .send({ body: '探' }),
      ],
      [
        'action',
        ref =>
          request(backend.server)
            .post(`/api/tickets/tickets/${ref}/actions`)
            .set('Authorization', as('xuli'))
            .send({ action: 'acknowledge', version: 1 }),
      ],
      [
        'change',
        ref =>
          request(backend.server)
            .get(`/api/tickets/changes/${ref}`)
            .set('Authorization', as('xuli')),
      ],
      [
        'change action',
        ref =>
          request(backend.server)
            .post(`/api/tickets/changes/${ref}/actions`)
            .set('Authorization', as('xuli'))
            .send({ action: 'start', version: 1 }),
      ],
    ];
    for (const [name, probe] of probes) {
      for (const [hidden, missing] of [
        [theirs.number, unknown],
        [change.change.number, unknownChange],
      ]) {
        const seen = answer(await probe(hidden), hidden);
        const none = answer(await probe(missing), missing);
        expect({ name, ...seen }).toEqual({ name, ...none });
        expect(seen.status).toBeGreaterThanOrEqual(400);
      }
    }
    // Nothing was linked, edited or commented.
    const { body } = await get('mahui', theirs.number);
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
    ]);
    expect((await get('xuli', mine.number)).body.links).toEqual([]);
  });
});
