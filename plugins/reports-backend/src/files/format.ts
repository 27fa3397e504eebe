import { DateTime } from 'luxon';
import type { ReportKind, ReportPeriod } from '@internal/plugin-reports-common';
import type { LabelKey, Translate } from './labels';

/** How a figure is written: the Word text and the Excel number format follow from it. */
export type ValueFormat =
  | 'text'
  | 'integer'
  | 'minutes'
  | 'decimal'
  | 'percent';

export type Value = string | number | undefined;

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A figure as printed; an absent figure (no clocks, an empty share) is a dash, never a 0. */
export function formatValue(value: Value, format: ValueFormat): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'integer':
      return integer.format(value);
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'minutes':
    case 'decimal':
      return oneDecimal.format(value);
    default:
      return String(value);
  }
}

/** The change from the previous period, signed; percentages change by points. */
export function formatChange(
  current: Value,
  previous: Value,
  format: ValueFormat,
  t: Translate,
): string {
  if (typeof current !== 'number' || typeof previous !== 'number') return '';
  const delta = current - previous;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = Math.abs(delta);
  if (format === 'percent') {
    return t('percentPoints', {
      value: `${sign}${oneDecimal.format(magnitude)}`,
    });
  }
  return `${sign}${formatValue(magnitude, format)}`;
}

export function minutesOf(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 60_000;
}

/** An instant as the court reads it: local time in the court's zone, to the minute. */
export function localTime(instant: string | undefined, zone: string): string {
  if (!instant) return '';
  return DateTime.fromISO(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** `system:default/trial` → `trial`: the court's refs live in the default namespace. */
export function shortRef(ref: string): string {
  const withoutKind = ref.includes(':') ? ref.slice(ref.indexOf(':') + 1) : ref;
  return withoutKind.startsWith('default/')
    ? withoutKind.slice('default/'.length)
    : withoutKind;
}

const REPORT_NAME: Record<ReportKind, LabelKey> = {
  week: 'reportWeek',
  month: 'reportMonth',
  quarter: 'reportQuarter',
  custom: 'reportCustom',
};

const QUARTER_ZH = ['一', '二', '三', '四'];

/** "2026年11月 服务月报", "Monthly service report, November 2026". */
export function reportTitle(
  kind: ReportKind,
  period: ReportPeriod,
  t: Translate,
): string {
  const report = t(REPORT_NAME[kind]);
  const from = DateTime.fromISO(period.from, { zone: 'utc' });
  if (kind === 'month') {
    return t('titleMonth', {
      report,
      year: from.year,
      month: from.month,
      monthName: from.setLocale('en').toFormat('LLLL'),
    });
  }
  if (kind === 'quarter') {
    return t('titleQuarter', {
      report,
      year: from.year,
      quarter: from.quarter,
      quarterZh: QUARTER_ZH[from.quarter - 1],
    });
  }
  return t('titleRange', { report, from: period.from, to: period.to });
}

export function periodText(period: ReportPeriod, t: Translate): string {
  return t('periodRange', { from: period.from, to: period.to });
}

/** Display width of a text: CJK characters take two columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}
