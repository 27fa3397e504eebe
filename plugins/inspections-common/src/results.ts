import { z } from 'zod';
import { multiLineText, singleLineString } from '@internal/plugin-court-common';
import { ChecklistItem, ReadingItem } from './templates';

/** An answer to one checklist item; `kind` must match the item's. */
export const resultValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pass-fail'), passed: z.boolean() }),
  z.strictObject({ kind: z.literal('reading'), value: z.number().finite() }),
  z.strictObject({
    kind: z.literal('choice'),
    value: singleLineString().min(1).max(64),
  }),
  z.strictObject({
    kind: z.literal('text'),
    value: multiLineText().max(2000),
  }),
  z.strictObject({
    kind: z.literal('evidence'),
    note: multiLineText().max(2000),
  }),
]);
export type ResultValue = z.output<typeof resultValueSchema>;

/** What an answer means. A failed item or an out-of-limits reading opens an incident. */
export const ITEM_VERDICTS = ['pass', 'fail', 'out-of-limits'] as const;
export type ItemVerdict = (typeof ITEM_VERDICTS)[number];

export function isFailing(verdict: ItemVerdict): boolean {
  return verdict !== 'pass';
}

/**
 * Why `value` cannot answer `item` (a reading for a yes/no item, an option
 * the item does not have), or undefined when it can.
 */
export function answerProblem(
  item: ChecklistItem,
  value: ResultValue,
): string | undefined {
  if (value.kind !== item.kind) {
    return `item ${item.id} takes a ${item.kind} answer, not ${value.kind}`;
  }
  if (
    item.kind === 'choice' &&
    value.kind === 'choice' &&
    !item.options.some(o => o.value === value.value)
  ) {
    return `item ${item.id} has no option ${JSON.stringify(
      value.value,
    )}; options: ${item.options.map(o => o.value).join(', ')}`;
  }
  return undefined;
}

/**
 * The verdict on an answer: a failed yes/no, a failing option, or a reading
 * outside [min, max] (inclusive limits). Text and evidence always pass.
 * @throws RangeError when the value does not answer the item (see answerProblem)
 */
export function evaluateItem(
  item: ChecklistItem,
  value: ResultValue,
): ItemVerdict {
  const problem = answerProblem(item, value);
  if (problem) throw new RangeError(problem);
  if (item.kind === 'pass-fail' && value.kind === 'pass-fail') {
    return value.passed ? 'pass' : 'fail';
  }
  if (item.kind === 'reading' && value.kind === 'reading') {
    const { min, max } = item;
    const outside =
      (min !== undefined && value.value < min) ||
      (max !== undefined && value.value > max);
    return outside ? 'out-of-limits' : 'pass';
  }
  if (item.kind === 'choice' && value.kind === 'choice') {
    return item.options.find(o => o.value === value.value)?.fails
      ? 'fail'
      : 'pass';
  }
  return 'pass';
}

/** A reading's limits as people write them: `≥ 80 %`, `18–27 ℃`. */
export function formatLimits(item: ReadingItem): string | undefined {
  const { min, max, unit } = item;
  if (min !== undefined && max !== undefined) return `${min}–${max} ${unit}`;
  if (min !== undefined) return `≥ ${min} ${unit}`;
  if (max !== undefined) return `≤ ${max} ${unit}`;
  return undefined;
}

/** An answer as one line of text, for incidents and history. */
export function formatAnswer(item: ChecklistItem, value: ResultValue): string {
  switch (value.kind) {
    case 'pass-fail':
      return value.passed ? '正常 (pass)' : '异常 (fail)';
    case 'reading':
      return `${value.value} ${
        item.kind === 'reading' ? item.unit : ''
      }`.trim();
    case 'choice': {
      const option =
        item.kind === 'choice'
          ? item.options.find(o => o.value === value.value)
          : undefined;
      return option ? `${option.label} (${option.labelEn})` : value.value;
    }
    case 'text':
      return value.value;
    default:
      return value.note;
  }
}
