import type {
  Change,
  ChangeData,
  ChangeDetail,
  ChangeWarning,
} from '@internal/plugin-tickets-common';
import { makeTicket } from './fixtures';

/** A submitted change on the courtroom recorder; override what the test is about. */
export function makeChange(
  overrides: Partial<Change> = {},
  data: Partial<ChangeData> = {},
): Change {
  return {
    ...makeTicket({
      type: 'change',
      number: 'CHG-2026-00007',
      status: 'submitted',
      title: '录像机存储策略调整',
      assignee: 'user:default/wangqiang',
      clocks: undefined,
      ...overrides,
    }),
    change: {
      emergency: false,
      reason: '存储将满',
      risk: { trialImpact: 'none', rollback: 'easy', testedInSimulation: true },
      riskLevel: 'low',
      rollbackPlan: '恢复原策略',
      window: {
        start: '2026-12-05T12:00:00.000Z',
        end: '2026-12-05T14:00:00.000Z',
      },
      parameterEdits: [
        {
          device: 'resource:default/courtroom-7-recorder',
          parameter: 'retention-days',
          oldValue: '30',
          newValue: '60',
        },
      ],
      freezeException: false,
      ...data,
    },
  };
}

export function changeDetail(
  change: Change,
  warnings: ChangeWarning[] = [],
): ChangeDetail {
  return { change, events: [], links: [], warnings };
}
