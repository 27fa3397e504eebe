import { defaultContractPolicy } from './contract';
import { ClockRuleInput, PolicyInput } from './config-schema';
import { PolicyProblem } from './check';
import {
  ClockName,
  ClockRule,
  Impact,
  LevelRules,
  PriorityLevel,
  PriorityMatrix,
  SlaPolicy,
  Urgency,
} from './types';

/**
 * A policy from config: the contract's policy with the given keys replaced.
 * `null` removes a level's clocks or one clock; a clock the contract lacks
 * must be given whole.
 */
export function policyFromInput(
  input: PolicyInput,
  problems: PolicyProblem[],
  base: SlaPolicy = defaultContractPolicy,
): SlaPolicy {
  const cell = (urgency: Urgency, impact: Impact) =>
    input.matrix?.[urgency]?.[impact] ?? base.matrix[urgency][impact];
  const row = (urgency: Urgency) => ({
    large: cell(urgency, 'large'),
    medium: cell(urgency, 'medium'),
    small: cell(urgency, 'small'),
  });
  const matrix: PriorityMatrix = {
    high: row('high'),
    medium: row('medium'),
    low: row('low'),
  };

  const rules = (level: PriorityLevel): LevelRules => {
    const given = input.levels?.[level];
    const rule = (clock: ClockName): ClockRule | null => {
      const override = given === null ? null : given?.[clock];
      if (override === undefined) {
        return base.levels[level][clock];
      }
      return (
        override &&
        mergeRule(base.levels[level][clock], override, problems, [
          'levels',
          level,
          clock,
        ])
      );
    };
    return {
      response: rule('response'),
      arrival: rule('arrival'),
      resolution: rule('resolution'),
    };
  };

  return {
    id: input.id,
    version: input.version,
    ...(input.description ? { description: input.description } : {}),
    matrix,
    warnings: input.warnings ?? base.warnings,
    levels: {
      L1: rules('L1'),
      L2: rules('L2'),
      L3: rules('L3'),
      L4: rules('L4'),
    },
  };
}

function mergeRule(
  base: ClockRule | null,
  override: NonNullable<ClockRuleInput>,
  problems: PolicyProblem[],
  path: string[],
): ClockRule | null {
  const startsAt = override.startsAt ?? base?.startsAt;
  const calendar = override.calendar ?? base?.calendar;
  const targetMs =
    override.target === undefined ? base?.targetMs : override.target;
  if (
    startsAt === undefined ||
    calendar === undefined ||
    targetMs === undefined
  ) {
    problems.push({
      path,
      message:
        'startsAt, target and calendar are all needed where the contract has no clock',
    });
    return null;
  }
  const outside = override.outsideHours;
  const outsideHours =
    outside === undefined
      ? base?.outsideHours
      : outside && {
          hours: outside.hours,
          targetMs: outside.target,
          calendar: outside.calendar,
        };
  return {
    startsAt,
    targetMs,
    calendar,
    ...(outsideHours ? { outsideHours } : {}),
  };
}
