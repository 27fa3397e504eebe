import { ConfigReader } from '@backstage/config';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { ManualCourtClock } from '@internal/plugin-court-node';
import type {
  InspectionFigures,
  TicketFiguresResponse,
} from '@internal/plugin-reports-common';
import { randomUUID, createHash } from 'node:crypto';
import { readArchiveConfig } from '../config';
import { DatabaseArchiveStore } from '../database/DatabaseArchiveStore';
import { DraftService } from '../drafts';
import { FilingSources } from '../filing/sources';
import { reportFigures } from '../__testUtils__/reportFigures';
import { markerPdf } from '../volume/__testUtils__/fixture';
import { VolumeService } from '../volume';
import {
  StoreDraftArchive,
  StoreVolumeArchive,
  StoreVolumeSources,
} from './adapters';
import { ArchiveService } from './ArchiveService';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const OPS = mockCredentials.user('user:default/sunlei');

const quietMonth: InspectionFigures = {
  roundsPlanned: 0,
  roundsDone: 0,
  deviceCoverage: { devices: 0, inspected: 0 },
  failedItems: 0,
  incidentsOpened: 0,
  viruses: { checks: 0, pcs: 0, infectedPcs: 0, virusesFound: 0 },
};

/** Families with nothing to say for the quarter: the volume binds the archive's own documents. */
const quietFamilies: FilingSources = {
  issuedReports: async () => [],
  issuedReport: async () => {
    throw new Error('no reports');
  },
  reportFile: async () => new Uint8Array(),
  ticketFigures: async () =>
    ({ tickets: [], changes: [] } as unknown as TicketFiguresResponse),
  change: async () => {
    throw new Error('no changes');
  },
  inspectionFigures: async () => quietMonth,
};

describe.each(databases.eachSupportedId())(
  'the volume and the drafts wired to the store on %s',
  databaseId => {
    let store: DatabaseArchiveStore;
    let archive: ArchiveService;
    const clock = new ManualCourtClock('2026-10-08T09:00:00+08:00');
    const config = readArchiveConfig(new ConfigReader({}));

    beforeEach(async () => {
      store = await DatabaseArchiveStore.fromKnex(
        await databases.init(databaseId as TestDatabaseId),
      );
      archive = new ArchiveService({
        store,
        permissions: mockServices.permissions(),
        config,
        clock,
        volumes: new VolumeService({
          sources: new StoreVolumeSources(store, quietFamilies),
          archive: new StoreVolumeArchive(store, clock),
          clock,
          zone: config.zone,
          cover: config,
        }),
        drafts: new DraftService({
          archive: new StoreDraftArchive(store, clock),
          reports: {
            figures: async query =>
              reportFigures(query.kind, query, query, {
                current: 12,
                previous: 9,
              }),
          },
          clock,
          zone: config.zone,
          court: config.court,
          contractor: config.contractor,
        }),
      });
      // The quarter's register: one manual with its PDF, one restricted letter (never bound).
      const pdf = await markerPdf('manual', 2);
      await store.createDocument(
        {
          id: randomUUID(),
          title: '核心交换机配置手册',
          documentClass: 'om',
          subClass: '运维手册',
          date: '2026-08-10',
          source: 'vendor',
          systemRefs: [],
          entityRefs: [],
          ticketNumbers: [],
          confidentiality: 'public',
          readers: [],
          createdBy: 'user:default/lina',
          createdAt: '2026-08-10T02:00:00.000Z',
        },
        {
          fileName: 'manual.pdf',
          kind: 'pdf',
          content: pdf,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          pages: 2,
          uploadedBy: 'user:default/lina',
          uploadedAt: '2026-08-10T02:00:00.000Z',
        },
      );
      await store.createDocument({
        id: randomUUID(),
        title: '机房门禁来函',
        documentClass: 'other',
        subClass: '来函',
        date: '2026-09-01',
        source: 'court',
        systemRefs: [],
        entityRefs: [],
        ticketNumbers: [],
        confidentiality: 'restricted',
        readers: [],
        createdBy: 'user:default/wuxia',
        createdAt: '2026-09-01T02:00:00.000Z',
      });
    });

    it('files the volume as a version of its quarter, with its Excel index, once per request key', async () => {
      const plan = await archive.compileVolume(
        { year: 2026, quarter: 3, dryRun: true },
        OPS,
      );
      expect(plan.created).toBe(false);
      expect(plan.result).toMatchObject({
        sourceKey: 'volume:2026-Q3',
        parts: [{ documentClass: 'om', documents: 1, appendedPdfs: 1 }],
        restrictedLeftOut: 1,
        nextVersion: 1,
      });
      expect(await store.getBySourceKey('volume:2026-Q3')).toBeUndefined();

      const first = await archive.compileVolume(
        { year: 2026, quarter: 3, requestKey: 'task-1' },
        OPS,
      );
      expect(first).toMatchObject({
        created: true,
        result: { number: 'BG-2026-0001', version: 1 },
      });
      const retry = await archive.compileVolume(
        { year: 2026, quarter: 3, requestKey: 'task-1' },
        OPS,
      );
      expect(retry).toEqual({ created: false, result: first.result });
      const again = await archive.compileVolume(
        { year: 2026, quarter: 3, requestKey: 'task-2' },
        OPS,
      );
      expect(again.result).toMatchObject({
        number: 'BG-2026-0001',
        version: 2,
      });

      const volume = (await store.getBySourceKey('volume:2026-Q3'))!;
      expect(volume).toMatchObject({
        documentClass: 'service-report',
        subClass: '季度汇编',
        date: '2026-09-30',
        createdBy: 'user:default/sunlei',
      });
      expect(volume.versions.map(v => [v.version, v.kind])).toEqual([
        [1, 'pdf'],
        [2, 'pdf'],
      ]);
      const stored = await store.readFile(volume.id, 1);
      expect(createHash('sha256').update(stored!.content).digest('hex')).toBe(
        volume.versions[0].sha256,
      );
      const index = (await store.getBySourceKey('volume:2026-Q3:index'))!;
      expect(index.versions.map(v => v.kind)).toEqual(['xlsx', 'xlsx']);
    });

    it('refuses a quarter that has not ended, naming it', async () => {
      await expect(
        archive.compileVolume({ year: 2026, quarter: 4 }, OPS),
      ).rejects.toThrow(/^body\.quarter: /);
      await expect(
        archive.compileVolume({ year: 2026, quarter: 7 }, OPS),
      ).rejects.toThrow(/^body\.quarter: /);
    });

    it('archives a draft as version 1 of a service report, once per request key', async () => {
      const request = {
        kind: 'monthly',
        from: '2026-09-01',
        to: '2026-09-30',
        requestKey: 'task-9',
      };
      const draft = await archive.createDraft(request, OPS);
      expect(draft).toMatchObject({
        documentClass: 'service-report',
        subClass: '月报',
        createdBy: 'user:default/sunlei',
        versions: [{ version: 1, kind: 'docx' }],
      });
      const retried = await archive.createDraft(request, OPS);
      expect(retried.id).toBe(draft.id);
      expect(retried.versions).toHaveLength(1);
      await expect(
        archive.createDraft({ ...request, to: '2026-09-29' }, OPS),
      ).rejects.toThrow(/^body\.to: /);
    });
  },
);
