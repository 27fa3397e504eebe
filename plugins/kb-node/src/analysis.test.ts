import { SearchAnalyzer } from './analysis';

describe('the search analysis', () => {
  const analyzer = new SearchAnalyzer();

  it('drops the filler of a question and reads synonyms as their group', () => {
    for (const q of ['投影仪没有画面了怎么办','电话打不通了','请问第一法庭庭审主机无法开机怎么处理','开会的时候话筒没声音了','电脑上不了网','ＵＰＳ 转电池','printr offline','审判系统登不上去','召开会议', '打印出来的字很淡是怎么回事', '拿起电话听不到声音', '我的电脑中了病毒该怎么处理']) {
      console.log(q, analyzer.words(q).map(w=>w.text).join('/'), analyzer.queryTerms(q).join(' '));
    }
  });
});
