import { DateTime } from 'luxon';
import { fitProblem } from './fit';
import { daysOut, isOverdue, nextOverdueCheck } from './repairs';

describe('fitProblem', () => {
  const disk = { deviceClasses: ['courtroom-recorder', 'nvr'], models: [] };
  it('fits any model of a listed class when no model is named', () => {
    expect(
      fitProblem(disk, { deviceClass: 'nvr', model: 'X1' }),
    ).toBeUndefined();
  });
  it('names the classes it fits for another class', () => {
    expect(fitProblem(disk, { deviceClass: 'ups', model: 'X1' })).toBe(
      'fits courtroom-recorder, nvr, not a ups',
    );
  });
  it('names the models when only some models fit', () => {
    expect(
      fitProblem(
        { ...disk, models: ['RE-TC8000'] },
        { deviceClass: 'nvr', model: 'X1' },
      ),
    ).toBe('fits models RE-TC8000, not X1');
    expect(
      fitProblem(
        { ...disk, models: ['RE-TC8000'] },
        { deviceClass: 'nvr', model: 'RE-TC8000' },
      ),
    ).toBeUndefined();
  });
  it('warns when the device has no facts', () => {
    expect(fitProblem(disk, {})).toMatch(/no device facts/);
  });
});

describe('repair dates', () => {
  it('is overdue from the day after the promised date, until returned', () => {
    const repair = { sentOn: '2026-11-02', promisedOn: '2026-11-16' };
    expect(isOverdue(repair, '2026-11-16')).toBe(false);
    expect(isOverdue(repair, '2026-11-17')).toBe(true);
    expect(
      isOverdue({ ...repair, returnedOn: '2026-11-20' }, '2026-11-30'),
    ).toBe(false);
    expect(isOverdue({ sentOn: '2026-11-02' }, '2027-01-01')).toBe(false);
  });
  it('counts calendar days out, across the year end', () => {
    expect(
      daysOut({ sentOn: '2026-12-30', returnedOn: '2027-01-04' }, '2027-02-01'),
    ).toBe(5);
    expect(daysOut({ sentOn: '2026-12-30' }, '2027-01-01')).toBe(2);
  });
  it('looks next at the hour in the court’s zone: today before it, tomorrow from it on', () => {
    const zone = 'Asia/Shanghai';
    expect(
      nextOverdueCheck(
        DateTime.fromISO('2026-12-06T08:59:59+08:00'),
        zone,
        9,
      ).toISO(),
    ).toBe('2026-12-06T01:00:00.000Z');
    expect(
      nextOverdueCheck(
        DateTime.fromISO('2026-12-06T09:00:00+08:00'),
        zone,
        9,
      ).toISO(),
    ).toBe('2026-12-07T01:00:00.000Z');
  });
});
