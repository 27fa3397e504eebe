import { articleText, markdownToText, snippetOf } from './text';

describe('plain text of articles', () => {
  it('keeps the words of markdown and drops markup, link targets and HTML', () => {
    expect(
      markdownToText(
        '# 打印机卡纸\n\n1. 打开**前盖**\n2. 见 [说明书](https://example.org/x)\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      ),
    ).toBe('打印机卡纸 打开 前盖 见 说明书 alert(1) a b 1 2');
  });

  it('reads a known error’s parts before its body', () => {
    expect(
      articleText({
        kind: 'known-error',
        title: 'x',
        body: '备注',
        knownError: { symptom: '无声', cause: '线松', workaround: '重插', fix: '' },
        tags: [],
        language: 'zh',
        entityRefs: [],
        ticketRefs: [],
        owner: 'group:default/onsite-team',
        visibility: 'internal',
      }),
    ).toBe('无声 线松 重插 备注');
  });

  it('cuts a snippet around the first word of the query', () => {
    const text = `${'前言'.repeat(100)}打印机卡纸时先关机${'后记'.repeat(100)}`;
    const snippet = snippetOf(text, '卡纸', 40);
    expect(snippet).toContain('打印机卡纸');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippetOf('短文', '')).toBe('短文');
  });
});
