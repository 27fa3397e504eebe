import { ConflictError, NotAllowedError } from '@backstage/errors';
import fc from 'fast-check';
import {
  CARRY_OUT_ACTIONS,
  CHANGE_ACTIONS,
  changeLifecycle,
} from './lifecycle';
import type {
  ChangeData,
  ChangeStatus,
  FreezePeriod,
  ParameterChangeRecord,
} from './model';
import { CHANGE_STATUSES } from './model';
import type { ParsedChangeAction } from './schemas';
import {
  ChangeRecord,
  ChangeStepInput,
  changeStepWindow,
  planChangeStep,
  registerEntries,
} from './step';

const FILER = 'user:default/zhang.wei';
const IMPLEMENTER = 'user:default/li.na';
const APPROVER = 'user:default/wang.fang';
const ENGINEER = 'user:default/zhao.lei';
const DEVICE = 'resource:default/court-3-camera';

// Tuesday 3 March 2026, 20:00–22:00 in Beijing.
const WINDOW = {
  start: '2026-03-03T12:00:00.000Z',
  end: '2026-03-03T14:00:00.000Z',
};
const IN_WINDOW = '2026-03-03T12:30:00.000Z';

function ticket(status: ChangeStatus, version = 4): ChangeRecord {
  return {
    number: 'CHG-2026-0007',
    version,
    status,
    createdBy: FILER,
    assignee: IMPLEMENTER,
    entityRefs: [DEVICE],
    systemRefs: ['system:default/trial-recording'],
  };
}

const normalChange: ChangeData = {
  emergency: false,
  reason: 'firmware fixes the recording drop-outs',
  risk: { trialImpact: 'none', rollback: 'easy', testedInSimulation: true },
  riskLevel: 'low',
  rollbackPlan: 'flash the previous firmware',
  window: WINDOW,
  parameterEdits: [
    { device: DEVICE, parameter: 'firmware', oldValue: '1.2', newValue: '1.3' },
  ],
  freezeException: false,
};
const approved: ChangeData = {
  ...normalChange,
  decidedBy: APPROVER,
  decidedAt: '2026-03-02T02:00:00.000Z',
};

function input(overrides: Partial<ChangeStepInput>): ChangeStepInput {
  return {
    ticket: ticket('approved'),
    change: approved,
    action: { action: 'start', version: 4 },
    actor: IMPLEMENTER,
    at: IN_WINDOW,
    freezes: [],
    parameterHistory: [],
    zone: 'Asia/Shanghai',
    ...overrides,
  };
}

/** A well-formed action of each kind, at `version`. */
function actionOf(
  kind: ParsedChangeAction['action'],
  version = 4,
): ParsedChangeAction {
  switch (kind) {
    case 'approve':
      return { action: kind, version, freezeException: false };
    case 'reject':
      return { action: kind, version, comment: 'not in term time' };
    case 'fail':
    case 'roll-back':
      return { action: kind, version, note: 'recording stopped' };
    case 'schedule':
      return { action: kind, version };
    default:
      return { action: kind, version };
  }
}

/** The error `step` throws, if any. */
function refusalOf(step: () => unknown): Error | undefined {
  try {
    step();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

const trialFreeze: FreezePeriod = {
  id: 'f1',
  title: 'Major trial broadcast',
  reason: 'live broadcast from court 3',
  window: {
    start: '2026-03-03T00:00:00.000Z',
    end: '2026-03-04T00:00:00.000Z',
  },
  entityRefs: [],
  createdBy: APPROVER,
  createdAt: '2026-03-01T00:00:00.000Z',
};

describe('planChangeStep: four eyes', () => {
  it.each([FILER, IMPLEMENTER])(
    'refuses the approval of %s, who filed or carries out the change',
    actor => {
      expect(() =>
        planChangeStep(
          input({
            ticket: ticket('submitted'),
            change: normalChange,
            action: actionOf('approve'),
            actor,
          }),
        ),
      ).toThrow(NotAllowedError);
    },
  );

  it('lets someone else approve', () => {
    const plan = planChangeStep(
      input({
        ticket: ticket('submitted'),
        change: normalChange,
        action: actionOf('approve'),
        actor: APPROVER,
      }),
    );
    expect(plan.status).toBe('approved');
    expect(plan.change).toMatchObject({
      decidedBy: APPROVER,
      decidedAt: IN_WINDOW,
    });
  });

  it('refuses every carrying-out step to whoever approved, and no other step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANGE_ACTIONS),
        fc.constantFrom(...CHANGE_STATUSES),
        (kind, status) => {
          const refusal = refusalOf(() =>
            planChangeStep(
              input({
                ticket: { ...ticket(status), assignee: ENGINEER },
                action: actionOf(kind),
                actor: APPROVER,
              }),
            ),
          );
          // The approval rule refuses the approver too only when it filed or carries out.
          expect(refusal instanceof NotAllowedError).toBe(
            CARRY_OUT_ACTIONS.includes(kind),
          );
        },
      ),
    );
  });

  it('comes before the version and the status', () => {
    expect(() =>
      planChangeStep(
        input({
          ticket: ticket('draft', 9),
          action: actionOf('approve', 1),
          actor: FILER,
        }),
      ),
    ).toThrow(NotAllowedError);
  });
});

