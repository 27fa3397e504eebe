/**
 * The worked examples of docs/sla.md, so the document stays true to the code.
 */
import {
  bj,
  created,
  event,
  HOUR,
  MINUTE,
  paused,
} from './__testUtils__/tickets';
import { TicketEvent } from './clock/events';
import { SlaEngine } from './engine';
import { UncoveredYearError } from './calendar/official-schedule';
import { parseSlaConfig } from './policy/config';
import { defaultContractPolicy } from './policy/contract';

const sla = new SlaEngine(
  parseSlaConfig({
    policies: [
      {
        id: 'contract',
        version: 2,
        description: 'fault removal counted in working hours',
        levels: {
          L2: { resolution: { calendar: 'working-days' } },
          L3: { resolution: { calendar: 'working-days' } },
        },
      },
    ],
  }),
);
const workingHours = sla.policy('contract', 2);
const workingDays = sla.calendars.get('working-days');

describe('docs/sla.md: Friday 13 February 2026, before the Spring Festival', () => {
  const ticket: TicketEvent[] = [
    created('2026-02-13T16:50', 'high', 'small'),
    event('acknowledged', '2026-02-13T17:02'),
    event('arrived', '2026-02-13T17:10'),
  ];

  it('the 2026 schedule: 15–23 February off, make-up Saturdays 14 and 28 February', () => {
    const kinds = [
      '2026-02-13',
      '2026-02-14',
      '2026-02-15',
      '2026-02-23',
      '2026-02-24',
      '2026-02-28',
    ].map(date => sla.officialSchedule.dayKind(date));
    expect(kinds).toEqual([
      'ordinary',
      'make-up-working-day',
      'holiday',
      'holiday',
      'ordinary',
      'make-up-working-day',
    ]);
  });

  it('response and arrival are met', () => {
    const result = sla.computeClocks(
      { events: ticket, policy: workingHours },
      bj('2026-02-13T17:30'),
    );
    expect(result.response).toMatchObject({
      state: 'met',
      dueAt: bj('2026-02-13T17:10'),
      elapsedMs: 12 * MINUTE,
    });
    expect(result.arrival).toMatchObject({
      state: 'met',
      dueAt: bj('2026-02-13T17:20'),
      elapsedMs: 20 * MINUTE,
    });
  });

  it('7×24 resolution (the default) is due Saturday 05:10', () => {
    const result = sla.computeClocks(
      { events: ticket, policy: defaultContractPolicy },
      bj('2026-02-13T17:30'),
    );
    expect(result.resolution.dueAt).toBe(bj('2026-02-14T05:10'));
  });

  it('working-hours resolution is due Tuesday 24 February 11:40', () => {
    const result = sla.computeClocks(
      { events: ticket, policy: workingHours },
      bj('2026-02-13T17:30'),
    );
    expect(result.resolution).toEqual({
      clock: 'resolution',
      state: 'running',
      level: 'L3',
      targetMs: 43200000,
      calendar: 'working-days',
      startedAt: '2026-02-13T09:10:00.000Z',
      dueAt: '2026-02-24T03:40:00.000Z',
      elapsedMs: 1200000,
      pausedMs: 0,
      remainingMs: 42000000,
      percentConsumed: (20 / 720) * 100,
      warnings: [
        { threshold: 0.5, at: '2026-02-14T07:10:00.000Z', upcoming: true },
        { threshold: 0.75, at: '2026-02-24T00:40:00.000Z', upcoming: true },
        { threshold: 0.9, at: '2026-02-24T02:28:00.000Z', upcoming: true },
      ],
    });
    expect(result.nextWakeUp).toBe('2026-02-14T07:10:00.000Z');
  });

  it('a pause from the make-up Saturday over the holiday counts only working time', () => {
    const waiting = [...ticket, paused('2026-02-14T15:00', 'waiting-vendor')];
    const during = sla.computeClocks(
      { events: waiting, policy: workingHours },
      bj('2026-02-16T10:00'),
    );
    expect(during.resolution).toMatchObject({
      state: 'paused',
      elapsedMs: 350 * MINUTE,
      pausedMs: 180 * MINUTE,
    });
    expect(during.resolution.dueAt).toBeUndefined();
    expect(during.nextWakeUp).toBeUndefined();

    const resumed = [...waiting, event('resumed', '2026-02-25T09:00')];
    const after = sla.computeClocks(
      { events: resumed, policy: workingHours },
      bj('2026-02-25T09:00'),
    );
    expect(after.resolution).toMatchObject({
      state: 'running',
      pausedMs: 690 * MINUTE,
      remainingMs: 370 * MINUTE,
      dueAt: bj('2026-02-25T16:40'),
    });
    const fixed = sla.computeClocks(
      {
        events: [...resumed, event('resolved', '2026-02-25T11:00')],
        policy: workingHours,
      },
      bj('2026-02-25T12:00'),
    );
    expect(fixed.resolution).toMatchObject({
      state: 'met',
      elapsedMs: 470 * MINUTE,
      metAt: bj('2026-02-25T11:00'),
    });
  });

  it('an inspection due in two working days (16 h of 5×8) from Friday 16:00', () => {
    expect(
      workingDays.addBusinessDuration(bj('2026-02-13T16:00'), 16 * HOUR),
    ).toBe(bj('2026-02-24T16:00'));
    expect(
      workingDays.businessDurationBetween(
        bj('2026-02-13T08:00'),
        bj('2026-03-02T08:00'),
      ),
    ).toBe(56 * HOUR);
    expect(workingDays.nextOpening(bj('2026-02-14T18:00'))).toBe(
      bj('2026-02-24T08:30'),
    );
  });
});

describe('docs/sla.md: calls outside on-site hours', () => {
  const arrival = (events: TicketEvent[]) =>
    sla.computeClocks({ events, policy: defaultContractPolicy }, events[0].at)
      .arrival;

  it('L1 at 22:10: on site by 22:40', () => {
    expect(arrival([created('2026-02-13T22:10', 'high', 'large')]).dueAt).toBe(
      bj('2026-02-13T22:40'),
    );
  });
  it('L1 at 07:25: by 07:40, as if called at 07:30, not 07:55', () => {
    expect(
      arrival([created('2026-02-14T07:25', 'high', 'large')]),
    ).toMatchObject({
      targetMs: 15 * MINUTE,
      dueAt: bj('2026-02-14T07:40'),
    });
  });
  it('L3 at 22:10: by 08:00 the next morning', () => {
    expect(
      arrival([created('2026-02-13T22:10', 'medium', 'medium')]).dueAt,
    ).toBe(bj('2026-02-14T08:00'));
  });
});

describe('docs/sla.md: an uncovered year reaches the clocks', () => {
  const lateDecember: TicketEvent[] = [
    created('2026-12-31T10:00', 'high', 'small'),
    event('arrived', '2026-12-31T10:20'),
  ];

  it('a working-hours clock due in 2027 throws for that ticket, naming 2027', () => {
    expect(() =>
      sla.computeClocks(
        { events: lateDecember, policy: workingHours },
        bj('2026-12-31T11:00'),
      ),
    ).toThrow(UncoveredYearError);
    expect(() =>
      sla.computeClocks(
        { events: lateDecember, policy: workingHours },
        bj('2026-12-31T11:00'),
      ),
    ).toThrow(/no official holiday schedule for 2027/);
  });

  it('the 7×24 default is not affected', () => {
    const result = sla.computeClocks(
      { events: lateDecember, policy: defaultContractPolicy },
      bj('2026-12-31T11:00'),
    );
    expect(result.resolution.dueAt).toBe(bj('2026-12-31T22:20'));
  });
});
