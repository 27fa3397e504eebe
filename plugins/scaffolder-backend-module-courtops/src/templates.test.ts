import { mockCredentials } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import request from 'supertest';
import {
  NETWORK,
  startCourtBackend,
  SWITCH,
  inHours,
  template,
} from './__testUtils__/courtBackend';

jest.setTimeout(120_000);

/** What an engineer enters on the change-request form. */
const changeRequest = {
  title: '核心交换机 1 号 VRRP 优先级调整',
  description: '由 120 调整为 150',
  reason: '主备切换演练后恢复主用地位',
  // As the court's pickers store them: refs for the action, beside what the review shows.
  entityRefs: { refs: [NETWORK], names: '网络系统' },
  implementer: { refs: ['user:default/zhaomin'], names: '赵敏' },
  parameterEdits: {
    edits: [
      {
        device: SWITCH,
        parameter: 'vrrp-priority',
        oldValue: '120',
        newValue: '150',
        rule: { type: 'integer', min: 1, max: 254 },
      },
    ],
    review: ['核心交换机 1号 · vrrp-priority: 120 → 150'],
  },
  trialImpact: 'none',
  rollback: 'easy',
  testedInSimulation: true,
  rollbackPlan: '改回 120，确认主备状态',
  window: courtWindow(24, 26),
};

/** A window as the court's window picker stores it: instants with the +08:00 offset, and as read. */
function courtWindow(fromHours: number, toHours: number) {
  const inCourt = (hours: number) =>
    DateTime.fromISO(inHours(hours))
      .setZone('Asia/Shanghai')
      .toISO({ suppressMilliseconds: true })!;
  return {
    start: inCourt(fromHours),
    end: inCourt(toHours),
    local: 'the window as read (shown in the review only)',
  };
}

const engineer = mockCredentials.user.header('user:default/wangqiang');

describe('the templates, run by the real scaffolder', () => {
  let backend: Awaited<ReturnType<typeof startCourtBackend>>;
  beforeAll(async () => {
    backend = await startCourtBackend({ scaffolder: true });
  });
  afterAll(() => backend.stop());

  const changeCount = async () =>
    (
      await request(backend.server)
        .get('/api/tickets/changes?limit=200')
        .set('Authorization', mockCredentials.user.header('user:default/wuxia'))
    ).body.items.length;

  it('lists the action with its examples', async () => {
    const res = await request(backend.server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', engineer);
    const action = res.body.find(
      (a: { id: string }) => a.id === 'courtops:change:create',
    );
    expect(action.examples).toHaveLength(3);
    expect(action.schema.input.required).toEqual(
      expect.arrayContaining(['title', 'reason', 'entityRefs', 'window']),
    );
  });

  it.each([
    ['change-request', changeRequest],
    [
      'emergency-change',
      {
        ...changeRequest,
        outcome: 'succeeded',
        window: courtWindow(-3, -2),
      },
    ],
    [
      'software-release',
      {
        software: '审判管理系统',
        toVersion: '5.2',
        reason: '新版文书样式',
        entityRefs: { refs: [NETWORK], names: '网络系统' },
        requirementAnalysis: '需求分析报告',
        trialFeedback: '试运行意见已整改',
        simulationTest: '模拟环境全流程测试通过',
        trialImpact: 'possible',
        rollback: 'moderate',
        rollbackPlan: '回滚至 5.1',
        window: courtWindow(48, 50),
      },
    ],
  ])(
    'dry-runs %s through the scaffolder API, filing nothing',
    async (name, values) => {
      const before = await changeCount();
      const res = await request(backend.server)
        .post('/api/scaffolder/v2/dry-run')
        .set('Authorization', engineer)
        .send({ template: template(name), values, directoryContents: [] });
      expect({ status: res.status, error: res.body.error }).toEqual({
        status: 200,
      });
      const finished = res.body.log.filter(
        (entry: { body: { status?: string } }) =>
          entry.body.status === 'completed',
      );
      expect(
        finished.map((e: { body: { stepId: string } }) => e.body.stepId),
      ).toHaveLength(1);
      expect(res.body.output.links[0].url).toBe('/changes');
      expect(await changeCount()).toBe(before);
    },
  );

  it('runs the change-request template as the engineer and links to the change it filed', async () => {
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', engineer)
      .send({
        templateRef: 'template:default/change-request',
        values: changeRequest,
      });
    expect(created.status).toBe(201);
    let task: { status: string; id: string };
    do {
      await new Promise(r => setTimeout(r, 200));
      task = (
        await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
          .set('Authorization', engineer)
      ).body;
    } while (task.status === 'open' || task.status === 'processing');
    const events = await request(backend.server)
      .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
      .set('Authorization', engineer);
    const completion = events.body.find(
      (e: { type: string }) => e.type === 'completion',
    );
    expect({ status: task.status, message: completion.body.message }).toEqual({
      status: 'completed',
      message: expect.any(String),
    });
    // The Chinese sentence names the risk in Chinese, the English one in English.
    expect(completion.body.output.text[0].content).toMatch(
      /风险等级：低。\n.*risk low\./,
    );
    const link = completion.body.output.links[0];
    expect(link.url).toMatch(/^\/changes\/CHG-\d{4}-\d{5}$/);
    const number = link.url.split('/').at(-1);

    const { body } = await request(backend.server)
      .get(`/api/tickets/changes/${number}`)
      .set('Authorization', engineer);
    expect(body.change).toMatchObject({
      status: 'submitted',
      reporter: 'user:default/wangqiang',
      // The implementer picked on the form.
      assignee: 'user:default/zhaomin',
      sourceRef: `scaffolder:${created.body.id}:file`,
      change: {
        riskLevel: 'low',
        window: {
          start: new Date(changeRequest.window.start).toISOString(),
          end: new Date(changeRequest.window.end).toISOString(),
        },
        // The edit as the picker stored it, without what it kept for the review.
        parameterEdits: [
          {
            device: SWITCH,
            parameter: 'vrrp-priority',
            oldValue: '120',
            newValue: '150',
          },
        ],
      },
    });
  });
});
