import {
  deviceState,
  figuresOf,
  shownCoverage,
  DeviceTally,
  summarizeCoverage,
  summarizeViruses,
} from './coverage';

const tally = (
  deviceRef: string,
  fields: Partial<DeviceTally> & Pick<DeviceTally, 'due' | 'done'>,
): DeviceTally => ({
  deviceRef,
  deviceClass: 'ups',
  systemRef: 'system:default/machine-rooms',
  failed: 0,
  overdue: 0,
  ...fields,
});

describe('coverage', () => {
  it('counts devices inspected, overdue, pending and failed per system and class', () => {
    const summary = summarizeCoverage([
      tally('resource:default/ups-01', { due: 20, done: 20, failed: 1 }),
      tally('resource:default/ups-02', { due: 20, done: 18, overdue: 2 }),
      tally('resource:default/precision-ac-01', {
        deviceClass: 'precision-ac',
        due: 20,
        done: 19,
      }),
      tally('resource:default/core-switch-01', {
        deviceClass: 'core-switch',
        systemRef: 'system:default/network',
        due: 4,
        done: 4,
      }),
      // A second plan on the same device adds to its figures.
      tally('resource:default/ups-01', { due: 1, done: 0, overdue: 1 }),
    ]);
    expect(summary.totals).toEqual({
      devices: 4,
      inspected: 1,
      overdue: 2,
      pending: 1,
      failed: 1,
      checksDue: 65,
      checksDone: 61,
      checksFailed: 1,
      checksOverdue: 3,
      coverage: 0.25,
    });
    expect(
      summary.bySystem.map(r => [r.key, r.devices, r.inspected, r.overdue]),
    ).toEqual([
      ['system:default/machine-rooms', 3, 0, 2],
      ['system:default/network', 1, 1, 0],
    ]);
    expect(summary.byClass.map(r => [r.key, r.coverage])).toEqual([
      ['core-switch', 1],
      ['precision-ac', 0],
      ['ups', 0],
    ]);
  });

  it('calls a device with nothing late and everything done inspected', () => {
    expect(deviceState(tally('a', { due: 0, done: 0 }))).toBe('inspected');
    expect(deviceState(tally('a', { due: 2, done: 1 }))).toBe('pending');
    expect(deviceState(tally('a', { due: 2, done: 2, overdue: 0 }))).toBe(
      'inspected',
    );
  });

  it('gives full coverage when nothing was due', () => {
    expect(summarizeCoverage([]).totals.coverage).toBe(1);
  });
});

describe('virus statistics', () => {
  it('adds up a month of PC checks', () => {
    expect(
      summarizeViruses({ from: '2026-11-01', to: '2026-11-30' }, [
        { checkId: 'c1', deviceRef: 'pc-01', found: 0, handling: 'none-found' },
        { checkId: 'c2', deviceRef: 'pc-01', found: 2, handling: 'cleaned' },
        { checkId: 'c3', deviceRef: 'pc-02', found: 1, handling: 'unresolved' },
        { checkId: 'c4', deviceRef: 'pc-03' },
      ]),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      checks: 4,
      pcs: 3,
      infectedChecks: 2,
      infectedPcs: 2,
      virusesFound: 3,
      handling: { 'none-found': 1, cleaned: 1, unresolved: 1 },
    });
  });
});

describe('shownCoverage', () => {
  it('is undefined when nothing was due, the share otherwise', () => {
    expect(shownCoverage(figuresOf([]))).toBeUndefined();
    const ups = {
      deviceRef: 'resource:default/ups-01',
      deviceClass: 'ups',
      due: 2,
      done: 2,
      failed: 0,
      overdue: 0,
    };
    expect(shownCoverage(figuresOf([ups]))).toBe(1);
    expect(
      shownCoverage(figuresOf([{ ...ups, due: 0, done: 0 }])),
    ).toBeUndefined();
    expect(
      shownCoverage(
        figuresOf([ups, { ...ups, deviceRef: 'x', overdue: 1, done: 1 }]),
      ),
    ).toBe(0.5);
  });
});
