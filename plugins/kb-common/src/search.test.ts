import fc from 'fast-check';
import { indexTerms, minimumMatch, queryTerms, queryWords, segment } from './search';

describe('the search tokeniser', () => {
  it('indexes Chinese as character pairs and single characters', () => {
    expect([...indexTerms('打印机卡纸')]).toEqual([
      '打印',
      '印机',
      '机卡',
      '卡纸',
      '打',
      '印',
      '机',
      '卡',
      '纸',
    ]);
  });

  it('finds 打印机 in a body that says 打印机卡纸', () => {
    const index = indexTerms('今天上午院办公室的打印机卡纸了');
    expect(queryTerms('打印机')).toEqual(['打印', '印机']);
    for (const term of queryTerms('打印机')) {
      expect(index).toContain(term);
    }
  });

  it('indexes Latin text as lower-cased words without stop words or lone letters', () => {
    expect([...indexTerms('The UPS is on Battery: check a T01 recorder')]).toEqual(
      ['ups', 'battery', 'check', 't01', 'recorder'],
    );
  });

  it('splits mixed text by script and folds full-width letters', () => {
    expect(segment('ＨＰ打印机 LaserJet-M403')).toEqual([
      { text: 'hp', han: false },
      { text: '打印机', han: true },
      { text: 'laserjet', han: false },
      { text: 'm403', han: false },
    ]);
  });

  it('looks up a one-character query as the character', () => {
    expect(queryTerms('机')).toEqual(['机']);
    expect(queryTerms('UPS 电池 the')).toEqual(['ups', '电池']);
  });

  it('asks for every term of a short query and two thirds of a long one', () => {
    expect([1, 2, 3, 4, 6, 7].map(minimumMatch)).toEqual([1, 2, 2, 3, 4, 5]);
  });

  it('keeps the words a reader typed, for marking them in snippets', () => {
    expect(queryWords('UPS 电池 a')).toEqual(['ups', '电池']);
  });

  const hanText = fc
    .array(fc.constantFrom(...'打印机卡纸核心交换机录像服务器电池系统'), {
      minLength: 1,
      maxLength: 30,
    })
    .map(chars => chars.join(''));
  const mixedText = fc
    .array(fc.oneof(hanText, fc.constantFrom('ups', 'printer', 'T01', ' ', '，', '-')), {
      maxLength: 10,
    })
    .map(parts => parts.join(''));

  it('finds every piece of Chinese an article contains (property)', () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), fc.nat(), (text, a, b) => {
        const runs = segment(text).filter(s => s.han);
        fc.pre(runs.length > 0);
        const chars = [...runs[a % runs.length].text];
        const start = b % chars.length;
        const piece = chars.slice(start, start + 1 + (a % 4)).join('');
        const index = indexTerms(text);
        for (const term of queryTerms(piece)) {
          expect(index.has(term)).toBe(true);
        }
      }),
    );
  });
});
