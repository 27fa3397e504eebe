import { DateTime } from 'luxon';
import { formatChange, localTimeFormatter, reportTitle } from './format';
import { labelsOf } from './labels';

describe('localTimeFormatter', () => {
  // It asks the zone once a day; these zones change their offset in the year below (Lord Howe by
  // half an hour, Chatham at a quarter to the hour), so a day of change must still come out right.
  const zones = [
    'Asia/Shanghai',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ];

  it.each(zones)('prints every instant of a year as luxon does in %s', zone => {
    const local = localTimeFormatter(zone);
    let at = DateTime.fromISO('2026-01-01T00:00:00Z', { zone: 'utc' });
    const end = at.plus({ years: 1 });
    let checked = 0;
    while (at < end) {
      const instant = at.toISO()!;
      expect(local(instant)).toBe(
        DateTime.fromISO(instant, { zone }).toFormat('yyyy-MM-dd HH:mm'),
      );
      // 101 minutes: over a year it lands on every minute of the hour, either side of each change.
      at = at.plus({ minutes: 101 });
      checked++;
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it('reads an absent instant as empty', () => {
    expect(localTimeFormatter('Asia/Shanghai')(undefined)).toBe('');
  });
});

describe('formatChange', () => {
  const t = labelsOf('zh');
  it('signs the change and says percentage points for a rate', () => {
    expect(formatChange(5, 4, 'integer', t)).toBe('+1');
    expect(formatChange(1_000, 2_500, 'integer', t)).toBe('−1,500');
    expect(formatChange(3, 3, 'integer', t)).toBe('±0');
    expect(formatChange(75, 90, 'percent', t)).toBe('−15.0 个百分点');
    expect(formatChange(undefined, 90, 'percent', t)).toBe('');
  });
});

describe('reportTitle', () => {
  it('names each kind of report in the court’s words and in English', () => {
    const zh = labelsOf('zh');
    const en = labelsOf('en');
    const month = { from: '2026-11-01', to: '2026-11-30' };
    const quarter = { from: '2026-10-01', to: '2026-12-31' };
    const week = { from: '2026-11-23', to: '2026-11-29' };
    expect(reportTitle('month', month, zh)).toBe('2026年11月 服务月报');
    expect(reportTitle('month', month, en)).toBe(
      'Monthly service report, November 2026',
    );
    expect(reportTitle('quarter', quarter, zh)).toBe('2026年第四季度 服务季报');
    expect(reportTitle('quarter', quarter, en)).toBe(
      'Quarterly service report, Q4 2026',
    );
    expect(reportTitle('week', week, zh)).toBe(
      '2026-11-23至2026-11-29 服务周报',
    );
    expect(reportTitle('custom', week, en)).toBe(
      'Service report, 2026-11-23 to 2026-11-29',
    );
  });
});
