import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  as,
  inHours,
  newChange,
  startTicketsBackend,
  SWITCH,
  SWITCH_2,
} from '../__testUtils__/backend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

/**
 * Issue 12: who approves a change does not carry it out, a normal change
 * starts only in its approved window, and an emergency change's register
 * names the engineer who did the work. On both databases.
 */
describe.each(databases.eachSupportedId())('change rules on %s', databaseId => {
  let backend: Awaited<ReturnType<typeof startTicketsBackend>>;
  beforeAll(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startTicketsBackend({ knex });
  });
  afterAll(() => backend.stop());

  const file = (user: string, body: Record<string, unknown> = {}) =>
    request(backend.server)
      .post('/api/tickets/changes')
      .set('Authorization', as(user))
      .send(newChange(body));
  const act = (user: string, ref: string, body: Record<string, unknown>) =>
    request(backend.server)
      .post(`/api/tickets/changes/${ref}/actions`)
      .set('Authorization', as(user))
      .send(body);
  const get = (user: string, ref: string) =>
    request(backend.server)
      .get(`/api/tickets/changes/${ref}`)
      .set('Authorization', as(user));
  const register = (device: string) =>
    request(backend.server)
      .get(`/api/tickets/parameters/${encodeURIComponent(device)}`)
      .set('Authorization', as('lina'));
  const openNow = () => ({ start: inHours(0), end: inHours(2) });

  it('does not let whoever approved a change start, complete or register it (finding 3)', async () => {
    // wangqiang files; it-engineer (court IT office and a software post, so it also works) approves.
    const { body } = await file('wangqiang', { window: openNow() });
    const number = body.change.number;
    expect(
      (await act('it-engineer', number, { action: 'approve', version: 1 }))
        .status,
    ).toBe(200);

    const start = await act('it-engineer', number, {
      action: 'start',
      version: 2,
    });
    expect(start.status).toBe(403);
    expect(start.body.error.message).toContain('four eyes');
    const edit = await request(backend.server)
      .post(`/api/tickets/parameters/${encodeURIComponent(SWITCH)}`)
      .set('Authorization', as('it-engineer'))
      .send({ change: number, parameter: 'vrrp-priority', value: '150' });
    expect(edit.status).toBe(403);
    expect((await register(SWITCH)).body.history).toEqual([]);

    // Someone else starts it; the approver may not complete it either way.
    expect(
      (await act('wangqiang', number, { action: 'start', version: 2 })).status,
    ).toBe(200);
    for (const step of [
      { action: 'succeed' },
      { action: 'fail', note: '失败' },
      { action: 'roll-back', note: '回退' },
    ]) {
      const res = await act('it-engineer', number, { ...step, version: 3 });
      expect({ step: step.action, status: res.status }).toEqual({
        step: step.action,
        status: 403,
      });
    }
    expect((await get('wangqiang', number)).body.change.status).toBe(
      'in-progress',
    );
    expect(
      (await act('wangqiang', number, { action: 'succeed', version: 3 }))
        .status,
    ).toBe(200);
    const [entry] = (await register(SWITCH)).body.history;
    expect(entry).toMatchObject({
      changeNumber: number,
      approvedBy: 'user:default/it-engineer',
      appliedBy: 'user:default/wangqiang',
    });
    expect(entry.approvedBy).not.toBe(entry.appliedBy);
  });

  it('does not let whoever filed a change approve it', async () => {
    const { body } = await file('it-engineer', {
      window: openNow(),
      parameterEdits: [],
    });
    const res = await act('it-engineer', body.change.number, {
      action: 'approve',
      version: 1,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('neither filed');
    expect(
      (await get('it-engineer', body.change.number)).body.change.status,
    ).toBe('submitted');
  });

  it('starts a normal change only inside its approved window, naming the window (finding 4)', async () => {
    const { body } = await file('wangqiang', {
      window: { start: inHours(72), end: inHours(74) },
      parameterEdits: [],
    });
    const number = body.change.number;
    await act('wuxia', number, { action: 'approve', version: 1 });
    const early = await act('wangqiang', number, {
      action: 'start',
      version: 2,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('outside its approved window');
    expect(early.body.error.message).toContain('Asia/Shanghai');
    // Succeeding it three days early is impossible too: it never started.
    const succeed = await act('wangqiang', number, {
      action: 'succeed',
      version: 2,
    });
    expect(succeed.status).toBe(409);
    expect((await get('wangqiang', number)).body.change.status).toBe(
      'approved',
    );

    // A window that already ended is outside it too.
    const late = await file('wangqiang', {
      window: { start: inHours(-3), end: inHours(-1) },
      parameterEdits: [],
    });
    await act('wuxia', late.body.change.number, {
      action: 'approve',
      version: 1,
    });
    const res = await act('wangqiang', late.body.change.number, {
      action: 'start',
      version: 2,
    });
    expect(res.status).toBe(409);
  });

  it('lets a change start within the grace before its window', async () => {
    // Starts in 10 minutes: inside the default 15-minute grace.
    const { body } = await file('wangqiang', {
      window: { start: inHours(10 / 60), end: inHours(2) },
      parameterEdits: [],
    });
    await act('wuxia', body.change.number, { action: 'approve', version: 1 });
    const res = await act('wangqiang', body.change.number, {
      action: 'start',
      version: 2,
    });
    expect(res.status).toBe(200);
  });

  it('sends a change back for approval when re-scheduled out of its approved window, not within it', async () => {
    const approved = { start: inHours(48), end: inHours(52) };
    const { body } = await file('wangqiang', {
      window: approved,
      parameterEdits: [],
    });
    const number = body.change.number;
    await act('wuxia', number, {
      action: 'approve',
      version: 1,
      comment: '同意',
    });

    const inside = await act('wangqiang', number, {
      action: 'schedule',
      version: 2,
      window: { start: inHours(49), end: inHours(50) },
    });
    expect(inside.status).toBe(200);
    expect(inside.body.change).toMatchObject({
      status: 'scheduled',
      change: { decidedBy: 'user:default/wuxia' },
    });

    // Into court hours three days later: the court decides again.
    const moved = await act('wangqiang', number, {
      action: 'schedule',
      version: 3,
      window: { start: inHours(61), end: inHours(62) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.change.status).toBe('submitted');
    expect(moved.body.change.change.decidedBy).toBeUndefined();
    expect(moved.body.events.at(-1)).toMatchObject({
      type: 'scheduled',
      reapproval: true,
    });
    const start = await act('wangqiang', number, {
      action: 'start',
      version: 4,
    });
    expect(start.status).toBe(409);
    expect(
      (await act('wuxia', number, { action: 'approve', version: 4 })).status,
    ).toBe(200);
  });

  it("registers an emergency change's edits as applied by its engineer when it was done, approved by another (finding 8)", async () => {
    const done = { start: inHours(-5), end: inHours(-4) };
    const { body } = await file('liuyang', {
      emergency: true,
      outcome: 'succeeded',
      window: done,
      entityRefs: [SWITCH_2],
      parameterEdits: [
        { device: SWITCH_2, parameter: 'vrrp-priority', newValue: '140' },
      ],
    });
    expect(body.change.status).toBe('submitted');
    const approved = await act('wuxia', body.change.number, {
      action: 'approve',
      version: 1,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.change.change).toMatchObject({
      startedAt: done.start,
      finishedAt: done.end,
      decidedBy: 'user:default/wuxia',
    });
    const [entry] = (await register(SWITCH_2)).body.history;
    expect(entry).toMatchObject({
      changeNumber: body.change.number,
      newValue: '140',
      appliedBy: 'user:default/liuyang',
      appliedAt: done.end,
      approvedBy: 'user:default/wuxia',
      approvedAt: approved.body.change.change.decidedAt,
    });
    // The engineer who did the work (here it-engineer, who may approve) does not approve it.
    const forOther = await file('wangqiang', {
      emergency: true,
      outcome: 'failed',
      window: done,
      implementer: 'user:default/it-engineer',
      parameterEdits: [],
    });
    const self = await act('it-engineer', forOther.body.change.number, {
      action: 'approve',
      version: 1,
    });
    expect(self.status).toBe(403);
  });
});
