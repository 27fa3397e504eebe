import request from 'supertest';
import {
  as,
  COURTROOM,
  inHours,
  NETWORK,
  newChange,
  RECORDER,
  startTicketsBackend,
  SWITCH,
  SWITCH_2,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

type Backend = Awaited<ReturnType<typeof startTicketsBackend>>;

/** The change API as each example user calls it. */
function api(backend: Backend) {
  const server = () => backend.server;
  return {
    file: (user: string, body: Record<string, unknown> = {}) =>
      request(server())
        .post('/api/tickets/changes')
        .set('Authorization', as(user))
        .send(newChange(body)),
    get: (user: string, ref: string) =>
      request(server())
        .get(`/api/tickets/changes/${ref}`)
        .set('Authorization', as(user)),
    act: (user: string, ref: string, body: Record<string, unknown>) =>
      request(server())
        .post(`/api/tickets/changes/${ref}/actions`)
        .set('Authorization', as(user))
        .send(body),
    register: (user: string, device: string) =>
      request(server())
        .get(`/api/tickets/parameters/${encodeURIComponent(device)}`)
        .set('Authorization', as(user)),
    editRegister: (
      user: string,
      device: string,
      body: Record<string, unknown>,
    ) =>
      request(server())
        .post(`/api/tickets/parameters/${encodeURIComponent(device)}`)
        .set('Authorization', as(user))
        .send(body),
    freeze: (user: string, body: Record<string, unknown>) =>
      request(server())
        .post('/api/tickets/changes/freezes')
        .set('Authorization', as(user))
        .send(body),
    list: (user: string, query: Record<string, string>) =>
      request(server())
        .get('/api/tickets/changes')
        .query(query)
        .set('Authorization', as(user)),
  };
}

/** A window open now: a normal change starts only inside its approved window. */
function openNow() {
  return { start: inHours(0), end: inHours(2) };
}

/** Takes a change through `steps` as `user`, each from the version the last left. */
async function walk(
  changes: ReturnType<typeof api>,
  number: string,
  steps: [string, Record<string, unknown>][],
) {
  let version = (await changes.get('wangqiang', number)).body.change.version;
  for (const [user, body] of steps) {
    const res = await changes.act(user, number, { ...body, version });
    expect({
      step: body.action,
      status: res.status,
      error: res.body.error,
    }).toEqual({ step: body.action, status: 200, error: undefined });
    version = res.body.change.version;
  }
}

describe('change requests', () => {
  let backend: Backend;
  let changes: ReturnType<typeof api>;
  beforeAll(async () => {
    backend = await startTicketsBackend();
    changes = api(backend);
  });
  afterAll(() => backend.stop());

  it('files a change in the family: CHG number, risk, implementer, old value from the catalog', async () => {
    const res = await changes.file('wangqiang', {
      risk: {
        trialImpact: 'possible',
        rollback: 'moderate',
        testedInSimulation: false,
      },
    });
    expect(res.status).toBe(201);
    const { change } = res.body;
    expect(change.number).toMatch(/^CHG-\d{4}-\d{5}$/);
    expect(change.type).toBe('change');
    expect(change.status).toBe('submitted');
    expect(change.assignee).toBe('user:default/wangqiang');
    expect(change.systemRefs).toEqual([NETWORK]);
    expect(change.clocks).toBeUndefined();
    expect(change.change).toMatchObject({
      emergency: false,
      riskLevel: 'high', // possible 1 + moderate 1 + untested 1
      freezeException: false,
      parameterEdits: [
        {
          device: SWITCH,
          parameter: 'vrrp-priority',
          oldValue: '120',
          newValue: '150',
        },
      ],
    });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'submitted',
    ]);
    // The court IT office hears that it waits for them.
    expect(backend.notifications.at(-1)).toMatchObject({
      recipients: { entityRef: ['group:default/court-it-office'] },
      payload: { link: `/changes/${change.number}` },
    });
  });

  it('keeps a draft until it is submitted, and edits only drafts', async () => {
    const { body } = await changes.file('liuyang', { submit: false });
    expect(body.change.status).toBe('draft');
    const edit = await request(backend.server)
      .patch(`/api/tickets/tickets/${body.change.number}`)
      .set('Authorization', as('liuyang'))
      .send({ version: 1, title: '核心交换机 VRRP 优先级调整（修订）' });
    expect(edit.status).toBe(200);
    await walk(changes, body.change.number, [
      ['liuyang', { action: 'submit' }],
    ]);
    const late = await request(backend.server)
      .patch(`/api/tickets/tickets/${body.change.number}`)
      .set('Authorization', as('liuyang'))
      .send({ version: 3, title: '改' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('only a draft');
  });

  it('lets only the court IT office approve, never its own change, and a rejection says why', async () => {
    const { body } = await changes.file('wangqiang');
    const number = body.change.number;
    const engineer = await changes.act('wangqiang', number, {
      action: 'approve',
      version: 1,
    });
    expect(engineer.status).toBe(403);
    const desk = await changes.act('lina', number, {
      action: 'approve',
      version: 1,
    });
    expect(desk.status).toBe(403);
    const noReason = await changes.act('wuxia', number, {
      action: 'reject',
      version: 1,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('body.comment');
    const rejected = await changes.act('wuxia', number, {
      action: 'reject',
      version: 1,
      comment: '下周有重大庭审，请改期',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.change).toMatchObject({
      status: 'rejected',
      change: {
        decidedBy: 'user:default/wuxia',
        decisionComment: '下周有重大庭审，请改期',
      },
    });
    // Nothing more can happen to a rejected change.
    const start = await changes.act('wangqiang', number, {
      action: 'start',
      version: 2,
    });
    expect(start.status).toBe(409);

    // An IT office member who also holds an engineer post files changes: not their own.
    const own = await changes.file('it-engineer');
    const selfApproval = await changes.act(
      'it-engineer',
      own.body.change.number,
      {
        action: 'approve',
        version: 1,
      },
    );
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.error.message).toContain('neither filed');
  });

  it('applies the key-parameter edits when the change succeeds, with who approved it and when', async () => {
    const { body } = await changes.file('wangqiang', {
      entityRefs: [NETWORK],
      window: openNow(),
      parameterEdits: [
        { device: SWITCH_2, parameter: 'vrrp-priority', newValue: '110' },
      ],
    });
    const number = body.change.number;
    // The edited device joins what the change touches.
    expect(body.change.entityRefs).toEqual([SWITCH_2, NETWORK]);
    await walk(changes, number, [
      ['wuxia', { action: 'approve', comment: '同意' }],
      [
        'wangqiang',
        // Inside the approved window: no new approval needed.
        { action: 'schedule', window: { start: inHours(0), end: inHours(1) } },
      ],
      ['wangqiang', { action: 'start' }],
    ]);
    const before = await changes.register('xuli', SWITCH_2);
    expect(before.body.history).toEqual([]);
    await walk(changes, number, [
      ['wangqiang', { action: 'succeed', note: '切换正常' }],
    ]);
    const { body: detail } = await changes.get('wangqiang', number);
    expect(detail.change.status).toBe('succeeded');
    expect(detail.change.change.parameterEdits[0].appliedAt).toBeDefined();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'submitted',
      'approved',
      'scheduled',
      'change-started',
      'succeeded',
      'parameter-applied',
    ]);
    // Anyone signed in reads the register, as they read the device's facts.
    const register = await changes.register('xuli', SWITCH_2);
    expect(register.status).toBe(200);
    expect(register.body.history).toEqual([
      expect.objectContaining({
        parameter: 'vrrp-priority',
        oldValue: '100',
        newValue: '110',
        changeNumber: number,
        approvedBy: 'user:default/wuxia',
        approvedAt: detail.change.change.decidedAt,
        appliedBy: 'user:default/wangqiang',
      }),
    ]);
    // The next change starts from the registered value, not the catalog's.
    const next = await changes.file('wangqiang', {
      parameterEdits: [
        { device: SWITCH_2, parameter: 'vrrp-priority', newValue: '100' },
      ],
    });
    expect(next.body.change.change.parameterEdits[0].oldValue).toBe('110');
    const stale = await changes.file('wangqiang', {
      parameterEdits: [
        {
          device: SWITCH_2,
          parameter: 'vrrp-priority',
          oldValue: '100',
          newValue: '90',
        },
      ],
    });
    expect(stale.status).toBe(400);
    expect(stale.body.error.message).toContain(
      'body.parameterEdits.0.oldValue: is "110" in the register',
    );
  });

  it('refuses a parameter edit without an approved change that carries it', async () => {
    const { body } = await changes.file('wangqiang', {
      window: openNow(),
      parameterEdits: [
        {
          device: SWITCH,
          parameter: 'software-version',
          newValue: 'V200R023C00',
        },
      ],
    });
    const number = body.change.number;
    const edit = { parameter: 'software-version', value: 'V200R023C00' };
    const noChange = await changes.editRegister('wangqiang', SWITCH, edit);
    expect(noChange.status).toBe(400);
    expect(noChange.body.error.message).toContain(
      'body.change: is required: a key parameter is changed only under an approved change',
    );
    const unapproved = await changes.editRegister('wangqiang', SWITCH, {
      ...edit,
      change: number,
    });
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.error.message).toContain('is submitted');
    await walk(changes, number, [['wuxia', { action: 'approve' }]]);
    const otherValue = await changes.editRegister('wangqiang', SWITCH, {
      ...edit,
      change: number,
      value: 'V300',
    });
    expect(otherValue.status).toBe(409);
    expect(otherValue.body.error.message).toContain('does not carry');
    const courtStaff = await changes.editRegister('xuli', SWITCH, {
      ...edit,
      change: number,
    });
    expect(courtStaff.status).toBe(403);
    expect((await changes.register('xuli', SWITCH)).body.history).toEqual([]);

    const applied = await changes.editRegister('wangqiang', SWITCH, {
      ...edit,
      change: number,
    });
    expect(applied.status).toBe(201);
    expect(applied.body.history[0]).toMatchObject({
      newValue: 'V200R023C00',
      oldValue: 'V200R022C00SPC500',
      changeNumber: number,
    });
    const twice = await changes.editRegister('wangqiang', SWITCH, {
      ...edit,
      change: number,
    });
    expect(twice.status).toBe(409);
    // Success does not apply it again.
    await walk(changes, number, [
      ['wangqiang', { action: 'start' }],
      ['wangqiang', { action: 'succeed' }],
    ]);
    const history = (await changes.register('xuli', SWITCH)).body.history;
    expect(
      history.filter(
        (r: { changeNumber: string }) => r.changeNumber === number,
      ),
    ).toHaveLength(1);
  });

  it('names the bad field in a 400 and files nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { entityRefs: ['component:default/case-management'] },
        'body.entityRefs.0',
      ],
      [{ window: { start: inHours(5), end: inHours(4) } }, 'body.window.end'],
      [{ rollbackPlan: '' }, 'body.rollbackPlan'],
      [{ risk: { trialImpact: 'maybe' } }, 'body.risk.trialImpact'],
      [{ outcome: 'succeeded' }, 'body.outcome'],
      [{ emergency: true }, 'body.outcome'],
      [
        {
          parameterEdits: [
            { device: SWITCH, parameter: 'no-such-thing', newValue: '1' },
          ],
        },
        'body.parameterEdits.0.parameter',
      ],
      [
        {
          parameterEdits: [
            { device: SWITCH, parameter: 'vrrp-priority', newValue: '120' },
          ],
        },
        'body.parameterEdits.0.newValue',
      ],
      // The catalog says VRRP priority is a whole number from 1 to 254.
      [
        {
          parameterEdits: [
            { device: SWITCH, parameter: 'vrrp-priority', newValue: '255' },
          ],
        },
        'body.parameterEdits.0.newValue: must be from 1 to 254',
      ],
      [
        {
          parameterEdits: [
            { device: SWITCH, parameter: 'vrrp-priority', newValue: '12.5' },
          ],
        },
        'body.parameterEdits.0.newValue: must be a whole number',
      ],
      [
        {
          parameterEdits: [
            {
              device: 'resource:default/nowhere',
              parameter: 'x',
              newValue: '1',
            },
          ],
        },
        'body.parameterEdits.0.device',
      ],
      [{ implementer: 'user:default/nobody' }, 'body.implementer'],
      [
        {
          release: {
            software: '审判管理系统',
            toVersion: '5.2',
            requirementAnalysis: 'x',
            trialFeedback: 'y',
            simulationTest: 'z',
          },
          risk: {
            trialImpact: 'none',
            rollback: 'easy',
            testedInSimulation: false,
          },
        },
        'body.risk.testedInSimulation',
      ],
    ];
    const before = await changes.list('lina', { limit: '200' });
    for (const [override, field] of cases) {
      const res = await changes.file('wangqiang', override);
      expect({ override, status: res.status }).toEqual({
        override,
        status: 400,
      });
      expect(res.body.error.message).toContain(field);
    }
    const after = await changes.list('lina', { limit: '200' });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('answers court staff 403 before it reads their input (finding 10)', async () => {
    const probes: [string, request.Test][] = [
      [
        'file a change',
        request(backend.server).post('/api/tickets/changes').send({ title: 1 }),
      ],
      [
        'declare a freeze',
        request(backend.server).post('/api/tickets/changes/freezes').send({}),
      ],
      [
        'freezes',
        request(backend.server).get('/api/tickets/changes/freezes?after=x'),
      ],
      [
        'success rate',
        request(backend.server).get('/api/tickets/changes/success-rate'),
      ],
      [
        'register an edit',
        request(backend.server)
          .post(`/api/tickets/parameters/${encodeURIComponent(SWITCH)}`)
          .send({}),
      ],
      [
        'compliance',
        request(backend.server).get('/api/tickets/sla/compliance'),
      ],
      [
        'work log',
        request(backend.server)
          .post('/api/tickets/tickets/INC-2026-00001/work-logs')
          .send({}),
      ],
      [
        'ticket action',
        request(backend.server)
          .post('/api/tickets/tickets/INC-2026-00001/actions')
          .send({ action: 'nothing' }),
      ],
    ];
    for (const [name, probe] of probes) {
      const res = await probe.set('Authorization', as('xuli'));
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
      expect(res.body.error.message).not.toMatch(/body\.|query\./);
    }
  });

  it('keeps court staff out of changes', async () => {
    const filed = await changes.file('xuli');
    expect(filed.status).toBe(403);
    const { body } = await changes.file('wangqiang');
    expect((await changes.get('xuli', body.change.number)).status).toBe(404);
    const list = await changes.list('xuli', {});
    expect(list.body.items).toEqual([]);
  });

  it('refuses a stale version and desk actions on a change with 409', async () => {
    const { body } = await changes.file('wangqiang');
    const number = body.change.number;
    const [a, b] = await Promise.all([
      changes.act('wuxia', number, { action: 'approve', version: 1 }),
      changes.act('wuxia', number, {
        action: 'reject',
        version: 1,
        comment: 'x',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const desk = await request(backend.server)
      .post(`/api/tickets/tickets/${number}/actions`)
      .set('Authorization', as('wangqiang'))
      .send({ action: 'resolve', resolution: 'x', version: 2 });
    expect(desk.status).toBe(409);
    expect(desk.body.error.message).toContain('is a change');
  });

  it('files once per sourceRef, as a retried template step does', async () => {
    const sourceRef = 'scaffolder:task-1:file-change';
    const first = await changes.file('wangqiang', { sourceRef });
    const again = await changes.file('wangqiang', { sourceRef });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.change.number).toBe(first.body.change.number);
  });
});

describe('windows and freezes', () => {
  let backend: Backend;
  let changes: ReturnType<typeof api>;
  beforeAll(async () => {
    backend = await startTicketsBackend();
    changes = api(backend);
  });
  afterAll(() => backend.stop());

  it('warns of another change on the same system in an overlapping window', async () => {
    const window = { start: inHours(48), end: inHours(50) };
    const first = await changes.file('wangqiang', { window });
    const second = await changes.file('liuyang', {
      window: { start: inHours(49), end: inHours(51) },
      parameterEdits: [
        { device: SWITCH_2, parameter: 'vrrp-priority', newValue: '90' },
      ],
      entityRefs: [SWITCH_2],
    });
    expect(second.body.warnings).toEqual([
      expect.objectContaining({
        kind: 'overlap',
        number: first.body.change.number,
        refs: [NETWORK],
      }),
    ]);
    // Back to back is no overlap; another system is none either.
    const after = await changes.file('liuyang', {
      window: { start: inHours(51), end: inHours(52) },
      entityRefs: [SWITCH_2],
      parameterEdits: [],
    });
    expect(after.body.warnings).toEqual([]);
    const elsewhere = await changes.file('liuyang', {
      window,
      entityRefs: [RECORDER],
      parameterEdits: [],
    });
    expect(elsewhere.body.warnings).toEqual([]);
    // The calendar's range finds the overlapping windows, earliest first.
    const calendar = await changes.list('lina', {
      from: inHours(47),
      to: inHours(49.5),
      sort: 'window',
      system: NETWORK,
    });
    expect(
      calendar.body.items.map((c: { number: string }) => c.number),
    ).toEqual([first.body.change.number, second.body.change.number]);
  });

  it('blocks a normal change in a freeze unless the court IT office lets it in', async () => {
    const freezeWindow = { start: inHours(-1), end: inHours(24) };
    const byEngineer = await changes.freeze('wangqiang', {
      title: '重大案件庭审保障',
      window: freezeWindow,
    });
    expect(byEngineer.status).toBe(403);
    const freeze = await changes.freeze('wuxia', {
      title: '重大案件庭审保障',
      reason: '第九法庭公开审理重大案件，全院网络冻结',
      window: freezeWindow,
      entityRefs: [NETWORK],
    });
    expect(freeze.status).toBe(201);

    const inFreeze = openNow();
    const filed = await changes.file('wangqiang', { window: inFreeze });
    expect(filed.status).toBe(201);
    expect(filed.body.warnings).toEqual([
      expect.objectContaining({
        kind: 'freeze',
        title: '重大案件庭审保障',
        excepted: false,
      }),
    ]);
    const number = filed.body.change.number;
    const blocked = await changes.act('wuxia', number, {
      action: 'approve',
      version: 1,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('重大案件庭审保障');
    const noReason = await changes.act('wuxia', number, {
      action: 'approve',
      version: 1,
      freezeException: true,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('body.comment');
    const excepted = await changes.act('wuxia', number, {
      action: 'approve',
      version: 1,
      freezeException: true,
      comment: '安全补丁，须在庭审前完成',
    });
    expect(excepted.status).toBe(200);
    expect(excepted.body.change.change.freezeException).toBe(true);
    expect(excepted.body.warnings[0]).toMatchObject({ excepted: true });
    await walk(changes, number, [['wangqiang', { action: 'start' }]]);

    // A freeze on another system does not touch the courtroom's changes.
    const courtroom = await changes.file('wangqiang', {
      window: inFreeze,
      entityRefs: [COURTROOM],
      parameterEdits: [],
    });
    expect(courtroom.body.warnings).toEqual([]);

    // Approved before the freeze was declared: it may not start in it.
    const early = await changes.file('wangqiang', {
      window: { start: inHours(130), end: inHours(131) },
    });
    await walk(changes, early.body.change.number, [
      ['wuxia', { action: 'approve' }],
    ]);
    await changes.freeze('huangjun', {
      title: '院庆活动保障',
      window: { start: inHours(129), end: inHours(132) },
    });
    const start = await changes.act('wangqiang', early.body.change.number, {
      action: 'start',
      version: 2,
    });
    expect(start.status).toBe(409);
    expect(start.body.error.message).toContain('move its window');

    const listed = await request(backend.server)
      .get('/api/tickets/changes/freezes')
      .set('Authorization', as('wangqiang'));
    expect(listed.body.map((f: { title: string }) => f.title)).toEqual([
      '重大案件庭审保障',
      '院庆活动保障',
    ]);
    const lift = await request(backend.server)
      .delete(`/api/tickets/changes/freezes/${freeze.body.id}`)
      .set('Authorization', as('wuxia'));
    expect(lift.status).toBe(200);

    // Moving the window out of the freeze (and out of the approved window)
    // sends it back to the court; approved again, it goes ahead.
    await walk(changes, early.body.change.number, [
      ['wangqiang', { action: 'schedule', window: openNow() }],
      ['wuxia', { action: 'approve' }],
      ['wangqiang', { action: 'start' }],
    ]);
  });

  it('registers an emergency change done first, approved afterwards, and reports it as such', async () => {
    const future = await changes.file('wangqiang', {
      emergency: true,
      outcome: 'succeeded',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('body.window.start');

    const done = { start: inHours(-3), end: inHours(-2) };
    // Freezes do not hold up what was already done.
    await changes.freeze('wuxia', { title: '夜间冻结', window: done });
    const filed = await changes.file('wangqiang', {
      emergency: true,
      outcome: 'succeeded',
      window: done,
      risk: {
        trialImpact: 'interrupts',
        rollback: 'easy',
        testedInSimulation: false,
      },
      parameterEdits: [
        { device: SWITCH_2, parameter: 'vrrp-priority', newValue: '130' },
      ],
      entityRefs: [SWITCH_2],
    });
    expect(filed.status).toBe(201);
    expect(filed.body.change).toMatchObject({
      status: 'submitted',
      urgency: 'high',
      change: { emergency: true, riskLevel: 'high', outcome: 'succeeded' },
    });
    expect(filed.body.warnings).toEqual([
      expect.objectContaining({ kind: 'freeze', excepted: true }),
    ]);
    const pending = await changes.list('wuxia', { pendingApproval: 'true' });
    expect(
      pending.body.items.map((c: { number: string }) => c.number),
    ).toContain(filed.body.change.number);
    // Nothing reaches the register before the court approves it.
    expect(
      (await changes.register('wangqiang', SWITCH_2)).body.history,
    ).toEqual([]);
    await walk(changes, filed.body.change.number, [
      ['wuxia', { action: 'approve', comment: '补批' }],
    ]);
    const { body } = await changes.get('wuxia', filed.body.change.number);
    expect(body.change.status).toBe('succeeded');
    expect(body.change.change.finishedAt).toBe(done.end);
    const register = (await changes.register('wangqiang', SWITCH_2)).body;
    expect(register.history[0]).toMatchObject({
      newValue: '130',
      approvedBy: 'user:default/wuxia',
    });

    const rate = await request(backend.server)
      .get('/api/tickets/changes/success-rate')
      .query({ from: inHours(-24), to: inHours(1) })
      .set('Authorization', as('wuxia'));
    expect(rate.status).toBe(200);
    expect(rate.body).toMatchObject({
      succeeded: 1,
      failed: 0,
      rolledBack: 0,
      emergency: { succeeded: 1 },
      rate: 1,
    });
  });

  it('reports the success rate of changes that ended in a period', async () => {
    // Only what ends from here on: earlier tests ended changes at COURT_NOW.
    await backend.clock.advance({ minutes: 1 });
    const from = backend.clock.now().toUTC().toISO()!;
    const outcomes = [
      [['succeed', {}]],
      [['fail', { note: '割接失败' }]],
      [
        ['fail', { note: '割接失败' }],
        ['roll-back', { note: '已按回退方案恢复' }],
      ],
      [['roll-back', { note: '测试不通过，直接回退' }]],
    ] as const;
    for (const ending of outcomes) {
      const { body } = await changes.file('wangqiang', {
        entityRefs: [COURTROOM],
        parameterEdits: [],
        window: openNow(),
      });
      await walk(changes, body.change.number, [
        ['wuxia', { action: 'approve' }],
        ['wangqiang', { action: 'start' }],
        ...ending.map(
          ([action, extra]) =>
            ['wangqiang', { action, ...extra }] as [
              string,
              Record<string, unknown>,
            ],
        ),
      ]);
    }
    const rate = await request(backend.server)
      .get('/api/tickets/changes/success-rate')
      .query({ from, to: inHours(1), system: COURTROOM })
      .set('Authorization', as('sunlei'));
    expect(rate.body).toMatchObject({
      succeeded: 1,
      failed: 1,
      rolledBack: 2,
      rate: 0.25,
    });
    const staff = await request(backend.server)
      .get('/api/tickets/changes/success-rate')
      .query({ from, to: inHours(1) })
      .set('Authorization', as('xuli'));
    expect(staff.status).toBe(403);
    const bad = await request(backend.server)
      .get('/api/tickets/changes/success-rate')
      .query({ from: inHours(1), to: from })
      .set('Authorization', as('sunlei'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('query.to');
  });
});
