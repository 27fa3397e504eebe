import { SlaEngine } from '../engine';
import { defaultContractPolicy } from './contract';
import { defaultSlaConfig, parseSlaConfig, SlaConfigError } from './config';

const HOUR = 3_600_000;

/** The issues of a config that must fail. */
function issuesOf(raw: unknown): string[] {
  try {
    parseSlaConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(SlaConfigError);
    return (error as SlaConfigError).issues.map(i => `${i.path}: ${i.message}`);
  }
  throw new Error('the config was accepted');
}

describe('parseSlaConfig', () => {
  it('gives the contract defaults for a missing or empty section', () => {
    expect(parseSlaConfig(undefined)).toEqual(defaultSlaConfig);
    expect(parseSlaConfig({})).toEqual(defaultSlaConfig);
  });

  it('reads a new policy version as the contract with keys replaced', () => {
    const config = parseSlaConfig({
      activePolicy: 'contract',
      policies: [
        {
          id: 'contract',
          version: 2,
          warnings: [0.8],
          levels: {
            L2: { resolution: { calendar: 'working-days' } },
            L3: { resolution: { target: 'PT10H' } },
            L1: { resolution: { target: { hours: 4 } } },
          },
        },
      ],
    });
    expect(config.policies).toHaveLength(2);
    const v2 = config.policies[1];
    expect(v2.version).toBe(2);
    expect(v2.warnings).toEqual([0.8]);
    expect(v2.levels.L2.resolution).toEqual({
      startsAt: 'arrived',
      targetMs: 8 * HOUR,
      calendar: 'working-days',
    });
    expect(v2.levels.L3.resolution?.targetMs).toBe(10 * HOUR);
    expect(v2.levels.L1.resolution?.targetMs).toBe(4 * HOUR);
    expect(v2.levels.L2.arrival).toEqual(
      defaultContractPolicy.levels.L2.arrival,
    );
    expect(new SlaEngine(config).activePolicy()).toBe(v2);
  });

  it('removes clocks with null and needs a whole rule where the contract has none', () => {
    const config = parseSlaConfig({
      policies: [
        {
          id: 'strict',
          version: 1,
          levels: {
            L1: { arrival: { outsideHours: null } },
            L3: null,
            L4: {
              response: {
                startsAt: 'created',
                target: 'PT1H',
                calendar: 'always',
              },
            },
          },
        },
      ],
    });
    const strict = config.policies[1];
    expect(strict.levels.L1.arrival?.outsideHours).toBeUndefined();
    expect(strict.levels.L3).toEqual({
      response: null,
      arrival: null,
      resolution: null,
    });
    expect(strict.levels.L4.response?.targetMs).toBe(HOUR);
    expect(
      issuesOf({
        policies: [
          {
            id: 'x',
            version: 1,
            levels: { L4: { response: { target: 'PT1H' } } },
          },
        ],
      }),
    ).toEqual([
      'sla.policies[0].levels.L4.response: startsAt, target and calendar are all needed where the contract has no clock',
    ]);
  });

  it('names the bad key of a bad target', () => {
    expect(
      issuesOf({
        policies: [
          {
            id: 'contract',
            version: 2,
            levels: { L2: { resolution: { target: 'eight hours' } } },
          },
        ],
      }),
    ).toEqual([
      'sla.policies[0].levels.L2.resolution.target: expected a positive duration such as PT8H or { hours: 8 } (no months or years), got "eight hours"',
    ]);
    expect(
      issuesOf({
        policies: [
          {
            id: 'c',
            version: 2,
            levels: { L2: { resolution: { target: 'P1M' } } },
          },
        ],
      })[0],
    ).toMatch(/^sla\.policies\[0\]\.levels\.L2\.resolution\.target: /);
  });

  it('names misspelt and unknown keys', () => {
    expect(
      issuesOf({
        policies: [{ id: 'c', version: 2, levels: { L2: { resolutoin: {} } } }],
      }),
    ).toEqual(['sla.policies[0].levels.L2: Unrecognized key: "resolutoin"']);
    expect(issuesOf({ policy: [] })).toEqual([
      'sla: Unrecognized key: "policy"',
    ]);
    expect(
      issuesOf({ policies: [{ id: 'c', version: 2, levels: { L5: {} } }] }),
    ).toEqual(['sla.policies[0].levels: Unrecognized key: "L5"']);
  });

  it('names an unknown calendar in a policy', () => {
    expect(
      issuesOf({
        policies: [
          {
            id: 'c',
            version: 2,
            levels: { L2: { resolution: { calendar: 'workdays' } } },
          },
        ],
      }),
    ).toEqual([
      "sla.policies[0].levels.L2.resolution.calendar: unknown calendar 'workdays'; known: always, on-site-hours, phone-duty, working-days",
    ]);
  });

  it('refuses to redefine a version in use, and an unknown active policy', () => {
    expect(issuesOf({ policies: [{ id: 'contract', version: 1 }] })).toEqual([
      "sla.policies[0].version: policy 'contract' version 1 already exists; a changed policy needs a new version",
    ]);
    expect(issuesOf({ activePolicy: 'other' })).toEqual([
      "sla.activePolicy: no policy has id 'other'",
    ]);
  });

  it('checks warning thresholds', () => {
    expect(
      issuesOf({ policies: [{ id: 'c', version: 2, warnings: [0.9, 0.5] }] }),
    ).toEqual([
      'sla.policies[0].warnings: warning thresholds must be ascending fractions, e.g. [0.5, 0.75, 0.9]',
    ]);
    expect(
      issuesOf({ policies: [{ id: 'c', version: 2, warnings: [1] }] })[0],
    ).toMatch(/^sla\.policies\[0\]\.warnings\[0\]: /);
  });

  it('reads calendars, replacing a default of the same id', () => {
    const config = parseSlaConfig({
      calendars: {
        'working-days': {
          type: 'weekly',
          hours: { 'mon-fri': ['08:30-12:00', '14:00-17:30'] },
          followsOfficialCalendar: true,
          closures: ['2026-03-10'],
        },
        'vendor-hours': {
          type: 'weekly',
          zone: 'Europe/Berlin',
          hours: { 'mon-fri': ['09:00-17:00'] },
        },
      },
    });
    const engine = new SlaEngine(config);
    const workingDays = engine.calendars.get('working-days');
    expect(workingDays.isOpen('2026-03-10T02:00:00Z')).toBe(false);
    expect(workingDays.isOpen('2026-03-11T06:30:00Z')).toBe(true);
    expect(engine.calendars.get('vendor-hours').zone).toBe('Europe/Berlin');
    expect(engine.calendars.ids).toContain('always');
  });

  it('names the bad key inside a calendar', () => {
    expect(
      issuesOf({
        calendars: {
          court: {
            type: 'weekly',
            hours: { 'mon-fri': ['08:30-12:00', '2pm-5pm'] },
          },
        },
      }),
    ).toEqual([
      'sla.calendars.court.hours.mon-fri[1]: expected hours HH:MM-HH:MM, e.g. 08:30-12:00 or 18:30-07:30',
    ]);
    expect(
      issuesOf({
        calendars: { court: { type: 'weekly', hours: { weekdays: [] } } },
      }),
    ).toEqual([
      'sla.calendars.court.hours.weekdays: expected a day (mon … sun) or a range of days (mon-fri)',
    ]);
    expect(issuesOf({ calendars: { court: { type: 'monthly' } } })).toEqual([
      "sla.calendars.court.type: Invalid discriminator value. Expected 'always' | 'weekly'",
    ]);
    expect(
      issuesOf({
        calendars: { court: { type: 'weekly', zone: 'Beijing', hours: {} } },
      }),
    ).toEqual(['sla.calendars.court.zone: unknown IANA time zone']);
    expect(
      issuesOf({
        calendars: {
          court: {
            type: 'weekly',
            hours: { mon: ['08:00-12:00'] },
            closures: ['2026-03-10'],
            extraWorkingDays: ['2026-03-10'],
          },
        },
      }),
    ).toEqual([
      'sla.calendars.court: extraWorkingDays repeats a date given in another list or earlier',
    ]);
  });

  it("loads a year's official schedule so the working-day calendar covers it", () => {
    const config = parseSlaConfig({
      officialSchedules: [
        {
          year: 2027,
          holidays: ['2027-01-01..2027-01-03'],
          makeUpWorkingDays: ['2027-01-09'],
        },
      ],
    });
    const workingDays = new SlaEngine(config).calendars.get('working-days');
    expect(workingDays.isOpen('2027-01-01T02:00:00Z')).toBe(false);
    expect(workingDays.isOpen('2027-01-09T02:00:00Z')).toBe(true);
    expect(
      workingDays.uncoveredYears(
        '2026-01-01T00:00:00Z',
        '2027-06-01T00:00:00Z',
      ),
    ).toEqual([]);
  });

  it('names the bad entry of an official schedule', () => {
    expect(
      issuesOf({
        officialSchedules: [
          { year: 2027, holidays: ['2027-02-30'], makeUpWorkingDays: [] },
        ],
      }),
    ).toEqual([
      'sla.officialSchedules[0].holidays[0]: expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD',
    ]);
    expect(
      issuesOf({
        officialSchedules: [
          { year: 2027, holidays: ['2026-12-31'], makeUpWorkingDays: [] },
        ],
      }),
    ).toEqual([
      'sla.officialSchedules[0]: 2026-12-31 is not in 2027, the year of this schedule',
    ]);
    expect(
      issuesOf({ officialSchedules: [{ year: 2027, holidays: [] }] }),
    ).toEqual([
      'sla.officialSchedules[0].makeUpWorkingDays: Invalid input: expected array, received undefined',
    ]);
  });

  it('reports every bad key at once', () => {
    expect(
      issuesOf({
        policies: [
          { id: 'a', version: 0 },
          {
            id: 'b',
            version: 2,
            levels: { L2: { resolution: { target: 'x' } } },
          },
        ],
      }),
    ).toHaveLength(2);
  });
});
