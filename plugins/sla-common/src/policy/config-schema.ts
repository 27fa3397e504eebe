import { Duration, Info } from 'luxon';
import { z } from 'zod';
import { parseHours, parseWeekdayKey } from '../calendar/hours';
import { parseDateEntry } from '../time/local-date';
import { CLOCK_NAMES, IMPACTS, PRIORITY_LEVELS, URGENCIES } from './types';

/**
 * The shape of the `sla` section of app-config.yaml. Objects are strict, so
 * a misspelt key is an error rather than a silently ignored setting.
 */

/** ISO 8601 (`PT8H`) or `{ hours: 8 }`, as Backstage durations are written. */
const duration = z
  .union([
    z.string(),
    z.strictObject({
      weeks: z.number().optional(),
      days: z.number().optional(),
      hours: z.number().optional(),
      minutes: z.number().optional(),
      seconds: z.number().optional(),
    }),
  ])
  .transform((value, ctx) => {
    const parsed =
      typeof value === 'string'
        ? Duration.fromISO(value)
        : Duration.fromObject(value);
    const millis = parsed.as('milliseconds');
    // Months and years have no fixed length, so they cannot be a target.
    if (!parsed.isValid || parsed.months || parsed.years || !(millis > 0)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a positive duration such as PT8H or { hours: 8 } (no months or years), got ${JSON.stringify(
          value,
        )}`,
      });
      return z.NEVER;
    }
    return millis;
  });

const dateEntry = z
  .string()
  .refine(
    text => parseDateEntry(text) !== undefined,
    'expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD',
  );

const hoursList = z.array(
  z
    .string()
    .refine(
      text => parseHours(text) !== undefined,
      'expected hours HH:MM-HH:MM, e.g. 08:30-12:00 or 18:30-07:30',
    ),
);

const calendarSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('always'),
    description: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('weekly'),
    description: z.string().optional(),
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'unknown IANA time zone')
      .optional(),
    hours: z.record(
      z
        .string()
        .refine(
          key => parseWeekdayKey(key) !== undefined,
          'expected a day (mon … sun) or a range of days (mon-fri)',
        ),
      hoursList,
    ),
    followsOfficialCalendar: z.boolean().optional(),
    workingDayHours: hoursList.optional(),
    closures: z.array(dateEntry).optional(),
    extraWorkingDays: z.array(dateEntry).optional(),
    specialHours: z.record(dateEntry, hoursList).optional(),
  }),
]);

const outsideHoursSchema = z.strictObject({
  hours: z.string(),
  target: duration.nullable(),
  calendar: z.string(),
});

/** Overrides of one clock; where the base has no clock, all but outsideHours are needed. */
const clockRuleSchema = z.strictObject({
  startsAt: z.enum(['created', 'arrived']).optional(),
  target: duration.nullable().optional(),
  calendar: z.string().optional(),
  outsideHours: outsideHoursSchema.nullable().optional(),
});

const levelSchema = z.partialRecord(
  z.enum(CLOCK_NAMES),
  clockRuleSchema.nullable(),
);

const policySchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive(),
  description: z.string().optional(),
  matrix: z
    .partialRecord(
      z.enum(URGENCIES),
      z.partialRecord(z.enum(IMPACTS), z.enum(PRIORITY_LEVELS)),
    )
    .optional(),
  warnings: z
    .array(z.number().gt(0).lt(1))
    .refine(
      list => list.every((value, i) => i === 0 || value > list[i - 1]),
      'warning thresholds must be ascending fractions, e.g. [0.5, 0.75, 0.9]',
    )
    .optional(),
  levels: z
    .partialRecord(z.enum(PRIORITY_LEVELS), levelSchema.nullable())
    .optional(),
});

const officialYearSchema = z.strictObject({
  year: z.number().int().min(1949).max(9999),
  holidays: z.array(dateEntry),
  makeUpWorkingDays: z.array(dateEntry),
});

export const slaConfigSchema = z
  .strictObject({
    activePolicy: z.string().optional(),
    officialSchedules: z.array(officialYearSchema).optional(),
    calendars: z.record(z.string(), calendarSchema).optional(),
    policies: z.array(policySchema).optional(),
  })
  .optional();

export type SlaConfigInput = z.output<typeof slaConfigSchema>;
export type PolicyInput = z.output<typeof policySchema>;
export type ClockRuleInput = z.output<typeof clockRuleSchema>;
