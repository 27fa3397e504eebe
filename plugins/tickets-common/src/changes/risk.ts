import type { Impact, Urgency } from '@internal/plugin-sla-common';
import type {
  RiskAnswers,
  RiskLevel,
  RollbackDifficulty,
  TrialImpact,
} from './model';

const TRIAL_SCORE: Record<TrialImpact, number> = {
  none: 0,
  possible: 1,
  interrupts: 2,
};
const ROLLBACK_SCORE: Record<RollbackDifficulty, number> = {
  easy: 0,
  moderate: 1,
  hard: 2,
};

/**
 * A change's risk from three answers (CHG-1). Each answer scores 0 (best)
 * upwards: trials none 0 / possible 1 / interrupts 2, rollback easy 0 /
 * moderate 1 / hard 2, untested in a simulated environment 1. A total of 0
 * is low, 1–2 medium, 3 or more high; interrupting a trial in session is
 * high whatever the rest, because the court cannot re-run a hearing.
 */
export function assessRisk(answers: RiskAnswers): RiskLevel {
  if (answers.trialImpact === 'interrupts') return 'high';
  const score =
    TRIAL_SCORE[answers.trialImpact] +
    ROLLBACK_SCORE[answers.rollback] +
    (answers.testedInSimulation ? 0 : 1);
  if (score >= 3) return 'high';
  if (score >= 1) return 'medium';
  return 'low';
}

const TRIAL_IMPACT: Record<TrialImpact, Impact> = {
  none: 'small',
  possible: 'medium',
  interrupts: 'large',
};

/**
 * A change's place on the family's urgency × impact matrix, which every
 * record of the family carries: the impact is its effect on trials, and an
 * emergency change is urgent. No SLA clock runs on a change.
 */
export function changePriority(
  answers: RiskAnswers,
  emergency: boolean,
): { urgency: Urgency; impact: Impact } {
  return {
    urgency: emergency ? 'high' : 'medium',
    impact: TRIAL_IMPACT[answers.trialImpact],
  };
}
