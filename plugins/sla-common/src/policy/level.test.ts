import fc from 'fast-check';
import { raiseLevel } from './level';
import { PRIORITY_LEVELS } from './types';

const level = fc.constantFrom(...PRIORITY_LEVELS);
const rank = (l: (typeof PRIORITY_LEVELS)[number]) =>
  PRIORITY_LEVELS.indexOf(l);

describe('raiseLevel', () => {
  it('never lowers a level, and reaches at least the floor', () => {
    fc.assert(
      fc.property(
        level,
        fc.option(level, { nil: undefined }),
        (given, floor) => {
          const raised = raiseLevel(given, floor);
          expect(rank(raised)).toBeLessThanOrEqual(rank(given));
          if (floor) {
            expect(rank(raised)).toBeLessThanOrEqual(rank(floor));
            expect([given, floor]).toContain(raised);
          } else {
            expect(raised).toBe(given);
          }
        },
      ),
    );
  });

  it('raises an L4 to L2 and keeps an L1', () => {
    expect(raiseLevel('L4', 'L2')).toBe('L2');
    expect(raiseLevel('L1', 'L2')).toBe('L1');
  });
});
