import fc from 'fast-check';
import { raiseLevel } from './level';
import { PRIORITY_LEVELS } from './types';

const level = fc.constantFrom(...PRIORITY_LEVELS);
const rank = (l: (typeof PRIORITY_LEVELS)[number]) =>
  PRIORITY_LEVELS.indexOf(l);

describe('raiseLevel', () => {
  it('never lowers a level, and reaches at least the floor', () => {
    fc.assert(
      fc.property(level, level, (given, floor) => {
        const raised = raiseLevel(given, floor);
        expect(rank(raised)).toBeLessThanOrEqual(rank(given));
        expect(rank(raised)).toBeLessThanOrEqual(rank(floor));
        expect([given, floor]).toContain(raised);
      }),
    );
  });

  it('leaves a level alone without a floor', () => {
    fc.assert(
      fc.property(level, given => {
        expect(raiseLevel(given, undefined)).toBe(given);
      }),
    );
  });

  it('raises an L4 to L2 and keeps an L1', () => {
    expect(raiseLevel('L4', 'L2')).toBe('L2');
    expect(raiseLevel('L1', 'L2')).toBe('L1');
  });
});
