import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  isFlapping,
  labelsFingerprint,
  ratingOf,
  stormDecision,
} from './rules';
import { DEFAULT_SEVERITY_MAPPING } from './types';

const T0 = DateTime.fromISO('2026-12-06T10:00:00+08:00');
const at = (seconds: number) => T0.plus({ seconds }).toISO()!;

describe('labelsFingerprint', () => {
  it('is the same for the same labels in any order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string(), { minKeys: 1 }),
        labels => {
          const reversed = Object.fromEntries(Object.entries(labels).reverse());
          expect(labelsFingerprint(reversed)).toBe(labelsFingerprint(labels));
        },
      ),
    );
  });

  it('tells label sets apart when one value differs', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string(), { minKeys: 1 }),
        fc.string(),
        (labels, extra) => {
          const [key] = Object.keys(labels);
          fc.pre(labels[key] !== extra);
          expect(labelsFingerprint({ ...labels, [key]: extra })).not.toBe(
            labelsFingerprint(labels),
          );
        },
      ),
    );
  });

  it('does not confuse a key=value split across two labels', () => {
    expect(labelsFingerprint({ a: 'b,c=d' })).not.toBe(
      labelsFingerprint({ a: 'b', c: 'd' }),
    );
  });
});

describe('isFlapping', () => {
  const rule = { fires: 3, minutes: 10 };

  it('flaps at the third firing within ten minutes, not at three spread wider', () => {
    expect(isFlapping([at(0), at(300), at(599)], rule)).toBe(true);
    expect(isFlapping([at(0), at(300), at(600)], rule)).toBe(true);
    expect(isFlapping([at(0), at(300), at(601)], rule)).toBe(false);
    expect(isFlapping([at(0), at(300)], rule)).toBe(false);
  });

  it('counts a repeated start instant once (a re-sent alert is not a new firing)', () => {
    expect(isFlapping([at(0), at(0), at(0)], rule)).toBe(false);
  });

  it('holds within one window exactly when there are enough firings', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 600 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        (seconds, fires) => {
          expect(isFlapping(seconds.map(at), { fires, minutes: 10 })).toBe(
            seconds.length >= fires,
          );
        },
      ),
    );
  });

  it('never stops flapping when more firings come, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 6 }),
        (before, more) => {
          const flapped = isFlapping(before.map(at), rule);
          const after = isFlapping([...more, ...before].map(at), rule);
          expect(!flapped || after).toBe(true);
        },
      ),
    );
  });
});

describe('stormDecision', () => {
  /** Feeds arrivals (seconds) of one system through the rule, as the intake does. */
  function simulate(arrivals: number[], alerts: number) {
    const own: number[] = [];
    const parents: number[] = [];
    // A storm lasts while alerts keep joining it within a minute.
    let storm: { parent: string; lastAt: number } | undefined;
    for (const second of [...arrivals].sort((a, b) => a - b)) {
      if (storm && second - storm.lastAt >= 60) storm = undefined;
      const decision = stormDecision(
        {
          newInLastMinute: own.filter(s => second - s < 60).length,
          openStorm: storm?.parent,
        },
        { alerts },
      );
      if (decision.kind === 'own') own.push(second);
      if (decision.kind === 'open-storm') {
        parents.push(second);
        storm = { parent: `p${second}`, lastAt: second };
      }
      if (decision.kind === 'join-storm') storm!.lastAt = second;
    }
    return { own, parents };
  }

  it('files own incidents up to K in a minute, then one parent for the rest', () => {
    const { own, parents } = simulate(
      Array.from({ length: 30 }, (_, i) => i),
      5,
    );
    expect(own).toEqual([0, 1, 2, 3, 4]);
    expect(parents).toEqual([5]);
  });

  it('never files more than K own incidents of a system within any minute, and a storm needs more than K', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (arrivals, alerts) => {
          const { own, parents } = simulate(arrivals, alerts);
          for (const s of own) {
            expect(
              own.filter(o => o >= s && o - s < 60).length,
            ).toBeLessThanOrEqual(alerts);
          }
          for (const p of parents) {
            expect(own.filter(o => p - o < 60 && o <= p)).toHaveLength(alerts);
          }
          expect(arrivals.length > alerts || parents.length === 0).toBe(true);
        },
      ),
    );
  });
});

describe('ratingOf', () => {
  it('reads the urgency and impact from the mapping', () => {
    expect(ratingOf('critical', DEFAULT_SEVERITY_MAPPING)).toEqual({
      urgency: 'high',
      impact: 'large',
    });
    expect(
      ratingOf('info', {
        ...DEFAULT_SEVERITY_MAPPING,
        info: { urgency: 'medium', impact: 'medium' },
      }),
    ).toEqual({ urgency: 'medium', impact: 'medium' });
  });
});
