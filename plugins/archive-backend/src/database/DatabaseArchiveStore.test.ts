import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { minimumMatch, queryTerms } from '@internal/plugin-kb-common';
import { createHash, randomUUID } from 'node:crypto';
import { DocumentFilter, NewDocument, NewFile } from './ArchiveStore';
import { DatabaseArchiveStore } from './DatabaseArchiveStore';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const AT = '2026-11-30T02:00:00.000Z';
const DESK = 'user:default/lina';

function doc(overrides: Partial<NewDocument> = {}): NewDocument {
  return {
    id: randomUUID(),
    title: '机房巡检规程',
    documentClass: 'om',
    subClass: '规程',
    date: '2026-11-20',
    source: 'contractor',
    systemRefs: ['system:default/network'],
    entityRefs: ['resource:default/core-switch-01'],
    ticketNumbers: ['INC-2026-00042'],
    confidentiality: 'public',
    readers: [],
    createdBy: DESK,
    createdAt: AT,
    ...overrides,
  };
}

function file(text: string, overrides: Partial<NewFile> = {}): NewFile {
  const content = Buffer.from(`%PDF-1.7 ${text}`);
  return {
    fileName: `${text}.pdf`,
    kind: 'pdf',
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    uploadedBy: DESK,
    uploadedAt: AT,
    ...overrides,
  };
}

const everyone: DocumentFilter['access'] = { all: true };