describe('planChangeStep: version and lifecycle', () => {
  it('refuses a stale version with 409', () => {
    expect(() =>
      planChangeStep(input({ action: actionOf('start', 3) })),
    ).toThrow(/at version 4, not 3/);
  });

  it('refuses exactly the steps the lifecycle does not allow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANGE_ACTIONS),
        fc.constantFrom(...CHANGE_STATUSES),
        (kind, status) => {
          const refusal = refusalOf(() =>
            planChangeStep(
              input({
                ticket: ticket(status),
                change: normalChange,
                action: actionOf(kind),
                actor:
                  kind === 'approve' || kind === 'reject' ? APPROVER : ENGINEER,
              }),
            ),
          );
          expect(refusal === undefined).toBe(
            changeLifecycle.isAllowed(status, kind),
          );
          expect(
            refusal === undefined ||
              (refusal instanceof ConflictError &&
                refusal.message.endsWith(`it is ${status}`)),
          ).toBe(true);
        },
      ),
    );
  });
});

describe('planChangeStep: the approved window', () => {
  const startAt = (at: string, overrides: Partial<ChangeStepInput> = {}) =>
    planChangeStep(input({ at, ...overrides }));

  it('lets a normal change start from 15 minutes before its window until its end', () => {
    expect(startAt('2026-03-03T11:45:00.000Z').status).toBe('in-progress');
    expect(startAt('2026-03-03T13:59:59.999Z').change).toEqual({
      startedAt: '2026-03-03T13:59:59.999Z',
    });
    expect(() => startAt('2026-03-03T11:44:59.999Z')).toThrow(ConflictError);
    expect(() => startAt(WINDOW.end)).toThrow(ConflictError);
  });

  it('names the window in the court zone and the grace in the refusal', () => {
    expect(() =>
      startAt('2026-03-03T10:00:00.000Z', { startGraceMinutes: 30 }),
    ).toThrow(
      'cannot start change CHG-2026-0007 outside its approved window 2026-03-03 20:00–22:00 (Asia/Shanghai): it may start from 30 min before the window',
    );
    expect(
      startAt('2026-03-03T11:30:00.000Z', { startGraceMinutes: 30 }).status,
    ).toBe('in-progress');
  });

  it('does not hold an emergency change to its window', () => {
    expect(
      startAt('2026-03-05T00:00:00.000Z', {
        change: { ...approved, emergency: true },
      }).status,
    ).toBe('in-progress');
  });
});

describe('planChangeStep: freezes', () => {
  it('stops an approval in a freeze unless the court excepts it', () => {
    const approve = (freezeException: boolean) =>
      planChangeStep(
        input({
          ticket: ticket('submitted'),
          change: normalChange,
          action: {
            action: 'approve',
            version: 4,
            freezeException,
            comment: 'the fix cannot wait',
          },
          actor: APPROVER,
          freezes: [trialFreeze],
        }),
      );
    expect(() => approve(false)).toThrow(
      'its window falls in the freeze "Major trial broadcast"; approve it with a freeze exception',
    );
    expect(approve(true).change.freezeException).toBe(true);
  });

  it('stops a start in a freeze, but not once the court excepted the change', () => {
    expect(() => planChangeStep(input({ freezes: [trialFreeze] }))).toThrow(
      'move its window out of the freeze',
    );
    expect(
      planChangeStep(
        input({
          change: { ...approved, freezeException: true },
          freezes: [trialFreeze],
        }),
      ).status,
    ).toBe('in-progress');
  });

  it('sends a window moved outside the approved one back for approval, freezes met there', () => {
    const later = {
      start: '2026-03-03T13:00:00.000Z',
      end: '2026-03-03T15:00:00.000Z',
    };
    const action: ParsedChangeAction = {
      action: 'schedule',
      version: 4,
      window: later,
    };
    expect(changeStepWindow(approved, action)).toEqual(later);
    const plan = planChangeStep(input({ action, freezes: [trialFreeze] }));
    expect(plan.status).toBe('submitted');
    expect(plan.change).toEqual({
      window: later,
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      freezeException: false,
    });
    expect(plan.events).toEqual([
      {
        type: 'scheduled',
        at: IN_WINDOW,
        actor: IMPLEMENTER,
        data: { window: later, reapproval: true },
      },
    ]);
  });

  it('keeps the approval of a window moved inside the approved one', () => {
    const inside = { start: '2026-03-03T12:30:00.000Z', end: WINDOW.end };
    const plan = planChangeStep(
      input({ action: { action: 'schedule', version: 4, window: inside } }),
    );
    expect(plan.status).toBe('scheduled');
    expect(plan.change).toEqual({ window: inside });
  });
});

