import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ArchiveDocument } from '@internal/plugin-archive-common';
import { as } from '@internal/plugin-court-node/testUtils';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { ArchiveBackend, startArchiveBackend } from './__testUtils__/backend';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

// Users holding one role each (court-node's role fixture).
const STAFF = 'xuli';
const DESK = 'lina';
const OTHER_DESK = 'zhangwei';
const OPS = 'sunlei';
const IT = 'wuxia';
const NO_ROLE = 'newcomer';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}

async function docx(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('运维月报')] }] }),
  );
}

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('台账').addRow(['编号', '名称']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const sha256 = (bytes: Buffer) =>
  createHash('sha256').update(bytes).digest('hex');

const REGISTRATION = {
  title: '核心交换机配置手册',
  documentClass: 'om',
  subClass: '运维手册',
  date: '2026-11-20',
  source: 'vendor',
  systemRefs: ['system:default/network'],
  confidentiality: 'public',
};

describe.each(databases.eachSupportedId())('archive API on %s', databaseId => {
  let backend: ArchiveBackend;
  const api = () => request(backend.server);

  beforeAll(async () => {
    backend = await startArchiveBackend({
      knex: await databases.init(databaseId as TestDatabaseId),
    });
  });
  afterAll(() => backend?.stop());

  async function register(
    overrides: object = {},
    user = DESK,
  ): Promise<ArchiveDocument> {
    const res = await api()
      .post('/api/archive/documents')
      .set('authorization', as(user))
      .send({ ...REGISTRATION, ...overrides });
    expect(res.status).toBe(201);
    return res.body;
  }

  function upload(id: string, name: string, content: Buffer, user = DESK) {
    return api()
      .post(`/api/archive/documents/${id}/versions`)
      .set('authorization', as(user))
      .set('Content-Type', 'application/octet-stream')
      .set('x-file-name', encodeURIComponent(name))
      .send(content);
  }

  it('refuses a caller without the permission before looking at the input', async () => {
    for (const [user, body] of [
      [STAFF, { documentClass: 'nonsense' }],
      [STAFF, REGISTRATION],
      [NO_ROLE, REGISTRATION],
    ] as const) {
      const res = await api()
        .post('/api/archive/documents')
        .set('authorization', as(user))
        .send(body);
      expect(res.status).toBe(403);
    }
    const { id } = await register();
    const staffUpload = await upload(id, 'x.pdf', Buffer.alloc(0), STAFF);
    expect(staffUpload.status).toBe(403);
    const tooLargeFromStaff = await upload(
      id,
      'x.pdf',
      Buffer.alloc(200_000),
      STAFF,
    );
    expect(tooLargeFromStaff.status).toBe(403);
    const list = await api()
      .get('/api/archive/documents?limit=nonsense')
      .set('authorization', as(NO_ROLE));
    expect(list.status).toBe(403);
  });

  it('numbers a registration and answers 400 naming the field for bad metadata', async () => {
    const doc = await register();
    expect(doc.number).toMatch(/^YW-2026-\d{4}$/);
    expect(doc).toMatchObject({
      createdBy: 'user:default/lina',
      versions: [],
      revision: 1,
    });

    const bad = async (overrides: object) => {
      const res = await api()
        .post('/api/archive/documents')
        .set('authorization', as(DESK))
        .send({ ...REGISTRATION, ...overrides });
      expect(res.status).toBe(400);
      return res.body.error.message as string;
    };
    expect(await bad({ documentClass: 'secret' })).toMatch(
      /^body\.documentClass: /,
    );
    // The court clock stands at 2026-12-05 10:00 in Beijing.
    expect(await bad({ date: '2026-12-06' })).toMatch(
      /^body\.date: is in the future/,
    );
    expect(await bad({ subClass: '变更记录x' })).toMatch(/^body\.subClass: /);
    expect(await bad({ title: 'a\u202eb' })).toMatch(/^body\.title: /);
    expect(await bad({ systemRefs: ['resource:default/x'] })).toMatch(
      /^body\.systemRefs\.0: /,
    );
    expect(await register({ date: '2026-12-05' })).toMatchObject({
      date: '2026-12-05',
    });
  });

  it('checks a file by its content and stores nothing it refuses', async () => {
    const { id } = await register();
    const refused = async (name: string, content: Buffer) => {
      const res = await upload(id, name, content);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^file: /);
    };
    await refused('empty.pdf', Buffer.alloc(0));
    // maxFileMb is 0.05 in the test config.
    await refused(
      'large.pdf',
      Buffer.concat([await pdf(1), Buffer.alloc(60_000)]),
    );
    await refused('picture.pdf', PNG);
    await refused('report.docx', await xlsx());
    await refused('notes.txt', Buffer.from('hello'));
    await refused('broken.pdf', Buffer.from('%PDF-1.7 not really'));
    const noName = await api()
      .post(`/api/archive/documents/${id}/versions`)
      .set('authorization', as(DESK))
      .set('Content-Type', 'application/octet-stream')
      .send(await pdf(1));
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/^header\.x-file-name: /);
    const after = await api()
      .get(`/api/archive/documents/${id}`)
      .set('authorization', as(DESK));
    expect(after.body.versions).toEqual([]);
  });

  it('keeps each version as uploaded: same bytes back, SHA-256 matching, earlier versions unchanged', async () => {
    const { id } = await register();
    const files: [string, Buffer, string][] = [
      ['配置手册.pdf', await pdf(3), 'application/pdf'],
      [
        '月报.docx',
        await docx(),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        '台账.xlsx',
        await xlsx(),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['照片.png', PNG, 'image/png'],
    ];
    for (const [index, [name, content]] of files.entries()) {
      const res = await upload(id, name, content);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        version: index + 1,
        fileName: name,
        bytes: content.length,
        sha256: sha256(content),
        uploadedBy: 'user:default/lina',
      });
    }
    const first = (
      await api()
        .get(`/api/archive/documents/${id}`)
        .set('authorization', as(DESK))
    ).body;
    expect(first.versions[0]).toMatchObject({ kind: 'pdf', pages: 3 });
    expect(first.versions.map((v: { kind: string }) => v.kind)).toEqual([
      'pdf',
      'docx',
      'xlsx',
      'png',
    ]);
    for (const [index, [name, content, mediaType]] of files.entries()) {
      const res = await api()
        .get(`/api/archive/documents/${id}/versions/${index + 1}/file`)
        .set('authorization', as(STAFF))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(mediaType);
      expect(res.headers['content-disposition']).toContain(
        encodeURIComponent(name),
      );
      expect(Buffer.compare(res.body, content)).toBe(0);
      expect(sha256(res.body)).toBe(first.versions[index].sha256);
    }
    const missing = await api()
      .get(`/api/archive/documents/${id}/versions/9/file`)
      .set('authorization', as(DESK));
    expect(missing.status).toBe(404);
  });

  it('hides a restricted document from court staff (404), shows it to the IT office and its named reader', async () => {
    const secret = await register({
      title: '机房门禁密码变更通知',
      documentClass: 'other',
      subClass: '来函',
      confidentiality: 'restricted',
      readers: ['user:default/sunlei'],
    });
    expect((await upload(secret.id, 'notice.pdf', await pdf(1))).status).toBe(
      201,
    );
    // The registrar (desk) is named among its readers, visibly.
    expect([...secret.readers].sort()).toEqual([
      `user:default/${DESK}`,
      'user:default/sunlei',
    ]);
    const byId = `/api/archive/documents/${secret.id}`;
    const search = `/api/archive/documents?q=${encodeURIComponent('门禁密码')}`;
    // The registrar (desk) reads it as a named reader; another desk member does not.
    for (const [user, sees] of [
      [STAFF, false],
      [OTHER_DESK, false],
      [DESK, true],
      [IT, true],
      [OPS, true],
    ] as const) {
      const one = await api().get(byId).set('authorization', as(user));
      expect([user, one.status]).toEqual([user, sees ? 200 : 404]);
      const file = await api()
        .get(`${byId}/versions/1/file`)
        .set('authorization', as(user));
      expect([user, file.status]).toEqual([user, sees ? 200 : 404]);
      const found = await api().get(search).set('authorization', as(user));
      expect(found.status).toBe(200);
      expect([
        user,
        found.body.items.map((d: ArchiveDocument) => d.id),
      ]).toEqual([user, sees ? [secret.id] : []]);
    }
    // Who may register but not read it cannot add a version either: it does not exist for them.
    expect(
      (await upload(secret.id, 'x.pdf', await pdf(1), OTHER_DESK)).status,
    ).toBe(404);
  });

  it('audits every download with who and what, and a refused one as failed', async () => {
    const { id } = await register();
    await upload(id, 'a.pdf', await pdf(1));
    const before = backend.audits.length;
    await api()
      .get(`/api/archive/documents/${id}/versions/1/file`)
      .set('authorization', as(STAFF));
    await api()
      .get(`/api/archive/documents/${id}/versions/7/file`)
      .set('authorization', as(STAFF));
    const downloads = backend.audits
      .slice(before)
      .filter(a => a.eventId === 'archive-download');
    expect(downloads).toEqual([
      {
        eventId: 'archive-download',
        meta: { documentId: id, version: '1' },
        outcome: 'success',
      },
      {
        eventId: 'archive-download',
        meta: { documentId: id, version: '7' },
        outcome: 'fail',
      },
    ]);
  });

  it('edits metadata against the revision read; a stale edit is a 409 and changes nothing', async () => {
    const doc = await register();
    const edit = (body: object) =>
      api()
        .patch(`/api/archive/documents/${doc.id}`)
        .set('authorization', as(DESK))
        .send(body);
    const first = await edit({
      revision: 1,
      title: '核心交换机配置手册（第二版）',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      revision: 2,
      number: doc.number,
      systemRefs: ['system:default/network'],
    });
    const stale = await edit({ revision: 1, title: 'lost' });
    expect(stale.status).toBe(409);
    expect((await edit({ revision: 2, documentClass: 'other' })).status).toBe(
      400,
    );
    const now = await api()
      .get(`/api/archive/documents/${doc.id}`)
      .set('authorization', as(DESK));
    expect(now.body.title).toBe('核心交换机配置手册（第二版）');
  });

  it('compiles a volume only for the ops manager and only for an ended quarter', async () => {
    const ask = (user: string, body: object) =>
      api()
        .post('/api/archive/volumes')
        .set('authorization', as(user))
        .send(body);
    expect((await ask(DESK, { year: 2026, quarter: 3 })).status).toBe(403);
    const running = await ask(OPS, { year: 2026, quarter: 4 });
    expect(running.status).toBe(400);
    expect(running.body.error.message).toMatch(
      /^body\.quarter: 2026年第四季度: the period has not ended/,
    );
    const bad = await ask(OPS, { year: 2026, quarter: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.quarter: /);
    const draft = await api()
      .post('/api/archive/drafts')
      .set('authorization', as(OPS))
      .send({ kind: 'monthly', from: '2026-12-01', to: '2026-11-30' });
    expect(draft.status).toBe(400);
    expect(draft.body.error.message).toMatch(/^body\.to: /);
  });

  it('lists page by page with a cursor and filters by class', async () => {
    for (let i = 0; i < 3; i++) {
      await register({
        documentClass: 'quality',
        subClass: '质量管理制度',
        title: `质量制度 ${i}`,
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api()
        .get('/api/archive/documents')
        .query({ class: 'quality', limit: 2, ...(cursor ? { cursor } : {}) })
        .set('authorization', as(STAFF));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((d: ArchiveDocument) => d.number));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['ZL-2026-0003', 'ZL-2026-0002', 'ZL-2026-0001']);
    const badCursor = await api()
      .get('/api/archive/documents?cursor=xyz')
      .set('authorization', as(STAFF));
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toMatch(/^query\.cursor: /);
  });
});
