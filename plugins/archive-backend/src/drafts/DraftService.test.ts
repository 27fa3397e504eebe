import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  ArchiveDocument,
  DocumentVersion,
} from '@internal/plugin-archive-common';
import { ManualCourtClock } from '@internal/plugin-court-node';
import { reportFigures } from '../__testUtils__/reportFigures';
import {
  DraftArchive,
  DraftService,
  NewDraftFile,
  ReportFiguresSource,
} from './DraftService';
import { draftRequestSchema } from './kinds';

const OPS_MANAGER = 'user:default/zhaomin';

/** The archive's store as the drafts see it, in memory: the store itself is dev/archive-core's. */
function memoryArchive() {
  const documents: ArchiveDocument[] = [];
  const files: NewDraftFile[] = [];
  const archive: DraftArchive = {
    async documentBySourceKey(key) {
      return documents.find(d => d.sourceKey === key);
    },
    async registerDocument(document, actor) {
      const registered: ArchiveDocument = {
        ...document,
        id: `doc-${documents.length + 1}`,
        number: `BG-2026-${String(documents.length + 1).padStart(4, '0')}`,
        systemRefs: [],
        entityRefs: [],
        ticketNumbers: [],
        readers: [],
        createdBy: actor,
        createdAt: '2026-12-01T01:30:00.000Z',
        updatedAt: '2026-12-01T01:30:00.000Z',
        revision: 1,
        versions: [],
      };
      documents.push(registered);
      return registered;
    },
    async addVersion(documentId, file, actor) {
      const index = documents.findIndex(d => d.id === documentId);
      const version: DocumentVersion = {
        version: documents[index].versions.length + 1,
        fileName: file.fileName,
        kind: file.kind,
        bytes: file.content.length,
        sha256: 'not computed here',
        uploadedBy: actor,
        uploadedAt: '2026-12-01T01:30:00.000Z',
        note: file.note,
      };
      documents[index] = {
        ...documents[index],
        versions: [...documents[index].versions, version],
      };
      files.push(file);
      return version;
    },
  };
  return { archive, documents, files };
}

function setup() {
  const memory = memoryArchive();
  const queries: unknown[] = [];
  const reports: ReportFiguresSource = {
    async figures(query, credentials) {
      queries.push({ ...query, as: credentials });
      return reportFigures(
        query.kind,
        query,
        { from: '2026-11-16', to: '2026-11-22' },
        { current: 37, previous: 29 },
      );
    },
  };
  const service = new DraftService({
    archive: memory.archive,
    reports,
    clock: new ManualCourtClock('2026-12-01T09:30:00+08:00'),
    zone: 'Asia/Shanghai',
    court: '示例市中级人民法院',
    contractor: '示例运维服务公司',
  });
  const caller = {
    credentials: mockCredentials.user(OPS_MANAGER),
    actor: OPS_MANAGER,
  };
  return { ...memory, queries, service, caller };
}

const request = (body: unknown) => draftRequestSchema.parse(body);

describe('DraftService', () => {
  it('archives a weekly draft as version 1, with the week’s figures asked as the caller', async () => {
    const { service, caller, queries, documents, files } = setup();
    const draft = await service.createDraft(
      request({ kind: 'weekly', from: '2026-11-23', to: '2026-11-29' }),
      caller,
    );
    expect(queries).toEqual([
      {
        kind: 'week',
        from: '2026-11-23',
        to: '2026-11-29',
        as: caller.credentials,
      },
    ]);
    expect(draft).toMatchObject({
      documentClass: 'service-report',
      subClass: '周报',
      title: '周报 2026-11-23 至 2026-11-29',
      date: '2026-12-01',
      createdBy: OPS_MANAGER,
      versions: [
        {
          version: 1,
          kind: 'docx',
          fileName: '周报-2026-11-23至2026-11-29.docx',
        },
      ],
    });
    expect(documents).toHaveLength(1);
    // A Word file: a zip with the word/ part.
    expect(files[0].content.subarray(0, 2).toString()).toBe('PK');
    expect(files[0].content.includes('word/document.xml')).toBe(true);
  });

  it('finds the draft of a retried request instead of making a second one', async () => {
    const { service, caller, documents, files } = setup();
    const body = {
      kind: 'monthly',
      from: '2026-11-01',
      to: '2026-11-30',
      requestKey: 'task-1',
    };
    const first = await service.createDraft(request(body), caller);
    const again = await service.createDraft(request(body), caller);
    expect(again).toEqual(first);
    expect(documents).toHaveLength(1);
    expect(files).toHaveLength(1);
    // Another task drafts anew.
    await service.createDraft(
      request({ ...body, requestKey: 'task-2' }),
      caller,
    );
    expect(documents).toHaveLength(2);
  });

  it('completes a draft whose first attempt stopped between registering it and adding its file', async () => {
    const { service, caller, archive, documents } = setup();
    await archive.registerDocument(
      {
        title: '月报 2026-11-01 至 2026-11-30',
        documentClass: 'service-report',
        subClass: '月报',
        date: '2026-12-01',
        source: 'contractor',
        confidentiality: 'public',
        sourceKey: 'draft:task-3',
      },
      OPS_MANAGER,
    );
    const draft = await service.createDraft(
      request({
        kind: 'monthly',
        from: '2026-11-01',
        to: '2026-11-30',
        requestKey: 'task-3',
      }),
      caller,
    );
    expect(documents).toHaveLength(1);
    expect(draft.versions.map(v => v.version)).toEqual([1]);
  });

  it('plans the next quarter from the figures of the quarter-long period before it', async () => {
    const { service, caller, queries } = setup();
    await service.createDraft(
      request({ kind: 'work-plan', from: '2026-12-01', to: '2027-02-28' }),
      caller,
    );
    expect(queries).toEqual([
      expect.objectContaining({
        kind: 'custom',
        from: '2026-09-02',
        to: '2026-11-30',
      }),
    ]);
  });

  it.each([
    [
      { kind: 'weekly', from: '2026-11-30', to: '2026-12-06' },
      'body.to: the period has not ended yet (it ends 2026-12-06)',
    ],
    [
      { kind: 'weekly', from: '2026-11-24', to: '2026-11-30' },
      'body.to: a weekly draft covers 2026-11-23 to 2026-11-29',
    ],
    [
      { kind: 'monthly', from: '2026-10-01', to: '2026-11-30' },
      'body.to: a monthly draft covers 2026-10-01 to 2026-10-31',
    ],
    [
      { kind: 'work-plan', from: '2026-12-05', to: '2026-12-31' },
      'body.from: a plan starts after the period it looks back on has ended',
    ],
  ])(
    'refuses %j, asking for no figures and storing nothing',
    async (body, message) => {
      const { service, caller, queries, documents } = setup();
      await expect(service.createDraft(request(body), caller)).rejects.toThrow(
        message,
      );
      expect(queries).toEqual([]);
      expect(documents).toEqual([]);
    },
  );
});
