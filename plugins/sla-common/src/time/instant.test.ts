import fc from 'fast-check';
import { InvalidInstantError, toInstant, toMillis } from './instant';

describe('instants', () => {
  it('reads any explicit offset and returns UTC', () => {
    expect(toInstant(toMillis('2026-02-13T16:50:00+08:00'))).toBe(
      '2026-02-13T08:50:00.000Z',
    );
    expect(toMillis('2026-02-13T08:50Z')).toBe(Date.UTC(2026, 1, 13, 8, 50));
    expect(toMillis('2026-02-13T08:50:00.123Z')).toBe(
      Date.UTC(2026, 1, 13, 8, 50, 0, 123),
    );
  });

  it.each([
    ['no offset', '2026-02-13T08:50:00'],
    ['a date only', '2026-02-13'],
    ['30 February, which Date.parse rolls into March', '2026-02-30T00:00:00Z'],
    ['hour 24', '2026-02-13T24:00:00Z'],
    ['not a string', 1771000000000],
  ])('refuses %s', (_, value) => {
    expect(() => toMillis(value as string)).toThrow(InvalidInstantError);
  });
});

describe('toInstant', () => {
  it(`formats exactly as Date#toISOString (2000 runs)`, () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.UTC(1000, 0, 1),
          max: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
        }),
        millis => {
          expect(toInstant(millis)).toBe(new Date(millis).toISOString());
          expect(toMillis(toInstant(millis))).toBe(millis);
        },
      ),
      { numRuns: 2000 },
    );
    expect(toInstant(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(toInstant(Date.UTC(20000, 0, 1))).toBe(
      '+020000-01-01T00:00:00.000Z',
    );
  });
});
