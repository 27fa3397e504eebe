import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { ReportFigures } from '@internal/plugin-reports-common';
import {
  INSPECTIONS,
  KB,
  SPARES,
  quietTicketFigures,
} from '../__testUtils__/fixtures';
import { DatabaseReportStore, NewSnapshot } from './DatabaseReportStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const figures = (total: number): ReportFigures => {
  const tickets = quietTicketFigures();
  const period = (from: string, to: string) => ({
    period: { from, to },
    tickets: { ...tickets, services: { ...tickets.services, total } },
    inspections: INSPECTIONS,
    kb: KB,
    spares: SPARES,
  });
  return {
    kind: 'month',
    zone: 'Asia/Shanghai',
    current: period('2026-11-01', '2026-11-30'),
    previous: period('2026-10-01', '2026-10-31'),
  };
};

/** Every byte value, so nothing on the way (text columns, encodings) may alter the file. */
const ALL_BYTES = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

const snapshot = (overrides: Partial<NewSnapshot> = {}): NewSnapshot => ({
  kind: 'month',
  period: { from: '2026-11-01', to: '2026-11-30' },
  language: 'zh',
  version: 1,
  figures: figures(2),
  changesFromPrevious: [],
  issuedBy: 'user:default/sunlei',
  issuedAt: '2026-12-08T02:00:00.000Z',
  files: [
    {
      name: 'report.xlsx',
      mediaType: 'application/octet-stream',
      sha256: 'a'.repeat(64),
      content: ALL_BYTES,
    },
  ],
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabaseReportStore on %s',
  databaseId => {
    let store: DatabaseReportStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      store = await DatabaseReportStore.create({
        database: mockServices.database({ knex }),
      });
    });

    it('keeps a snapshot, its figures and its bytes exactly as written', async () => {
      const written = await store.insert(snapshot());
      const read = await store.get(written.id);
      expect(read).toEqual(written);
      expect(read!.files).toEqual([
        {
          name: 'report.xlsx',
          mediaType: 'application/octet-stream',
          bytes: 512,
          sha256: 'a'.repeat(64),
        },
      ]);
      const file = await store.file(written.id, 'report.xlsx');
      expect(file!.content.equals(ALL_BYTES)).toBe(true);
      expect(await store.file(written.id, 'report.docx')).toBeUndefined();
      expect(await store.get('no-such-report')).toBeUndefined();
    });

    it('refuses a version that exists already, and writes none of it', async () => {
      await store.insert(snapshot());
      await expect(
        store.insert(
          snapshot({ figures: figures(3), issuedBy: 'user:default/zhaomin' }),
        ),
      ).rejects.toThrow(ConflictError);
      const listed = await store.list({});
      expect(listed).toHaveLength(1);
      expect(listed[0].issuedBy).toBe('user:default/sunlei');
    });

    it('numbers versions per kind, period, scope and language', async () => {
      await store.insert(snapshot());
      await store.insert(snapshot({ version: 2, figures: figures(3) }));
      await store.insert(snapshot({ systemRef: 'system:default/network' }));
      await store.insert(snapshot({ language: 'en' }));
      await store.insert(snapshot({ kind: 'custom' }));
      const latest = await store.latest({
        kind: 'month',
        period: { from: '2026-11-01', to: '2026-11-30' },
        language: 'zh',
      });
      expect(latest!.version).toBe(2);
      expect(latest!.figures.current.tickets.services.total).toBe(3);
      const network = await store.latest({
        kind: 'month',
        period: { from: '2026-11-01', to: '2026-11-30' },
        systemRef: 'system:default/network',
        language: 'zh',
      });
      expect(network).toMatchObject({
        version: 1,
        systemRef: 'system:default/network',
      });
      expect(await store.list({ kind: 'custom' })).toHaveLength(1);
      expect(
        await store.list({ period: { from: '2026-10-01', to: '2026-10-31' } }),
      ).toEqual([]);
    });

    it('records one acknowledgement', async () => {
      const { id } = await store.insert(snapshot());
      const acked = await store.acknowledge(
        id,
        'user:default/wuxia',
        '2026-12-09T01:00:00.000Z',
      );
      expect(acked).toMatchObject({
        acknowledgedBy: 'user:default/wuxia',
        acknowledgedAt: '2026-12-09T01:00:00.000Z',
      });
      await expect(
        store.acknowledge(
          id,
          'user:default/huangjun',
          '2026-12-09T02:00:00.000Z',
        ),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.acknowledge(
          'no-such-report',
          'user:default/wuxia',
          '2026-12-09T02:00:00.000Z',
        ),
      ).rejects.toThrow(NotFoundError);
      expect((await store.get(id))!.acknowledgedBy).toBe('user:default/wuxia');
    });

    it('stores one draft per period, whoever claims it first', async () => {
      const draft = {
        kind: 'month' as const,
        period: { from: '2026-11-01', to: '2026-11-30' },
        figures: figures(2),
        preparedAt: '2026-12-01T00:00:00.000Z',
      };
      const claims = await Promise.all([
        store.claimDraft(draft),
        store.claimDraft({ ...draft, figures: figures(9) }),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const drafts = await store.drafts();
      expect(drafts).toHaveLength(1);
      expect(drafts[0].period).toEqual(draft.period);
    });
  },
);
