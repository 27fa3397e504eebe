import { ResponseError } from '@backstage/errors';
import type {
  CompileVolumeRequest,
  CreateDocumentRequest,
  CreateDraftRequest,
  ListDocumentsQuery,
  UpdateDocumentRequest,
} from '../schemas';
import type { DocumentClass } from '../classes';
import type {
  ArchiveDocument,
  DocumentVersion,
  Quarter,
  VolumeResult,
} from '../types';

/** A page of documents, newest document date first. */
export interface DocumentPage {
  readonly items: readonly ArchiveDocument[];
  readonly nextCursor?: string;
}

/** What a dry run of the volume answers: what it would bind, without binding or filing anything. */
export interface VolumePlan {
  readonly quarter: Quarter;
  readonly period: { readonly from: string; readonly to: string };
  readonly sourceKey: string;
  readonly parts: ReadonlyArray<{
    readonly documentClass: DocumentClass;
    readonly documents: number;
    readonly appendedPdfs: number;
    readonly appendedPages: number;
  }>;
  readonly generated: {
    readonly reports: number;
    readonly changes: number;
    readonly inspectionMonths: number;
    readonly incidents: number;
  };
  /** Restricted documents are never bound: the volume is readable by everyone in the court. */
  readonly restrictedLeftOut: number;
  readonly estimatedPages: number;
  /** The version compiling now would add. */
  readonly nextVersion: number;
}

/** The document archive API (/api/archive). */
export interface ArchiveApi {
  listDocuments(query?: ListDocumentsQuery): Promise<DocumentPage>;
  /** 404 for a document that does not exist or that the caller may not read. */
  getDocument(id: string): Promise<ArchiveDocument>;
  createDocument(request: CreateDocumentRequest): Promise<ArchiveDocument>;
  updateDocument(
    id: string,
    request: UpdateDocumentRequest,
  ): Promise<ArchiveDocument>;
  uploadVersion(
    id: string,
    file: { name: string; content: Blob | Uint8Array; note?: string },
  ): Promise<DocumentVersion>;
  /** Where a version's file is downloaded (for a link; the request needs the user's token). */
  fileUrl(id: string, version: number): Promise<string>;
  downloadVersion(id: string, version: number): Promise<Blob>;
  compileVolume(
    request: CompileVolumeRequest,
  ): Promise<VolumeResult | VolumePlan>;
  createDraft(request: CreateDraftRequest): Promise<ArchiveDocument>;
}

/** Structural so both the frontend's and the backend's discovery fit. */
export interface ArchiveClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** The browser's fetchApi adds the user's token; a backend passes its own. */
  fetchApi?: { fetch: typeof fetch };
}

/** HTTP client of the archive API; the same in the browser and in Node. */
export class ArchiveClient implements ArchiveApi {
  constructor(private readonly options: ArchiveClientOptions) {}

  listDocuments(query: ListDocumentsQuery = {}): Promise<DocumentPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) {
        params.append(key, String(one));
      }
    }
    const search = params.toString();
    return this.json('GET', `/documents${search ? `?${search}` : ''}`);
  }

  getDocument(id: string): Promise<ArchiveDocument> {
    return this.json('GET', `/documents/${encodeURIComponent(id)}`);
  }

  createDocument(request: CreateDocumentRequest): Promise<ArchiveDocument> {
    return this.json('POST', '/documents', request);
  }

  updateDocument(
    id: string,
    request: UpdateDocumentRequest,
  ): Promise<ArchiveDocument> {
    return this.json('PATCH', `/documents/${encodeURIComponent(id)}`, request);
  }

  async uploadVersion(
    id: string,
    file: { name: string; content: Blob | Uint8Array; note?: string },
  ): Promise<DocumentVersion> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    };
    if (file.note) headers['x-note'] = encodeURIComponent(file.note);
    const response = await this.fetch(
      'POST',
      `/documents/${encodeURIComponent(id)}/versions`,
      { headers, body: file.content as BodyInit },
    );
    return (await response.json()) as DocumentVersion;
  }

  async fileUrl(id: string, version: number): Promise<string> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('archive');
    return `${baseUrl}/documents/${encodeURIComponent(
      id,
    )}/versions/${version}/file`;
  }

  async downloadVersion(id: string, version: number): Promise<Blob> {
    const response = await this.fetch(
      'GET',
      `/documents/${encodeURIComponent(id)}/versions/${version}/file`,
    );
    return response.blob();
  }

  compileVolume(
    request: CompileVolumeRequest,
  ): Promise<VolumeResult | VolumePlan> {
    return this.json('POST', '/volumes', request);
  }

  createDraft(request: CreateDraftRequest): Promise<ArchiveDocument> {
    return this.json('POST', '/drafts', request);
  }

  private async json<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await this.fetch(
      method,
      path,
      body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    return (await response.json()) as T;
  }

  private async fetch(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit } = {},
  ): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('archive');
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${baseUrl}${path}`, { method, ...init });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
