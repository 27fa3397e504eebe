import { ResponseError } from '@backstage/errors';
import type {
  ArchiveApi,
  ArchiveDocument,
  ListDocumentsQuery,
} from '@internal/plugin-archive-common';

/** A registered document with one PDF version, as the API returns it. */
export function makeDocument(
  overrides: Partial<ArchiveDocument> = {},
): ArchiveDocument {
  return {
    id: 'doc-1',
    number: 'YW-2026-0001',
    title: '机房巡检规程',
    documentClass: 'om',
    subClass: '操作规程',
    date: '2026-03-02',
    source: 'contractor',
    systemRefs: ['system:default/machine-rooms'],
    entityRefs: ['resource:default/ups-01'],
    ticketNumbers: ['INC-2026-00042', 'CHG-2026-00007'],
    confidentiality: 'public',
    readers: [],
    retentionYears: 10,
    createdBy: 'user:default/sunlei',
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    revision: 1,
    versions: [
      {
        version: 1,
        fileName: '机房巡检规程.pdf',
        kind: 'pdf',
        bytes: 245_760,
        sha256: 'a'.repeat(64),
        pages: 4,
        uploadedBy: 'user:default/sunlei',
        uploadedAt: '2026-03-02T02:01:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** Every method of the archive API as a jest mock. */
export function mockArchiveApi(): jest.Mocked<ArchiveApi> {
  return {
    listDocuments: jest.fn(async (_query?: ListDocumentsQuery) => ({
      items: [makeDocument()],
    })),
    getDocument: jest.fn(async (_id: string) => makeDocument()),
    createDocument: jest.fn(),
    updateDocument: jest.fn(),
    uploadVersion: jest.fn(),
    fileUrl: jest.fn(),
    downloadVersion: jest.fn(),
    compileVolume: jest.fn(),
    createDraft: jest.fn(),
  };
}

/** What the backend answers: an error body with its status, as ResponseError reads it. */
async function responseError(
  status: number,
  statusText: string,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/api/archive/documents' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse(
    new Response(body, {
      status,
      statusText,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/** Bad input: a 400 whose message names the fields. */
export const badRequest = (message: string) =>
  responseError(400, 'Bad Request', 'InputError', message);

/** A document that does not exist or that the caller may not read. */
export const notFound = () =>
  responseError(404, 'Not Found', 'NotFoundError', 'no such document');
