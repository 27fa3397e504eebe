import fc from 'fast-check';
import { colourOf, RED_SEVERITIES, statusBoard } from './board';
import { ALERT_SEVERITIES, MonitoredIncident } from './types';

const SYSTEMS = ['system:default/trial-av', 'system:default/court-network'];

const alertArb = fc.record({
  fingerprint: fc.string({ minLength: 1 }),
  source: fc.constantFrom('alertmanager' as const, 'zabbix' as const),
  title: fc.string(),
  severity: fc.constantFrom(...ALERT_SEVERITIES),
  system: fc.option(
    fc.constantFrom(...SYSTEMS, 'system:default/not-in-catalog'),
    { nil: undefined },
  ),
  status: fc.constantFrom('open' as const, 'cleared' as const),
  occurrences: fc.integer({ min: 1, max: 50 }),
  firstSeen: fc.constant('2026-12-06T02:00:00.000Z'),
  lastSeen: fc.constant('2026-12-06T02:05:00.000Z'),
  flapping: fc.boolean(),
}) as fc.Arbitrary<MonitoredIncident>;

describe('colourOf', () => {
  it('is red exactly when an open alert is critical or major, green exactly when none is open', () => {
    fc.assert(
      fc.property(fc.array(alertArb), alerts => {
        const open = alerts.filter(alert => alert.status === 'open');
        const colour = colourOf(alerts);
        expect(colour === 'red').toBe(
          open.some(alert => RED_SEVERITIES.includes(alert.severity)),
        );
        expect(colour === 'green').toBe(open.length === 0);
      }),
    );
  });

  it('never changes for cleared alerts', () => {
    fc.assert(
      fc.property(fc.array(alertArb), fc.array(alertArb), (alerts, more) => {
        const cleared = more.map(alert => ({
          ...alert,
          status: 'cleared' as const,
        }));
        expect(colourOf([...alerts, ...cleared])).toBe(colourOf(alerts));
      }),
    );
  });
});

describe('statusBoard', () => {
  it('lists every catalog system once, worst first, with only its open alerts', () => {
    fc.assert(
      fc.property(fc.array(alertArb), alerts => {
        const board = statusBoard(SYSTEMS, alerts);
        const refs = board.map(tile => tile.systemRef);
        expect(new Set(refs).size).toBe(refs.length);
        expect(refs).toEqual(expect.arrayContaining(SYSTEMS));
        const ranks = board.map(tile =>
          ['red', 'amber', 'green'].indexOf(tile.colour),
        );
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        for (const tile of board) {
          const own = alerts.filter(
            alert =>
              alert.status === 'open' && alert.system === tile.systemRef,
          );
          expect(tile.openAlerts).toEqual(own);
          expect(tile.colour).toBe(colourOf(own));
        }
      }),
    );
  });

  it('shows a system an open alert names even when the catalog does not list it', () => {
    const board = statusBoard(SYSTEMS, [
      {
        fingerprint: 'room-b1-temperature',
        source: 'generic',
        title: '机房温度高',
        severity: 'critical',
        system: 'system:default/machine-rooms',
        status: 'open',
        occurrences: 1,
        firstSeen: '2026-12-06T02:00:00.000Z',
        lastSeen: '2026-12-06T02:00:00.000Z',
        flapping: false,
      },
    ]);
    expect(board[0]).toMatchObject({
      systemRef: 'system:default/machine-rooms',
      colour: 'red',
    });
    expect(board.slice(1).map(tile => tile.colour)).toEqual([
      'green',
      'green',
    ]);
  });
});
