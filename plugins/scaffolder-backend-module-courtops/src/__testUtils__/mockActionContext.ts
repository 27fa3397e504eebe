import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { createChangeAction } from '../actions/createChange';

/** The context `courtops:change:create` runs in, and its input. */
export type ChangeActionContext = Parameters<
  ReturnType<typeof createChangeAction>['handler']
>[0];
export type ChangeActionInput = ChangeActionContext['input'];

/**
 * An action context as the scaffolder's task runner builds one. Backstage's
 * `createMockActionContext` lives in @backstage/plugin-scaffolder-node-test-utils,
 * which this repo does not install; this one also keeps checkpoints in a map
 * that a test can carry from one run to the next, as the task store does
 * across a recovery.
 */
export function mockActionContext(
  input: ChangeActionInput,
  options: {
    taskId?: string;
    stepId?: string;
    isDryRun?: boolean;
    user?: string;
    /** The task's checkpoint state; pass the same map to resume a task. */
    checkpoints?: Map<string, unknown>;
  } = {},
) {
  const user = options.user ?? 'user:default/wangqiang';
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const ctx: ChangeActionContext = {
    input,
    logger: mockServices.logger.mock(),
    workspacePath: createMockDirectory().path,
    task: { id: options.taskId ?? 'task-1' },
    step: { id: options.stepId ?? 'file' },
    user: { ref: user },
    isDryRun: options.isDryRun,
    output(name, value) {
      outputs[name] = value;
    },
    async createTemporaryDirectory() {
      return createMockDirectory().path;
    },
    async getInitiatorCredentials() {
      return mockCredentials.user(user);
    },
    async checkpoint({ key, fn }) {
      if (!checkpoints.has(key)) {
        checkpoints.set(key, (await fn()) ?? {});
      }
      return checkpoints.get(key) as never;
    },
  };
  return { ctx, outputs, checkpoints };
}
