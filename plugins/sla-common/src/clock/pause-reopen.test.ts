import {
  bj,
  created,
  event,
  HOUR,
  MINUTE,
  paused,
} from '../__testUtils__/tickets';
import { SlaEngine } from '../engine';
import { parseSlaConfig } from '../policy/config';
import { defaultContractPolicy } from '../policy/contract';
import { TicketEvent } from './events';

const sla = new SlaEngine(
  parseSlaConfig({
    policies: [
      {
        id: 'contract',
        version: 2,
        levels: {
          L2: { resolution: { calendar: 'working-days' } },
          L3: { resolution: { calendar: 'working-days' } },
        },
      },
    ],
  }),
);
const workingDaysPolicy = sla.policy('contract', 2);
const clocks = (
  events: TicketEvent[],
  now: string,
  policy = defaultContractPolicy,
) => sla.computeClocks({ events, policy }, bj(now));

describe('pause', () => {
  const arrivedL2 = [
    created('2026-03-02T09:00', 'high', 'medium'),
    event('acknowledged', '2026-03-02T09:03'),
    event('arrived', '2026-03-02T09:10'),
  ];

  it('stops only the resolution clock and moves its due instant by the pause', () => {
    const result = clocks(
      [
        ...arrivedL2,
        paused('2026-03-02T10:10'),
        event('resumed', '2026-03-03T09:10'),
      ],
      '2026-03-03T10:10',
    );
    expect(result.resolution).toMatchObject({
      state: 'running',
      elapsedMs: 2 * HOUR,
      pausedMs: 23 * HOUR,
      dueAt: bj('2026-03-03T16:10'),
    });
    // 0.5 × 8 h = 4 h of counted time: 2 h so far, 2 h to go.
    expect(result.resolution.warnings[0]).toEqual({
      threshold: 0.5,
      at: bj('2026-03-03T12:10'),
      upcoming: true,
    });
  });

  it('does not stop the arrival clock', () => {
    const result = clocks(
      [
        created('2026-03-02T09:00', 'high', 'medium'),
        paused('2026-03-02T09:05', 'waiting-court'),
      ],
      '2026-03-02T09:20',
    );
    expect(result.arrival).toMatchObject({
      state: 'breached',
      breachedAt: bj('2026-03-02T09:15'),
      pausedMs: 0,
    });
    expect(result.status).toBe('paused');
    expect(result.pauseReason).toBe('waiting-court');
  });

  it('shows a paused clock with no due instant and no wake-up', () => {
    const result = clocks(
      [...arrivedL2, paused('2026-03-02T10:10', 'waiting-vendor')],
      '2026-03-02T12:00',
    );
    expect(result.resolution).toMatchObject({
      state: 'paused',
      elapsedMs: HOUR,
      pausedMs: 110 * MINUTE,
      remainingMs: 7 * HOUR,
    });
    expect(result.resolution.dueAt).toBeUndefined();
    expect(result.resolution.warnings).toEqual([]);
    expect(result.nextWakeUp).toBeUndefined();
  });

  it('across the Spring Festival, counts paused time only in working hours', () => {
    const result = clocks(
      [
        created('2026-02-13T09:30', 'high', 'small'),
        event('arrived', '2026-02-13T10:00'),
        paused('2026-02-13T15:00', 'waiting-vendor'),
        event('resumed', '2026-02-25T10:00'),
      ],
      '2026-02-25T10:00',
      workingDaysPolicy,
    );
    expect(result.resolution).toMatchObject({
      state: 'running',
      calendar: 'working-days',
      // Friday 10:00–12:00 and 13:30–15:00.
      elapsedMs: 3.5 * HOUR,
      // Friday 15:00–18:00, the make-up Saturday, Tuesday 24, Wednesday to 10:00.
      pausedMs: 20.5 * HOUR,
      remainingMs: 8.5 * HOUR,
      dueAt: bj('2026-02-26T10:30'),
    });
  });

  it('ends when the ticket is resolved', () => {
    const result = clocks(
      [
        ...arrivedL2,
        paused('2026-03-02T10:10'),
        event('resolved', '2026-03-02T11:10'),
      ],
      '2026-03-02T12:00',
    );
    expect(result.status).toBe('resolved');
    expect(result.pauseReason).toBeUndefined();
    expect(result.resolution).toMatchObject({
      state: 'met',
      elapsedMs: HOUR,
      pausedMs: HOUR,
    });
  });
});

describe('reopen', () => {
  const fixedOnce = [
    created('2026-03-02T09:50', 'high', 'medium'),
    event('acknowledged', '2026-03-02T09:52'),
    event('arrived', '2026-03-02T10:00'),
    event('resolved', '2026-03-02T14:30'),
    event('reopened', '2026-03-02T20:00'),
  ];

  it('restarts the resolution clock where it stopped; the resolved gap does not count', () => {
    const result = clocks(fixedOnce, '2026-03-02T23:00');
    expect(result.status).toBe('open');
    expect(result.resolution).toMatchObject({
      state: 'running',
      // 4 h 30 before the resolution, 3 h since the reopen.
      elapsedMs: 7.5 * HOUR,
      dueAt: bj('2026-03-02T23:30'),
    });
    expect(result.resolution.metAt).toBeUndefined();
    expect(result.resolution.warnings).toEqual([
      { threshold: 0.5, at: bj('2026-03-02T14:00'), upcoming: false },
      { threshold: 0.75, at: bj('2026-03-02T21:30'), upcoming: false },
      { threshold: 0.9, at: bj('2026-03-02T22:42'), upcoming: false },
    ]);
  });

  it('can breach after the reopen', () => {
    const result = clocks(fixedOnce, '2026-03-03T01:00');
    expect(result.resolution).toMatchObject({
      state: 'breached',
      breachedAt: bj('2026-03-02T23:30'),
    });
  });

  it('leaves response and arrival as they were', () => {
    const result = clocks(fixedOnce, '2026-03-02T23:00');
    expect(result.response).toMatchObject({
      state: 'met',
      metAt: bj('2026-03-02T09:52'),
    });
    expect(result.arrival).toMatchObject({
      state: 'met',
      metAt: bj('2026-03-02T10:00'),
    });
  });

  it('met again at the second resolution', () => {
    const result = clocks(
      [
        ...fixedOnce,
        event('resolved', '2026-03-02T21:00'),
        event('closed', '2026-03-03T09:00'),
      ],
      '2026-03-03T10:00',
    );
    expect(result.status).toBe('closed');
    expect(result.resolution).toMatchObject({
      state: 'met',
      elapsedMs: 5.5 * HOUR,
      metAt: bj('2026-03-02T21:00'),
    });
  });
});
