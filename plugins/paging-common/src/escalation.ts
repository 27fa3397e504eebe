import { DateTime } from 'luxon';
import { PagingConfig } from './config';
import { EscalationRole, PageLevel } from './model';

/** One step of the escalation chain: a role and the people (or groups) it pages together. */
export interface EscalationTier {
  readonly role: EscalationRole;
  readonly recipients: readonly string[];
}

/**
 * The tier a rule pages first: the first tier of its role, or (when that
 * role has nobody) the next tier that has someone.
 */
export function firstTier(
  tiers: readonly EscalationTier[],
  role: EscalationRole,
): number | undefined {
  const order = (r: EscalationRole) =>
    ['on-call', 'ops-manager', 'court-it-office'].indexOf(r);
  const index = tiers.findIndex(
    tier => order(tier.role) >= order(role) && tier.recipients.length > 0,
  );
  return index < 0 ? undefined : index;
}

/**
 * After tier `current` was paged at `pagedAt`: the next tier with someone in
 * it and when it is paged if nobody acknowledges, or undefined at the end.
 */
export function nextEscalation(
  tiers: readonly EscalationTier[],
  current: number,
  level: PageLevel,
  pagedAt: DateTime,
  minutes: PagingConfig['escalationMinutes'],
): { tier: number; at: DateTime } | undefined {
  for (let tier = current + 1; tier < tiers.length; tier++) {
    if (tiers[tier].recipients.length > 0) {
      return { tier, at: pagedAt.plus({ minutes: minutes[level] }) };
    }
  }
  return undefined;
}

/** The whole plan from the first tier on, if nobody ever acknowledges. */
export function escalationPlan(
  tiers: readonly EscalationTier[],
  first: number,
  level: PageLevel,
  start: DateTime,
  minutes: PagingConfig['escalationMinutes'],
): { tier: number; at: DateTime }[] {
  const plan = [{ tier: first, at: start }];
  for (;;) {
    const last = plan[plan.length - 1];
    const next = nextEscalation(tiers, last.tier, level, last.at, minutes);
    if (!next) return plan;
    plan.push(next);
  }
}

/** Wait before retry `attempt` (1 = the first retry): the backoff, doubling. */
export function retryDelaySeconds(
  attempt: number,
  backoffSeconds: number,
): number {
  return backoffSeconds * 2 ** Math.max(0, attempt - 1);
}