describe('planChangeStep: the parameter register', () => {
  const moved: ParameterChangeRecord = {
    device: DEVICE,
    parameter: 'firmware',
    oldValue: '1.2',
    newValue: '1.2b',
    changeNumber: 'CHG-2026-0005',
    appliedBy: ENGINEER,
    appliedAt: '2026-03-02T00:00:00.000Z',
  };

  it('writes a succeeded change edits, from the register latest value', () => {
    const plan = planChangeStep(
      input({
        ticket: ticket('in-progress'),
        action: { action: 'succeed', version: 4, note: 'recording checked' },
        parameterHistory: [moved],
      }),
    );
    expect(plan.status).toBe('succeeded');
    expect(plan.register).toEqual([
      {
        device: DEVICE,
        parameter: 'firmware',
        oldValue: '1.2b',
        newValue: '1.3',
        appliedBy: IMPLEMENTER,
        appliedAt: IN_WINDOW,
        approvedBy: APPROVER,
        approvedAt: approved.decidedAt,
      },
    ]);
    expect(plan.events.map(e => e.type)).toEqual([
      'succeeded',
      'parameter-applied',
    ]);
    expect(plan.events[1].data).toMatchObject({ from: '1.2b', to: '1.3' });
  });

  it('skips edits already applied and keeps the filed old value without history', () => {
    expect(
      registerEntries(
        [
          {
            device: DEVICE,
            parameter: 'firmware',
            oldValue: '1.2',
            newValue: '1.3',
          },
          { device: DEVICE, parameter: 'ip', oldValue: 'a', newValue: 'b' },
        ],
        [moved],
        { appliedBy: ENGINEER, appliedAt: IN_WINDOW },
      ).map(r => r.oldValue),
    ).toEqual(['1.2b', 'a']);
    const plan = planChangeStep(
      input({
        ticket: ticket('in-progress'),
        change: {
          ...approved,
          parameterEdits: [
            { ...approved.parameterEdits[0], appliedAt: IN_WINDOW },
          ],
        },
        action: { action: 'succeed', version: 4 },
      }),
    );
    expect(plan.register).toEqual([]);
  });

  it('ends an approved emergency change as registered, its edits by the engineer in its window', () => {
    const plan = planChangeStep(
      input({
        ticket: ticket('submitted'),
        change: { ...normalChange, emergency: true, outcome: 'succeeded' },
        action: actionOf('approve'),
        actor: APPROVER,
        at: '2026-03-04T01:00:00.000Z',
        freezes: [trialFreeze],
      }),
    );
    expect(plan.status).toBe('succeeded');
    expect(plan.change).toMatchObject({
      startedAt: WINDOW.start,
      finishedAt: WINDOW.end,
      freezeException: false,
    });
    expect(plan.register).toEqual([
      expect.objectContaining({
        appliedBy: IMPLEMENTER,
        appliedAt: WINDOW.end,
        approvedBy: APPROVER,
        approvedAt: '2026-03-04T01:00:00.000Z',
      }),
    ]);
    // The log entry is the approver's, at the approval; the record says who applied it.
    expect(plan.events[1]).toMatchObject({
      type: 'parameter-applied',
      actor: APPROVER,
      at: '2026-03-04T01:00:00.000Z',
      data: { appliedBy: IMPLEMENTER, appliedAt: WINDOW.end },
    });
  });
});

it('is pure: the same input gives the same plan and is left as it was', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...CHANGE_ACTIONS),
      fc.constantFrom(...CHANGE_STATUSES),
      (kind, status) => {
        const given = input({
          ticket: ticket(status),
          action: actionOf(kind),
          actor: ENGINEER,
        });
        const before = JSON.stringify(given);
        const outcome = () => {
          let plan: unknown;
          const refusal = refusalOf(() => {
            plan = planChangeStep(given);
          });
          return refusal?.message ?? plan;
        };
        expect(outcome()).toEqual(outcome());
        expect(JSON.stringify(given)).toBe(before);
      },
    ),
  );
});
