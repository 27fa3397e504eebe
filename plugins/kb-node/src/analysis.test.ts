import { SearchAnalyzer } from './analysis';

describe('the search analysis', () => {
  const analyzer = new SearchAnalyzer();

  it('drops the filler of a question and reads synonyms as their group’s first word', () => {
    expect(analyzer.queryTerms('投影仪没有画面了怎么办')).toEqual(['投影仪', '投影', '影仪', '无', '画面']);
    expect(analyzer.queryTerms('电话打不通了')).toEqual(['电话', '无法拨通', '无法', '法拨', '拨通']);
    expect(analyzer.queryTerms('电脑上不了网')).toEqual(['电脑', '网络中断', '网络', '络中', '中断']);
    expect(analyzer.queryTerms('请问怎么办呢')).toEqual([]);
  });

  it('matches synonym phrases on word boundaries only', () => {
    // 开会 is a synonym of 会议, but 召开会议 is 召开 会议, not 召 开会 议.
    expect(analyzer.words('召开会议').map(w => w.text)).toEqual(['召开', '会议']);
    expect(analyzer.words('明天开会').map(w => w.text)).toEqual(['明天', '会议']);
  });

  it('folds full-width letters and reads Latin synonyms, keeping short words', () => {
    expect(analyzer.queryTerms('ＵＰＳ 转电池')).toEqual(['ups', '转', '电池']);
    expect(analyzer.queryTerms('the projector')).toEqual(['投影仪', '投影', '影仪']);
  });

  it('indexes character pairs, single characters and words of three characters or more', () => {
    expect([...analyzer.indexTerms('核心交换机故障')]).toEqual([
      '核心', '心交', '交换', '换机', '机故', '故障',
      '核', '心', '交', '换', '机', '故', '障',
      '交换机',
    ]);
    // A query's terms are all in the index of a text that says the same.
    const index = analyzer.indexTerms('会议室的投影机开机后没有画面');
    const terms = analyzer.queryTerms('开会的投影仪没画面');
    expect(terms).toEqual(['会议', '投影仪', '投影', '影仪', '无', '画面']);
    for (const term of terms) expect(index).toContain(term);
  });

  it('has a fingerprint that follows the synonym table', () => {
    expect(new SearchAnalyzer().fingerprint).toBe(analyzer.fingerprint);
    expect(new SearchAnalyzer([['故障', '坏了']]).fingerprint).not.toBe(analyzer.fingerprint);
  });
});
