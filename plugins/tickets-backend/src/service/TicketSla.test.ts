import { mockServices } from '@backstage/backend-test-utils';
import {
  LiveSlaEngine,
  OfficialCalendarService,
} from '@internal/plugin-calendar-node';
import { EnteredSchedules } from '@internal/plugin-calendar-common';
import { parseSlaConfig } from '@internal/plugin-sla-common';
import { StoredEvent } from '../database/rows';
import { TicketSla } from './TicketSla';

/** The contract with fault removal counted in working hours (docs/sla.md). */
const config = parseSlaConfig({
  policies: [
    {
      id: 'contract',
      version: 2,
      description: 'fault removal counted in working hours',
      levels: { L3: { resolution: { calendar: 'working-days' } } },
    },
  ],
});

const ticket = {
  type: 'incident' as const,
  number: 'INC-2026-00042',
  policy: { id: 'contract', version: 2 },
};

// 31 December 2026, 10:00 in Shanghai: an L3 fault whose 12 working hours run into 2027.
const events: StoredEvent[] = [
  {
    seq: 1,
    type: 'created',
    at: '2026-12-31T02:00:00.000Z',
    actor: 'user:default/xuli',
    data: { urgency: 'high', impact: 'small' },
  },
  {
    seq: 2,
    type: 'arrived',
    at: '2026-12-31T02:20:00.000Z',
    actor: 'user:default/wangqiang',
    data: {},
  },
];

describe('TicketSla and an uncovered year', () => {
  it('flags the ticket with the year its clocks wait for, and computes them once it is entered', async () => {
    let entered: EnteredSchedules = { revision: 0, schedules: [] };
    const calendar: OfficialCalendarService = {
      enteredSchedules: async () => entered,
    };
    const live = new LiveSlaEngine(config, calendar);
    const logger = mockServices.logger.mock();
    const sla = new TicketSla(() => live.current, 0.75, logger);
    const now = '2026-12-31T03:00:00.000Z';

    await live.refresh();
    expect(sla.assess(ticket, events, now)).toEqual({ unknownUntil: 2027 });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'INC-2026-00042: no official holiday schedule for 2027',
      ),
    );

    entered = {
      revision: 1,
      schedules: [
        {
          year: 2027,
          holidays: ['2027-01-01..2027-01-03'],
          makeUpWorkingDays: [],
        },
      ],
    };
    await live.refresh();
    const { clocks, unknownUntil } = sla.assess(ticket, events, now);
    expect(unknownUntil).toBeUndefined();
    // 12 working hours from 10:20 on Thursday 31 December: Friday 1 January is New Year's Day
    // in the entered year (a working day if it were guessed), so the clock is due on Monday 4th.
    expect(clocks?.resolution.dueAt?.slice(0, 10)).toBe('2027-01-04');
  });

  it('gives neither clocks nor a year for a type without clocks', () => {
    const sla = new TicketSla(configOnly(), 0.75, mockServices.logger.mock());
    expect(
      sla.assess(
        { ...ticket, type: 'change' },
        events,
        '2026-12-31T03:00:00.000Z',
      ),
    ).toEqual({});
  });
});

/** The engine on config alone, as before anything is entered. */
function configOnly() {
  return new LiveSlaEngine(config, {
    enteredSchedules: async () => ({ revision: 0, schedules: [] }),
  }).current;
}
