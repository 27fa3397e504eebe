import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseArticleFile } from './articleFile';

const repoRoot = resolvePackagePath('@internal/plugin-kb-backend', '../..');

/** Every entity ref of the example court, as the catalog reads catalog/. */
function exampleCourtRefs(): Set<string> {
  const dir = join(repoRoot, 'catalog');
  const files = [
    ...readdirSync(dir).filter(f => f.endsWith('.yaml')),
    ...readdirSync(join(dir, 'devices')).map(f => join('devices', f)),
  ];
  const refs = new Set<string>();
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      const entity = doc.toJSON() as { kind?: string; metadata?: { name?: string } };
      if (entity?.kind && entity.metadata?.name) {
        refs.add(`${entity.kind.toLowerCase()}:default/${entity.metadata.name}`);
      }
    }
  }
  return refs;
}

const articles = (folder: string, kind: 'runbook' | 'how-to') =>
  readdirSync(join(repoRoot, folder))
    .filter(f => f.endsWith('.md') && f !== 'README.md')
    .map(file => {
      const name = `${folder}/${file}`;
      const text = readFileSync(join(repoRoot, folder, file), 'utf8');
      return { name, article: parseArticleFile(name, text, { kind, owner: 'group:default/onsite-team' }) };
    });

describe('the articles the portal ships', () => {
  const court = exampleCourtRefs();
  const runbooks = articles('docs/runbooks', 'runbook');
  const examples = articles('plugins/kb-backend/seed', 'how-to');

  it('has the runbooks the example court needs', () => {
    expect(runbooks.map(r => r.name).sort()).toEqual(
      [
        'core-switch-failure.md',
        'courtroom-recording-failure.md',
        'daily-backup-check.md',
        'ups-on-battery.md',
        'virus-found-on-pc.md',
      ].map(f => `docs/runbooks/${f}`),
    );
  });

  it('has examples of every kind for the embedded default, some for court staff', () => {
    const kinds = new Set(examples.map(e => e.article.kind));
    expect([...kinds].sort()).toEqual(['faq', 'how-to', 'known-error']);
    expect(examples.filter(e => e.article.visibility === 'public').length).toBeGreaterThanOrEqual(3);
  });

  it.each([...runbooks, ...examples].map(a => [a.name, a.article] as const))(
    '%s names only real catalog entities and owners, with steps to follow',
    (_, article) => {
      for (const ref of [...article.entityRefs, article.owner]) {
        expect([ref, court.has(ref)]).toEqual([ref, true]);
      }
      expect(article.entityRefs.length).toBeGreaterThan(0);
      expect(article.body.length + (article.knownError?.workaround.length ?? 0)).toBeGreaterThan(100);
    },
  );
});
