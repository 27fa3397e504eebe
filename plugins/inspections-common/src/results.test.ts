import { answerProblem, evaluateItem, formatLimits } from './results';
import {
  checklistItemSchema,
  checklistTemplateSchema,
  ReadingItem,
} from './templates';

const battery: ReadingItem = {
  id: 'battery-charge',
  kind: 'reading',
  label: '电池电量',
  labelEn: 'Battery charge',
  unit: '%',
  min: 80,
};
const temperature: ReadingItem = {
  id: 'room-temperature',
  kind: 'reading',
  label: '机房温度',
  labelEn: 'Room temperature',
  unit: '℃',
  min: 18,
  max: 27,
};
const handling = checklistItemSchema.parse({
  id: 'virus-handling',
  kind: 'choice',
  label: '病毒处理',
  labelEn: 'Virus handling',
  options: [
    { value: 'none-found', label: '未发现', labelEn: 'None found' },
    { value: 'cleaned', label: '已清除', labelEn: 'Cleaned' },
    {
      value: 'unresolved',
      label: '未能清除',
      labelEn: 'Not removed',
      fails: true,
    },
  ],
});
const fans = checklistItemSchema.parse({
  id: 'fans',
  kind: 'pass-fail',
  label: '风扇运转正常',
  labelEn: 'Fans running',
});

describe('evaluateItem', () => {
  it.each([
    [battery, 80, 'pass'],
    [battery, 79.9, 'out-of-limits'],
    [battery, 100, 'pass'],
    [temperature, 18, 'pass'],
    [temperature, 27, 'pass'],
    [temperature, 27.5, 'out-of-limits'],
    [temperature, 12, 'out-of-limits'],
  ] as const)(
    'flags a reading outside its inclusive limits (%#)',
    (item, value, verdict) => {
      expect(evaluateItem(item, { kind: 'reading', value })).toBe(verdict);
    },
  );

  it('fails a failed yes/no and a failing option, passes text and evidence', () => {
    expect(evaluateItem(fans, { kind: 'pass-fail', passed: false })).toBe(
      'fail',
    );
    expect(evaluateItem(fans, { kind: 'pass-fail', passed: true })).toBe(
      'pass',
    );
    expect(
      evaluateItem(handling, { kind: 'choice', value: 'unresolved' }),
    ).toBe('fail');
    expect(evaluateItem(handling, { kind: 'choice', value: 'cleaned' })).toBe(
      'pass',
    );
  });

  it('refuses an answer of the wrong kind or an unknown option, naming the item', () => {
    expect(answerProblem(fans, { kind: 'reading', value: 1 })).toBe(
      'item fans takes a pass-fail answer, not reading',
    );
    expect(() =>
      evaluateItem(handling, { kind: 'choice', value: 'ignored' }),
    ).toThrow(
      /item virus-handling has no option "ignored"; options: none-found, cleaned, unresolved/,
    );
  });

  it('writes limits as people read them', () => {
    expect(formatLimits(battery)).toBe('≥ 80 %');
    expect(formatLimits(temperature)).toBe('18–27 ℃');
  });
});

describe('checklist templates', () => {
  it('names a duplicate item and inverted limits', () => {
    const result = checklistTemplateSchema.safeParse({
      id: 'ups',
      title: 'UPS 巡检',
      titleEn: 'UPS',
      profiles: ['ups'],
      items: [
        { id: 'fans', kind: 'pass-fail', label: '风扇', labelEn: 'Fans' },
        { id: 'fans', kind: 'pass-fail', label: '风扇', labelEn: 'Fans' },
        {
          id: 'load',
          kind: 'reading',
          label: '负载',
          labelEn: 'Load',
          unit: '%',
          min: 90,
          max: 10,
        },
      ],
    });
    expect(
      result.error?.issues.map(i => `${i.path.join('.')}: ${i.message}`),
    ).toEqual([
      'items.2.max: must not be below min',
      'items.1.id: duplicate item id fans',
    ]);
  });
});
