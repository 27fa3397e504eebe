import fc from 'fast-check';
import { BusinessCalendar, createBusinessCalendar } from './business-calendar';
import { defaultCalendars } from './defaults';

/** Runs per property; the test names print it. */
const NUM_RUNS = 300;
const HOUR = 3_600_000;

const calendars: BusinessCalendar[] = [
  ...defaultCalendars.map(definition => createBusinessCalendar(definition)),
  createBusinessCalendar({
    id: 'court-with-half-days',
    type: 'weekly',
    hours: { 'mon-fri': ['08:30-12:00', '13:30-18:00'] },
    followsOfficialCalendar: true,
    closures: ['2025-06-03', '2026-03-10..2026-03-12'],
    extraWorkingDays: ['2025-10-03'],
    specialHours: {
      '2026-02-13': ['08:30-12:00'],
      '2025-12-31': ['08:30-11:00'],
    },
  }),
  createBusinessCalendar({
    id: 'berlin-with-nights',
    type: 'weekly',
    zone: 'Europe/Berlin',
    hours: { 'mon-fri': ['08:00-17:00'], sat: ['22:00-03:00'] },
  }),
];

const roundTheClock = ['Asia/Shanghai', 'Europe/Berlin'].map(zone =>
  createBusinessCalendar({
    id: `round-the-clock-${zone}`,
    type: 'weekly',
    zone,
    hours: { 'mon-sun': ['00:00-24:00'] },
  }),
);

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 5, 30);
/** Instants, half of them on whole minutes so that many land on window edges. */
const instant = fc
  .oneof(
    fc.integer({ min: FROM, max: TO }),
    fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map(m => m * 60_000),
  )
  .map(ms => new Date(ms).toISOString());
const duration = fc.oneof(
  fc.integer({ min: 0, max: 200 * HOUR }),
  fc.integer({ min: 0, max: 200 * 60 }).map(m => m * 60_000),
);
const calendar = fc.constantFrom(...calendars);
const ms = (t: string) => Date.parse(t);

describe(`calendar properties (${NUM_RUNS} runs each)`, () => {
  it(`adding d then measuring gives d back (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(calendar, instant, duration, (cal, t, d) => {
        expect(
          cal.businessDurationBetween(t, cal.addBusinessDuration(t, d)),
        ).toBe(d);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`adding a+b equals adding a then b (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, (cal, t, a, b) => {
        expect(cal.addBusinessDuration(t, a + b)).toBe(
          cal.addBusinessDuration(cal.addBusinessDuration(t, a), b),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`a later start never gives an earlier due instant (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(calendar, instant, instant, duration, (cal, x, y, d) => {
        const [early, late] = ms(x) <= ms(y) ? [x, y] : [y, x];
        expect(ms(cal.addBusinessDuration(early, d))).toBeLessThanOrEqual(
          ms(cal.addBusinessDuration(late, d)),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it(`an always-open calendar equals plain clock arithmetic, across DST too (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...calendars.filter(c => c.id === 'always'),
          ...roundTheClock,
        ),
        instant,
        instant,
        duration,
        (cal, a, b, d) => {
          expect(ms(cal.addBusinessDuration(a, d))).toBe(ms(a) + d);
          expect(cal.businessDurationBetween(a, b)).toBe(ms(b) - ms(a));
          expect(cal.isOpen(a)).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it(`isOpen, nextOpening and nextClosing agree with measured time (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(calendar, instant, (cal, t) => {
        const next = new Date(ms(t) + 1).toISOString();
        expect(cal.businessDurationBetween(t, next)).toBe(
          cal.isOpen(t) ? 1 : 0,
        );
        const opening = cal.nextOpening(t);
        expect(opening).toBeDefined();
        expect(cal.isOpen(opening!)).toBe(true);
        expect(cal.businessDurationBetween(t, opening!)).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
    // Every calendar but 7×24 closes within a year.
    fc.assert(
      fc.property(
        fc.constantFrom(...calendars.filter(c => c.id !== 'always')),
        instant,
        (cal, t) => {
          const closing = cal.nextClosing(t) ?? 'never';
          expect(cal.isOpen(closing)).toBe(false);
          expect(cal.businessDurationBetween(t, closing)).toBe(
            ms(closing) - ms(t),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
