import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseKbStore } from '../database/DatabaseKbStore';
import { RunbookFiles } from './RunbookFiles';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const runbook = (title: string, body: string, entities = ['resource:default/ups-01']) =>
  `---\ntitle: ${title}\nentities: [${entities.join(', ')}]\ntags: [UPS]\nlanguage: zh\nvisibility: internal\n---\n${body}\n`;

describe.each(databases.eachSupportedId())('runbook files on %s', databaseId => {
  let dir: string;
  let store: DatabaseKbStore;
  let files: RunbookFiles;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-runbooks-'));
    store = await DatabaseKbStore.fromKnex(await databases.init(databaseId as TestDatabaseId));
    files = new RunbookFiles({
      store,
      directory: dir,
      displayDirectory: 'docs/runbooks',
      owner: 'group:default/onsite-team',
      logger: mockServices.logger.mock(),
      clock: new ManualCourtClock('2026-03-03T09:00:00+08:00'),
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const found = async (q: string) => {
    const page = await store.searchText(q, { filter: {}, limit: 10, offset: 0 });
    return page.items.map(a => a.title);
  };

  it('reflects adding, editing and removing a file after each sync', async () => {
    writeFileSync(join(dir, 'ups-on-battery.md'), runbook('UPS 转电池供电', '1. 确认市电是否中断'));
    writeFileSync(join(dir, 'README.md'), '# 这个文件夹怎么写\n');
    expect(await files.sync()).toEqual({
      added: ['docs/runbooks/ups-on-battery.md'],
      updated: [],
      removed: [],
      invalid: [],
    });
    const [article] = await store.fileArticles();
    expect(await store.get(article.id)).toMatchObject({
      kind: 'runbook',
      title: 'UPS 转电池供电',
      entityRefs: ['resource:default/ups-01'],
      owner: 'group:default/onsite-team',
      visibility: 'internal',
      sourcePath: 'docs/runbooks/ups-on-battery.md',
      createdBy: 'plugin:kb',
    });
    expect(await found('市电')).toEqual(['UPS 转电池供电']);

    // Nothing changed: nothing written.
    expect((await files.sync()).updated).toEqual([]);

    writeFileSync(join(dir, 'ups-on-battery.md'), runbook('UPS 转电池供电', '1. 确认市电是否中断\n2. 通知发电机值班人员'));
    expect((await files.sync()).updated).toEqual(['docs/runbooks/ups-on-battery.md']);
    expect(await found('发电机')).toEqual(['UPS 转电池供电']);
    const versions = await store.versions(article.id);
    expect(versions.map(v => [v.version, v.fromFile])).toEqual([
      [2, true],
      [1, true],
    ]);

    unlinkSync(join(dir, 'ups-on-battery.md'));
    expect((await files.sync()).removed).toEqual(['docs/runbooks/ups-on-battery.md']);
    expect(await store.get(article.id)).toBeUndefined();
    expect(await found('市电')).toEqual([]);
  });

  it('keeps the last good version of a file that no longer parses, and names the problem', async () => {
    writeFileSync(join(dir, 'a.md'), runbook('每日备份检查', '1. 查看备份任务'));
    await files.sync();
    writeFileSync(join(dir, 'a.md'), runbook('每日备份检查', '1. 查看', ['user:default/xuli']));
    expect((await files.sync()).invalid).toEqual(['docs/runbooks/a.md']);
    expect((await found('备份'))).toEqual(['每日备份检查']);
  });

  it('removes nothing when the folder is missing', async () => {
    writeFileSync(join(dir, 'a.md'), runbook('每日备份检查', '1. 查看备份任务'));
    await files.sync();
    rmSync(dir, { recursive: true, force: true });
    expect((await files.sync()).removed).toEqual([]);
    expect(await store.fileArticles()).toHaveLength(1);
  });
});
