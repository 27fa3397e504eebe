import { ConfigReader } from '@backstage/config';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotImplementedError } from '@backstage/errors';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { PDFDocument } from 'pdf-lib';
import { Document, Packer, Paragraph } from 'docx';
import { readArchiveConfig } from '../config';
import { DatabaseArchiveStore } from '../database/DatabaseArchiveStore';
import { ArchiveService } from './ArchiveService';
import { DraftWriter, VolumeCompiler } from './extensions';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const OPS = mockCredentials.user('user:default/sunlei');

async function volumePdf(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(label);
  for (let i = 0; i < pages; i++) doc.addPage([300, 300]);
  return doc.save();
}

/** A stand-in for src/volume: counts its compiles, each a different PDF. */
function countingCompiler(): VolumeCompiler & { compiles: number } {
  return {
    compiles: 0,
    async plan({ quarter, classes }) {
      return {
        dryRun: true,
        year: quarter.year,
        quarter: quarter.quarter,
        classes: [...classes],
        documents: 0,
        appendedPdfs: 0,
      };
    },
    async compile({ quarter }) {
      this.compiles++;
      return {
        content: await volumePdf(
          2 + this.compiles,
          `${quarter.year}-${this.compiles}`,
        ),
        pages: 2 + this.compiles,
      };
    },
  };
}

describe.each(databases.eachSupportedId())(
  'the volume and draft wiring on %s',
  databaseId => {
    let store: DatabaseArchiveStore;
    const clock = new ManualCourtClock('2026-10-01T09:00:00+08:00');
    const config = readArchiveConfig(new ConfigReader({}));

    beforeEach(async () => {
      store = await DatabaseArchiveStore.fromKnex(
        await databases.init(databaseId as TestDatabaseId),
      );
    });

    const service = (extras: {
      volumes?: VolumeCompiler;
      drafts?: DraftWriter;
    }) =>
      new ArchiveService({
        store,
        permissions: mockServices.permissions(),
        config,
        clock,
        ...extras,
      });

    it('files the volume under its quarter: a new version per compile, none for a retried request', async () => {
      const volumes = countingCompiler();
      const archive = service({ volumes });
      const first = await archive.compileVolume(
        { year: 2026, quarter: 3, requestKey: 'task-1' },
        OPS,
      );
      expect(first.created).toBe(true);
      expect(first.result).toMatchObject({
        number: 'BG-2026-0001',
        version: 1,
        pages: 3,
      });
      const retry = await archive.compileVolume(
        { year: 2026, quarter: 3, requestKey: 'task-1' },
        OPS,
      );
      expect(retry).toEqual({ created: false, result: first.result });
      expect(volumes.compiles).toBe(1);
      const again = await archive.compileVolume(
        { year: 2026, quarter: 3, requestKey: 'task-2' },
        OPS,
      );
      expect(again.result).toMatchObject({
        number: 'BG-2026-0001',
        version: 2,
        pages: 4,
      });
      const document = await store.getBySourceKey('volume:2026-Q3');
      expect(document).toMatchObject({
        documentClass: 'service-report',
        subClass: '季度汇编',
        date: '2026-09-30',
      });
      expect(document!.versions.map(v => v.version)).toEqual([1, 2]);
      const plan = await archive.compileVolume(
        { year: 2026, quarter: 3, dryRun: true, classes: ['om'] },
        OPS,
      );
      expect(plan).toEqual({
        created: false,
        result: expect.objectContaining({ dryRun: true, classes: ['om'] }),
      });
      expect(volumes.compiles).toBe(2);
    });

    it('says plainly when no compiler or draft writer is installed', async () => {
      const archive = service({});
      await expect(
        archive.compileVolume({ year: 2026, quarter: 3 }, OPS),
      ).rejects.toBeInstanceOf(NotImplementedError);
      await expect(
        archive.createDraft(
          { kind: 'monthly', from: '2026-09-01', to: '2026-09-30' },
          OPS,
        ),
      ).rejects.toBeInstanceOf(NotImplementedError);
    });

    it('archives a draft as version 1 of a service report, dated no later than today', async () => {
      const seen: unknown[] = [];
      const drafts: DraftWriter = {
        async write(request, onBehalfOf) {
          seen.push([request, onBehalfOf.principal]);
          return {
            title: '2026年9月 运维月报（草稿）',
            fileName: '2026年9月运维月报.docx',
            content: await Packer.toBuffer(
              new Document({
                sections: [{ children: [new Paragraph('月报')] }],
              }),
            ),
          };
        },
      };
      const document = await service({ drafts }).createDraft(
        { kind: 'monthly', from: '2026-09-01', to: '2026-10-31' },
        OPS,
      );
      expect(seen).toEqual([
        [
          { kind: 'monthly', from: '2026-09-01', to: '2026-10-31' },
          OPS.principal,
        ],
      ]);
      expect(document).toMatchObject({
        documentClass: 'service-report',
        subClass: '月报',
        date: '2026-10-01',
        createdBy: 'user:default/sunlei',
        versions: [
          { version: 1, kind: 'docx', fileName: '2026年9月运维月报.docx' },
        ],
      });
    });
  },
);
