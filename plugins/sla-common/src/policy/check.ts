import { CLOCK_NAMES, PRIORITY_LEVELS, SlaPolicy } from './types';

/** A problem in a policy, at a key path inside it. */
export interface PolicyProblem {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** Calendars a policy names that do not exist. */
export function unknownCalendarProblems(
  policy: SlaPolicy,
  knownCalendars: readonly string[],
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const check = (id: string, path: Array<string | number>) => {
    if (!knownCalendars.includes(id)) {
      problems.push({
        path,
        message: `unknown calendar '${id}'; known: ${knownCalendars.join(
          ', ',
        )}`,
      });
    }
  };
  for (const level of PRIORITY_LEVELS) {
    for (const clock of CLOCK_NAMES) {
      const rule = policy.levels[level][clock];
      if (rule) {
        const at = ['levels', level, clock];
        check(rule.calendar, [...at, 'calendar']);
        if (rule.outsideHours) {
          check(rule.outsideHours.hours, [...at, 'outsideHours', 'hours']);
          check(rule.outsideHours.calendar, [
            ...at,
            'outsideHours',
            'calendar',
          ]);
        }
      }
    }
  }
  return problems;
}
