import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ChangeActionInput,
  mockActionContext,
} from '../__testUtils__/mockActionContext';
import {
  inHours,
  NETWORK,
  startCourtBackend,
  SWITCH,
} from '../__testUtils__/courtBackend';
import { createTicketsService } from '@internal/plugin-tickets-node';
import { createChangeAction } from './createChange';

jest.setTimeout(60_000);

const input: ChangeActionInput = {
  title: '核心交换机 1 号 VRRP 优先级调整',
  description: '由 120 调整为 150',
  reason: '主备切换演练后恢复主用地位',
  entityRefs: [NETWORK],
  implementer: '',
  risk: { trialImpact: 'none', rollback: 'easy', testedInSimulation: true },
  rollbackPlan: '改回 120',
  window: {
    start: inHours(24),
    end: inHours(25),
  },
  parameterEdits: [
    {
      device: SWITCH,
      parameter: 'vrrp-priority',
      oldValue: '',
      newValue: '150',
    },
  ],
};

describe('courtops:change:create', () => {
  let backend: Awaited<ReturnType<typeof startCourtBackend>>;
  const auth = mockServices.auth.mock({
    getPluginRequestToken: jest.fn(async ({ onBehalfOf, targetPluginId }) => ({
      token: mockCredentials.service.token({ onBehalfOf, targetPluginId }),
    })),
  });
  let action: ReturnType<typeof createChangeAction>;

  beforeAll(async () => {
    backend = await startCourtBackend({ scaffolder: false });
    action = createChangeAction({
      tickets: createTicketsService({ auth, discovery: backend.discovery }),
    });
  });
  afterAll(() => backend.stop());
  beforeEach(() => jest.clearAllMocks());

  const changes = async () =>
    (
      await request(backend.server)
        .get('/api/tickets/changes?limit=200')
        .set('Authorization', mockCredentials.user.header('user:default/wuxia'))
    ).body.items as { number: string; reporter: string; sourceRef: string }[];

  it('files the change as the user who ran the template and outputs its page', async () => {
    const { ctx, outputs } = mockActionContext(input, { taskId: 'task-a' });
    await action.handler(ctx);
    expect(auth.getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: mockCredentials.user('user:default/wangqiang'),
      targetPluginId: 'tickets',
    });
    expect(outputs).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^CHG-\d{4}-\d{5}$/),
      status: 'submitted',
      riskLevel: 'low',
      riskLevelZh: '低',
      url: `/changes/${outputs.number}`,
      warnings: [],
    });
    const filed = (await changes()).find(c => c.number === outputs.number);
    expect(filed).toMatchObject({
      reporter: 'user:default/wangqiang',
      sourceRef: 'scaffolder:task-a:file',
    });
  });

  it('files once when the task is retried, with or without its checkpoint', async () => {
    const before = (await changes()).length;
    const first = mockActionContext(input, { taskId: 'task-b' });
    await action.handler(first.ctx);
    // Recovered with its checkpoints: the step does not call the API again.
    const resumed = mockActionContext(input, {
      taskId: 'task-b',
      checkpoints: first.checkpoints,
    });
    await action.handler(resumed.ctx);
    expect(auth.getPluginRequestToken).toHaveBeenCalledTimes(1);
    // Crashed after filing but before the checkpoint was saved: the key finds the first change.
    const lost = mockActionContext(input, { taskId: 'task-b' });
    await action.handler(lost.ctx);
    expect(resumed.outputs.number).toBe(first.outputs.number);
    expect(lost.outputs.number).toBe(first.outputs.number);
    expect((await changes()).length).toBe(before + 1);
  });

  it('validates and previews in a dry run, filing nothing and asking for no token', async () => {
    const before = (await changes()).length;
    const { ctx, outputs } = mockActionContext(
      {
        ...input,
        risk: {
          trialImpact: 'possible',
          rollback: 'hard',
          testedInSimulation: true,
        },
      },
      { isDryRun: true },
    );
    await action.handler(ctx);
    expect(outputs).toMatchObject({
      number: 'CHG-DRY-RUN',
      status: 'submitted',
      riskLevel: 'high',
    });
    expect(auth.getPluginRequestToken).not.toHaveBeenCalled();
    expect((await changes()).length).toBe(before);
    // A bad input fails the dry run too, naming the field.
    const bad = mockActionContext(
      {
        ...input,
        window: { start: input.window.end, end: input.window.start },
      },
      { isDryRun: true },
    );
    await expect(action.handler(bad.ctx)).rejects.toThrow(
      'input.window.end: must be after start',
    );
  });

  it('fails the step with the API’s reason and files nothing', async () => {
    const before = (await changes()).length;
    const unknown = mockActionContext(
      {
        ...input,
        parameterEdits: [
          { device: SWITCH, parameter: 'no-such-parameter', newValue: '1' },
        ],
      },
      { taskId: 'task-c' },
    );
    await expect(action.handler(unknown.ctx)).rejects.toThrow(
      'body.parameterEdits.0.parameter: resource:default/core-switch-01 has no key parameter no-such-parameter',
    );
    // The catalog says VRRP priority is a whole number from 1 to 254.
    const outOfRange = mockActionContext(
      {
        ...input,
        parameterEdits: [
          { device: SWITCH, parameter: 'vrrp-priority', newValue: '300' },
        ],
      },
      { taskId: 'task-e' },
    );
    await expect(action.handler(outOfRange.ctx)).rejects.toThrow(
      'body.parameterEdits.0.newValue: must be from 1 to 254',
    );
    // Court staff may run templates, but the change is filed as them, and they may not file one.
    const staff = mockActionContext(input, {
      taskId: 'task-d',
      user: 'user:default/xuli',
    });
    await expect(action.handler(staff.ctx)).rejects.toThrow(
      'tickets.change.create is not allowed',
    );
    expect((await changes()).length).toBe(before);
  });
});
