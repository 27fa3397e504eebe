import { parseArticleFile } from './articleFile';

const defaults = { kind: 'runbook' as const, owner: 'group:default/onsite-team' };

describe('article files', () => {
  it('reads front matter and body', () => {
    expect(
      parseArticleFile(
        'docs/runbooks/x.md',
        '---\ntitle: 核心交换机故障\nentities: [resource:core-switch-01]\ntags: [网络, 2026]\n---\n\n1. 登录\n',
        defaults,
      ),
    ).toEqual({
      kind: 'runbook',
      title: '核心交换机故障',
      body: '1. 登录',
      tags: ['网络', '2026'],
      language: 'zh',
      entityRefs: ['resource:default/core-switch-01'],
      ticketRefs: [],
      owner: 'group:default/onsite-team',
      visibility: 'internal',
    });
  });

  it('reads a known error’s four parts', () => {
    const article = parseArticleFile(
      'seed/x.md',
      '---\ntitle: t\nkind: known-error\nsymptom: 无声\ncause: 线松\nworkaround: 重插\n---\n',
      defaults,
    );
    expect(article.knownError).toEqual({ symptom: '无声', cause: '线松', workaround: '重插', fix: '' });
  });

  it.each([
    ['no front matter', '# 标题', 'docs/runbooks/x.md: has no front matter'],
    ['bad YAML', '---\ntitle: [\n---\n', 'docs/runbooks/x.md: front matter is not YAML'],
    ['a misspelt key', '---\ntitle: t\nentites: []\n---\n', 'docs/runbooks/x.md: front matter: Unrecognized key: "entites"'],
    ['a bad entity', '---\ntitle: t\nentities: [user:xuli]\n---\n', 'docs/runbooks/x.md: front matter.entities.0: must be a system'],
  ])('names the file and the problem: %s', (_, text, message) => {
    expect(() => parseArticleFile('docs/runbooks/x.md', text, defaults)).toThrow(message);
  });
});
