import type { Instant } from '@internal/plugin-sla-common';
import type { Ticket, TicketEventRecord, TicketLink } from '../types';

/**
 * Where a change stands (CHG-1, CHG-2, CHG-4): 草稿 → 待审批 → 已批准 / 已驳回 →
 * 已排期 → 实施中 → 成功 / 失败 / 已回退.
 */
export type ChangeStatus =
  | 'draft'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'scheduled'
  | 'in-progress'
  | 'succeeded'
  | 'failed'
  | 'rolled-back';

export const CHANGE_STATUSES: readonly ChangeStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'scheduled',
  'in-progress',
  'succeeded',
  'failed',
  'rolled-back',
];

/** How a change ended; an emergency change is registered with one of these (CHG-4). */
export type ChangeOutcome = 'succeeded' | 'failed' | 'rolled-back';

export const CHANGE_OUTCOMES: readonly ChangeOutcome[] = [
  'succeeded',
  'failed',
  'rolled-back',
];

/** Changes that hold a window: they can collide with one another. */
export const ACTIVE_CHANGE_STATUSES: readonly ChangeStatus[] = [
  'submitted',
  'approved',
  'scheduled',
  'in-progress',
];

/** Does the change touch trials that are in session? */
export type TrialImpact = 'none' | 'possible' | 'interrupts';
export const TRIAL_IMPACTS: readonly TrialImpact[] = [
  'none',
  'possible',
  'interrupts',
];

/** How hard it is to put the old state back. */
export type RollbackDifficulty = 'easy' | 'moderate' | 'hard';
export const ROLLBACK_DIFFICULTIES: readonly RollbackDifficulty[] = [
  'easy',
  'moderate',
  'hard',
];

/** The answers the risk is computed from (see `assessRisk`). */
export interface RiskAnswers {
  readonly trialImpact: TrialImpact;
  readonly rollback: RollbackDifficulty;
  /** Tried in a simulated environment before (CHG-5). */
  readonly testedInSimulation: boolean;
}

export type RiskLevel = 'low' | 'medium' | 'high';
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** A planned (or, for an emergency change, actual) window: [start, end). */
export interface ChangeWindow {
  readonly start: Instant;
  readonly end: Instant;
}

/** One key parameter of one device changed by the change (CAT-4, CHG-3). */
export interface ParameterEdit {
  /** Resource entity ref of the device. */
  readonly device: string;
  /** The parameter's name in the device's `spec.keyParameters`. */
  readonly parameter: string;
  /** The value before the change: given by the filer or read from the register. */
  readonly oldValue: string;
  readonly newValue: string;
  /** When it was written to the parameter register; absent until then. */
  readonly appliedAt?: Instant;
}

/** A software release or upgrade (CHG-5): analysed, trialled and tested before deployment. */
export interface ReleaseDetails {
  readonly software: string;
  readonly fromVersion?: string;
  readonly toVersion: string;
  readonly requirementAnalysis: string;
  readonly trialFeedback: string;
  readonly simulationTest: string;
}

/** What a change carries beyond the family's common record. */
export interface ChangeData {
  /** Done first, registered and approved afterwards (CHG-2). */
  readonly emergency: boolean;
  /** Why the change is needed; the ticket's description says what it does. */
  readonly reason: string;
  readonly risk: RiskAnswers;
  readonly riskLevel: RiskLevel;
  readonly rollbackPlan: string;
  readonly window: ChangeWindow;
  /** An emergency change's outcome as registered; set for every change once it ends. */
  readonly outcome?: ChangeOutcome;
  readonly parameterEdits: readonly ParameterEdit[];
  readonly release?: ReleaseDetails;
  /** The court IT office's decision, with its comment. */
  readonly decidedBy?: string;
  readonly decidedAt?: Instant;
  readonly decisionComment?: string;
  /** The court allowed this normal change into a freeze period. */
  readonly freezeException: boolean;
  readonly startedAt?: Instant;
  readonly finishedAt?: Instant;
}

/**
 * A change as lists and the change page show it: the family's record (whose
 * `assignee` is the implementer) plus its change data.
 */
export interface Change extends Ticket {
  readonly change: ChangeData;
}

/** Something the filer or the approver should know before going ahead. */
export type ChangeWarning =
  | {
      readonly kind: 'overlap';
      /** The other change's number. */
      readonly number: string;
      readonly title: string;
      readonly window: ChangeWindow;
      /** The systems and devices both touch. */
      readonly refs: readonly string[];
    }
  | {
      readonly kind: 'freeze';
      readonly freezeId: string;
      readonly title: string;
      readonly window: ChangeWindow;
      /** Whether the court has allowed the change into it. */
      readonly excepted: boolean;
    };

export interface ChangeDetail {
  readonly change: Change;
  readonly events: readonly TicketEventRecord[];
  readonly links: readonly TicketLink[];
  readonly warnings: readonly ChangeWarning[];
}

export interface ChangePage {
  readonly items: readonly Change[];
  readonly nextCursor?: string;
}

/**
 * A period in which normal changes wait, e.g. during a major trial or event;
 * only an exception approved by the court lets one in.
 */
export interface FreezePeriod {
  readonly id: string;
  readonly title: string;
  readonly reason: string;
  readonly window: ChangeWindow;
  /** Systems and devices it covers; empty: the whole court. */
  readonly entityRefs: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Instant;
}

/** Changes that ended in a period and how (CHG-4, RPT-1). */
export interface ChangeSuccessRate {
  readonly from: Instant;
  readonly to: Instant;
  readonly succeeded: number;
  readonly failed: number;
  readonly rolledBack: number;
  /** Of those, emergency changes, reported as such. */
  readonly emergency: {
    readonly succeeded: number;
    readonly failed: number;
    readonly rolledBack: number;
  };
  /** succeeded / ended; absent when nothing ended in the period. */
  readonly rate?: number;
}

/** One entry of a device's parameter register: an approved change applied. */
export interface ParameterChangeRecord {
  readonly device: string;
  readonly parameter: string;
  readonly oldValue: string;
  readonly newValue: string;
  readonly changeNumber: string;
  readonly approvedBy?: string;
  readonly approvedAt?: Instant;
  readonly appliedBy: string;
  readonly appliedAt: Instant;
}

/** A device's register: every applied change, newest first. */
export interface ParameterRegister {
  readonly device: string;
  readonly history: readonly ParameterChangeRecord[];
}
