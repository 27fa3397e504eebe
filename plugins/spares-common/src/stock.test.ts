import fc from 'fast-check';
import {
  MovementEffect,
  MovementRequestOf,
  StockLevels,
  applyMovement,
  deltaOf,
  fellBelowMinimum,
  foldStock,
  stockAt,
  totalOf,
} from './stock';

const parts = ['hdd-4tb', 'psu-500w'];
const locations = ['a-b1', 'b-2f'];

interface Requested {
  partTypeId: string;
  locationId: string;
  request: MovementRequestOf;
}

const request: fc.Arbitrary<Requested> = fc.record({
  partTypeId: fc.constantFrom(...parts),
  locationId: fc.constantFrom(...locations),
  request: fc.oneof(
    fc.record({
      kind: fc.constantFrom(
        'receipt' as const,
        'issue' as const,
        'return' as const,
      ),
      // Fractions, zero and negatives too: the rule must refuse them.
      quantity: fc.oneof(
        fc.integer({ min: -3, max: 8 }),
        fc.double({ min: -2, max: 5, noNaN: true }),
      ),
    }),
    fc.record({
      kind: fc.constant('count' as const),
      counted: fc.oneof(fc.integer({ min: -2, max: 10 }), fc.constant(1.5)),
    }),
  ),
});

/** Runs requests as the store does: each against the stock the recorded log gives. */
function record(requests: readonly Requested[]) {
  const log: MovementEffect[] = [];
  let stock: StockLevels = new Map();
  let refused = 0;
  for (const { partTypeId, locationId, request: r } of requests) {
    const outcome = deltaOf(stockAt(stock, partTypeId, locationId), r);
    if ('refused' in outcome) {
      refused++;
      continue;
    }
    const movement = {
      partTypeId,
      locationId,
      kind: r.kind,
      delta: outcome.delta,
    };
    log.push(movement);
    stock = applyMovement(stock, movement);
  }
  return { log, stock, refused };
}

describe('stock as a fold over movements', () => {
  it('no sequence of receipts, issues, returns and counts makes stock negative', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), requests => {
        const { stock } = record(requests);
        for (const p of parts) {
          for (const l of locations) {
            expect(stockAt(stock, p, l)).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(stockAt(stock, p, l))).toBe(true);
          }
        }
      }),
    );
  });

  it('loses no movement: every request is recorded or refused, and the log folds to the stock', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), requests => {
        const { log, stock, refused } = record(requests);
        expect(log.length + refused).toBe(requests.length);
        expect(foldStock(log)).toEqual(stock);
        // Each part's total is the sum of its recorded deltas.
        for (const p of parts) {
          const sum = log
            .filter(m => m.partTypeId === p)
            .reduce((total, m) => total + m.delta, 0);
          expect(totalOf(stock, p)).toBe(sum);
        }
      }),
    );
  });

  it('a count leaves exactly what was counted, its difference recorded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (onHand, counted) => {
          const outcome = deltaOf(onHand, { kind: 'count', counted });
          expect(outcome).toEqual({ delta: counted - onHand });
        },
      ),
    );
  });

  it('refuses fractional, zero and negative quantities by field, and an issue beyond the stock', () => {
    expect(deltaOf(3, { kind: 'issue', quantity: 1.5 })).toEqual({
      refused: expect.stringMatching(/^quantity: .*whole/),
    });
    expect(deltaOf(3, { kind: 'receipt', quantity: 0 })).toHaveProperty(
      'refused',
    );
    expect(deltaOf(3, { kind: 'return', quantity: -1 })).toHaveProperty(
      'refused',
    );
    expect(deltaOf(3, { kind: 'count', counted: -1 })).toEqual({
      refused: expect.stringMatching(/^counted: /),
    });
    expect(deltaOf(3, { kind: 'issue', quantity: 4 })).toEqual({
      refused: 'quantity: only 3 in stock at this location',
    });
    expect(deltaOf(3, { kind: 'issue', quantity: 3 })).toEqual({ delta: -3 });
  });

  it('tells of falling below the minimum once, on the movement that crosses it', () => {
    expect(fellBelowMinimum(3, 2, 3)).toBe(true);
    expect(fellBelowMinimum(2, 1, 3)).toBe(false);
    expect(fellBelowMinimum(4, 3, 3)).toBe(false);
    expect(fellBelowMinimum(0, 0, 0)).toBe(false);
  });
});