describe.each(databases.eachSupportedId())(
  'archive store on %s',
  databaseId => {
    let store: DatabaseArchiveStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      store = await DatabaseArchiveStore.fromKnex(knex);
    });

    it('numbers documents per class and year of their date', async () => {
      const a = await store.createDocument(doc());
      const b = await store.createDocument(doc({ date: '2026-01-02' }));
      const c = await store.createDocument(doc({ documentClass: 'project' }));
      const d = await store.createDocument(doc({ date: '2025-12-31' }));
      expect([a, b, c, d].map(r => r.document.number)).toEqual([
        'YW-2026-0001',
        'YW-2026-0002',
        'XM-2026-0001',
        'YW-2025-0001',
      ]);
      expect(a.document).toMatchObject({
        title: '机房巡检规程',
        systemRefs: ['system:default/network'],
        entityRefs: ['resource:default/core-switch-01'],
        ticketNumbers: ['INC-2026-00042'],
        revision: 1,
        versions: [],
      });
    });

    it('gives 100 concurrent registrations 100 distinct consecutive numbers', async () => {
      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          store.createDocument(doc({ documentClass: 'quality' })),
        ),
      );
      const sequences = results
        .map(r => Number(r.document.number.slice('ZL-2026-'.length)))
        .sort((x, y) => x - y);
      expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    });

    it('gives back the number of a registration that failed, so numbers stay gapless', async () => {
      await store.createDocument(doc({ sourceKey: 'report:r1' }));
      // The second filing of the same source rolls back, number included.
      const again = await store.createDocument(doc({ sourceKey: 'report:r1' }));
      expect(again.created).toBe(false);
      expect(again.document.number).toBe('YW-2026-0001');
      const next = await store.createDocument(doc());
      expect(next.document.number).toBe('YW-2026-0002');
    });

    it('files each source key once, even when two filings race', async () => {
      const racing = await Promise.all(
        [1, 2, 3].map(() =>
          store.createDocument(
            doc({ sourceKey: 'change:CHG-2026-00007' }),
            file('chg'),
          ),
        ),
      );
      expect(racing.filter(r => r.created)).toHaveLength(1);
      expect(new Set(racing.map(r => r.document.id)).size).toBe(1);
      expect(racing[0].document.versions).toHaveLength(1);
      expect(
        await store.filedSourceKeys([
          'change:CHG-2026-00007',
          'change:CHG-2026-00008',
        ]),
      ).toEqual(new Set(['change:CHG-2026-00007']));
    });

    it('keeps every version byte for byte, and a retried request key adds none', async () => {
      const { document } = await store.createDocument(doc());
      const binary = Buffer.from([
        0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 128, 0, 10,
      ]);
      const one = await store.addVersion(document.id, {
        ...file('v1'),
        content: binary,
      });
      const two = await store.addVersion(
        document.id,
        file('v2', { requestKey: 'task-1' }),
      );
      const retry = await store.addVersion(
        document.id,
        file('v2-retry', { requestKey: 'task-1' }),
      );
      expect([one.version.version, two.version.version]).toEqual([1, 2]);
      expect(retry).toEqual({ version: two.version, created: false });
      const read = await store.readFile(document.id, 1);
      expect(read!.content.equals(binary)).toBe(true);
      expect(read!.version.bytes).toBe(binary.length);
      expect(await store.readFile(document.id, 3)).toBeUndefined();
      const concurrent = await Promise.all(
        [3, 4, 5, 6].map(n => store.addVersion(document.id, file(`v${n}`))),
      );
      expect(concurrent.map(c => c.version.version).sort()).toEqual([
        3, 4, 5, 6,
      ]);
    });

    it('refuses a stale edit and keeps the one that won', async () => {
      const { document } = await store.createDocument(doc());
      const edited = await store.updateDocument(
        document.id,
        1,
        {
          title: '机房巡检规程（修订）',
          readers: ['user:default/huangjun'],
          subClass: null,
        },
        '2026-11-30T03:00:00.000Z',
      );
      expect(edited).toMatchObject({
        revision: 2,
        title: '机房巡检规程（修订）',
        readers: ['user:default/huangjun'],
        systemRefs: ['system:default/network'],
      });
      expect(edited.subClass).toBeUndefined();
      await expect(
        store.updateDocument(document.id, 1, { title: 'lost' }, AT),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.getDocument(document.id))!.title).toBe(
        '机房巡检规程（修订）',
      );
    });

    it('lists by class, period, system and keyword, Chinese or English, page by page', async () => {
      const switchDoc = await store.createDocument(
        doc({ title: '核心交换机配置手册', date: '2026-10-01' }),
      );
      await store.createDocument(
        doc({
          title: 'UPS maintenance report',
          documentClass: 'service-report',
          date: '2026-10-05',
          systemRefs: [],
        }),
      );
      await store.createDocument(
        doc({
          title: '法院来函',
          documentClass: 'other',
          date: '2026-09-01',
          ticketNumbers: ['CHG-2026-00007'],
        }),
      );
      const search = async (q: string, extra: Partial<DocumentFilter> = {}) => {
        const terms = queryTerms(q);
        const page = await store.listDocuments({
          access: everyone,
          search: { text: q, terms, minimumMatch: minimumMatch(terms.length) },
          limit: 50,
          ...extra,
        });
        return page.items.map(i => i.title);
      };
      expect(await search('交换机')).toEqual(['核心交换机配置手册']);
      expect(await search('maintenance')).toEqual(['UPS maintenance report']);
      expect(await search('CHG-2026-00007')).toEqual(['法院来函']);
      expect(await search(switchDoc.document.number)).toEqual([
        '核心交换机配置手册',
      ]);
      expect(await search('打印机')).toEqual([]);

      const titles = async (extra: Partial<DocumentFilter>) =>
        (
          await store.listDocuments({ access: everyone, limit: 50, ...extra })
        ).items.map(i => i.title);
      expect(await titles({ classes: ['other', 'service-report'] })).toEqual([
        'UPS maintenance report',
        '法院来函',
      ]);
      expect(await titles({ from: '2026-10-01', to: '2026-10-04' })).toEqual([
        '核心交换机配置手册',
      ]);
      expect(await titles({ system: 'system:default/network' })).toEqual([
        '核心交换机配置手册',
        '法院来函',
      ]);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listDocuments({
          access: everyone,
          limit: 2,
          cursor,
        });
        seen.push(...page.items.map(i => i.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([
        'UPS maintenance report',
        '核心交换机配置手册',
        '法院来函',
      ]);
    });

    it('finds a number as written: every document a ticket names, one document by its number, within the other filters', async () => {
      const form = await store.createDocument(doc({ title: '故障登记表' }));
      await store.createDocument(
        doc({
          title: '故障处理报告',
          documentClass: 'service-report',
          date: '2026-11-21',
          confidentiality: 'restricted',
        }),
      );
      await store.createDocument(
        doc({ title: '其他工单', ticketNumbers: ['INC-2026-00043'] }),
      );
      const titles = async (q: string, extra: Partial<DocumentFilter> = {}) =>
        (
          await store.listDocuments({
            access: everyone,
            search: { text: q, terms: queryTerms(q), minimumMatch: 1 },
            limit: 10,
            ...extra,
          })
        ).items.map(i => i.title);
      expect(await titles('INC-2026-00042')).toEqual([
        '故障处理报告',
        '故障登记表',
      ]);
      expect(
        await titles('INC-2026-00042', {
          access: { all: false, reader: 'user:default/xuli' },
        }),
      ).toEqual(['故障登记表']);
      expect(
        await titles('INC-2026-00042', { classes: ['service-report'] }),
      ).toEqual(['故障处理报告']);
      expect(await titles(form.document.number.toLowerCase())).toEqual([
        '故障登记表',
      ]);
      expect(await titles('INC-2026-00044')).toEqual([]);
    });

    it('shows a restricted document only to those who read all and its named readers', async () => {
      await store.createDocument(doc({ title: '公开' }));
      await store.createDocument(
        doc({
          title: '密件',
          confidentiality: 'restricted',
          readers: ['user:default/sunlei'],
        }),
      );
      const titles = async (access: DocumentFilter['access']) =>
        (await store.listDocuments({ access, limit: 10 })).items
          .map(i => i.title)
          .sort();
      expect(await titles({ all: false, reader: 'user:default/xuli' })).toEqual(
        ['公开'],
      );
      expect(
        await titles({ all: false, reader: 'user:default/sunlei' }),
      ).toEqual(['公开', '密件']);
      expect(await titles({ all: true })).toEqual(['公开', '密件']);
      // Registering it is no reading right of its own (the service names the registrar a reader).
      expect(await titles({ all: false, reader: DESK })).toEqual(['公开']);
    });
  },
);
