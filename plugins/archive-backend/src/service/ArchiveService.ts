import { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ArchiveDocument,
  DocumentClass,
  DocumentSearch,
  DocumentVersion,
  FileKind,
  MEDIA_TYPES,
  VolumeResult,
  archiveCreatePermission,
  archiveReadPermission,
  archiveRestrictedReadPermission,
  archiveVolumeCompilePermission,
  compileVolumeSchema,
  createDocumentSchema,
  detectFileKind,
  futureDateProblem,
  kindOfFileName,
  listDocumentsQuerySchema,
  updateDocumentSchema,
  uploadHeadersSchema,
} from '@internal/plugin-archive-common';
import {
  Caller,
  CourtClock,
  actorOf,
  parseInput,
} from '@internal/plugin-court-node';
import { minimumMatch, queryTerms } from '@internal/plugin-kb-common';
import { PDFDocument } from 'pdf-lib';
import { createHash, randomUUID } from 'node:crypto';
import { ArchiveConfig } from '../config';
import {
  ArchiveStore,
  DocumentAccess,
  DocumentFilter,
  NewDocument,
} from '../database/ArchiveStore';
import type { DraftService } from '../drafts';
import { draftRequestSchema } from '../drafts/kinds';
import type { VolumePlan, VolumeService } from '../volume';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The store's filter for a checked `GET /documents` query and what the caller
 * may read (also what the search benchmark runs).
 */
export function documentFilterOf(
  search: DocumentSearch,
  access: DocumentAccess,
): DocumentFilter {
  const terms = search.q ? queryTerms(search.q) : [];
  return {
    access,
    classes: search.class,
    subClass: search.subClass,
    from: search.from,
    to: search.to,
    system: search.system,
    entity: search.entity,
    search: search.q
      ? { text: search.q, terms, minimumMatch: minimumMatch(terms.length) }
      : undefined,
    limit: search.limit,
    cursor: search.cursor,
  };
}

/** A file as uploaded, before it is checked. */
export interface Upload {
  readonly headers: Record<string, unknown>;
  /** Reads the body; called only once the caller may upload. */
  readonly body: () => Promise<Buffer>;
}

/** A file the portal files by itself. */
export interface FiledFile {
  readonly fileName: string;
  readonly content: Uint8Array;
  readonly note?: string;
}

/**
 * The archive's rules: the permission first, then the input; the restricted
 * rule (the IT office and the named readers; everyone else is told the
 * document does not exist); files checked by their content.
 */
export class ArchiveService {
  private readonly store: ArchiveStore;
  private readonly permissions: PermissionsService;
  private readonly config: ArchiveConfig;
  private readonly clock: CourtClock;
  private readonly volumes: Pick<VolumeService, 'plan' | 'compile'>;
  private readonly drafts: Pick<DraftService, 'createDraft'>;

  constructor(options: {
    store: ArchiveStore;
    permissions: PermissionsService;
    config: ArchiveConfig;
    clock: CourtClock;
    volumes: Pick<VolumeService, 'plan' | 'compile'>;
    drafts: Pick<DraftService, 'createDraft'>;
  }) {
    this.store = options.store;
    this.permissions = options.permissions;
    this.config = options.config;
    this.clock = options.clock;
    this.volumes = options.volumes;
    this.drafts = options.drafts;
  }

  private async allowed(permission: BasicPermission, caller: Caller) {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials: caller,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** @throws NotAllowedError unless the caller holds the permission. */
  async require(permission: BasicPermission, caller: Caller) {
    if (!(await this.allowed(permission, caller))) {
      throw new NotAllowedError(`You may not ${permission.name}`);
    }
  }

  /** What the caller may read; 403 without the read permission at all. */
  private async access(caller: Caller): Promise<DocumentAccess> {
    await this.require(archiveReadPermission, caller);
    if (await this.allowed(archiveRestrictedReadPermission, caller)) {
      return { all: true };
    }
    return caller.principal.type === 'user'
      ? { all: false, reader: caller.principal.userEntityRef }
      : { all: false };
  }

  private static visible(
    document: ArchiveDocument,
    access: DocumentAccess,
  ): boolean {
    return (
      access.all ||
      document.confidentiality === 'public' ||
      (access.reader !== undefined && document.readers.includes(access.reader))
    );
  }

  /** The document if the caller may read it; 404 alike for missing and hidden. */
  private async visibleDocument(
    id: string,
    access: DocumentAccess,
  ): Promise<ArchiveDocument> {
    const document = UUID.test(id)
      ? await this.store.getDocument(id)
      : undefined;
    if (!document || !ArchiveService.visible(document, access)) {
      throw new NotFoundError(`No document ${id}`);
    }
    return document;
  }

  private now() {
    return this.clock.now();
  }

  private nowIso(): string {
    return this.now().toUTC().toISO()!;
  }

  async list(query: unknown, caller: Caller) {
    const access = await this.access(caller);
    const search = parseInput(listDocumentsQuerySchema, query, 'query');
    return this.store.listDocuments(documentFilterOf(search, access));
  }

  async get(id: string, caller: Caller): Promise<ArchiveDocument> {
    return this.visibleDocument(id, await this.access(caller));
  }

  /** A sub-class must be one the court configured for the class. */
  private checkSubClass(
    documentClass: DocumentClass,
    subClass: string | undefined | null,
  ) {
    const known = this.config.subClasses[documentClass];
    if (subClass && !known.includes(subClass)) {
      throw new InputError(
        `body.subClass: is not a sub-class of ${documentClass} (one of ${known.join(
          ', ',
        )})`,
      );
    }
  }

  private checkDate(date: string | undefined) {
    const problem =
      date !== undefined
        ? futureDateProblem(date, this.now(), this.config.zone)
        : undefined;
    if (problem) throw new InputError(`body.date: ${problem}`);
  }

  async create(body: unknown, caller: Caller): Promise<ArchiveDocument> {
    await this.require(archiveCreatePermission, caller);
    const metadata = parseInput(createDocumentSchema, body, 'body');
    this.checkSubClass(metadata.documentClass, metadata.subClass);
    this.checkDate(metadata.date);
    const { document } = await this.store.createDocument({
      ...metadata,
      // Whoever registers a restricted document is named among its readers (visibly, so an
      // edit can take them off): they upload its file next.
      readers:
        metadata.confidentiality === 'restricted' &&
        caller.principal.type === 'user' &&
        !metadata.readers.includes(caller.principal.userEntityRef)
          ? [...metadata.readers, caller.principal.userEntityRef]
          : metadata.readers,
      id: randomUUID(),
      createdBy: actorOf(caller),
      createdAt: this.nowIso(),
    });
    return document;
  }

  async update(
    id: string,
    body: unknown,
    caller: Caller,
  ): Promise<ArchiveDocument> {
    await this.require(archiveCreatePermission, caller);
    const document = await this.visibleDocument(id, await this.access(caller));
    const { revision, ...patch } = parseInput(
      updateDocumentSchema,
      body,
      'body',
    );
    this.checkSubClass(document.documentClass, patch.subClass);
    this.checkDate(patch.date);
    return this.store.updateDocument(id, revision, patch, this.nowIso());
  }

  /** The checked file: kind by content, matching its name's extension. */
  private async checkedFile(
    fileName: string,
    content: Uint8Array,
  ): Promise<{ kind: FileKind; pages?: number; sha256: string }> {
    if (content.byteLength === 0) {
      throw new InputError('file: is empty');
    }
    const kind = detectFileKind(content);
    if (!kind) {
      throw new InputError(
        'file: is not a PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file by its content',
      );
    }
    const claimed = kindOfFileName(fileName);
    if (claimed !== kind) {
      throw new InputError(
        `file: its content is ${kind} but its name ${JSON.stringify(
          fileName,
        )} says ${claimed ?? 'another type'}`,
      );
    }
    let pages: number | undefined;
    if (kind === 'pdf') {
      try {
        const pdf = await PDFDocument.load(content, {
          ignoreEncryption: true,
          updateMetadata: false,
        });
        pages = pdf.getPageCount();
      } catch {
        throw new InputError('file: is not a readable PDF');
      }
    }
    return {
      kind,
      pages,
      sha256: createHash('sha256').update(content).digest('hex'),
    };
  }

  async upload(
    id: string,
    upload: Upload,
    caller: Caller,
  ): Promise<DocumentVersion> {
    await this.require(archiveCreatePermission, caller);
    await this.visibleDocument(id, await this.access(caller));
    const headers = parseInput(uploadHeadersSchema, upload.headers, 'header');
    const content = await upload.body();
    const checked = await this.checkedFile(headers['x-file-name'], content);
    const { version } = await this.store.addVersion(id, {
      fileName: headers['x-file-name'],
      content,
      ...checked,
      note: headers['x-note'] || undefined,
      uploadedBy: actorOf(caller),
      uploadedAt: this.nowIso(),
    });
    return version;
  }

  async download(
    id: string,
    versionText: string,
    caller: Caller,
  ): Promise<{
    document: ArchiveDocument;
    version: DocumentVersion;
    content: Buffer;
    mediaType: string;
  }> {
    const document = await this.visibleDocument(id, await this.access(caller));
    const version = Number(versionText);
    if (!/^\d{1,6}$/.test(versionText) || version < 1) {
      throw new InputError('path.version: expected a version number from 1');
    }
    const file = await this.store.readFile(id, version);
    if (!file) {
      throw new NotFoundError(`${document.number} has no version ${version}`);
    }
    return { document, ...file, mediaType: MEDIA_TYPES[file.version.kind] };
  }

  /**
   * `POST /volumes`: the ops manager's; the volume service checks that the
   * quarter has ended, binds it and files it as the next version of the
   * quarter's volume document (a request key never files twice).
   */
  async compileVolume(
    body: unknown,
    caller: Caller,
  ): Promise<{ created: boolean; result: VolumeResult | VolumePlan }> {
    await this.require(archiveVolumeCompilePermission, caller);
    const request = parseInput(compileVolumeSchema, body, 'body');
    if (request.dryRun) {
      return { created: false, result: await this.volumes.plan(request) };
    }
    return this.volumes.compile(request, actorOf(caller));
  }

  /** `POST /drafts`: a DOC-3 Word draft as version 1 of a new service-report document. */
  async createDraft(body: unknown, caller: Caller): Promise<ArchiveDocument> {
    await this.require(archiveVolumeCompilePermission, caller);
    const request = parseInput(draftRequestSchema, body, 'body');
    return this.drafts.createDraft(request, {
      credentials: caller,
      actor: actorOf(caller),
    });
  }

  /** Which of these sources are filed already (filing by itself asks before it builds a file). */
  filedSourceKeys(sourceKeys: readonly string[]): Promise<Set<string>> {
    return this.store.filedSourceKeys(sourceKeys);
  }

  /**
   * Files a document of the portal's own under its source key, once: a second
   * filing (another replica, a rerun) is a no-op that returns the first.
   */
  async fileOnce(
    document: Omit<
      NewDocument,
      'id' | 'createdBy' | 'createdAt' | 'sourceKey'
    > & { sourceKey: string },
    file: FiledFile,
    caller: Caller,
  ): Promise<{ document: ArchiveDocument; created: boolean }> {
    const checked = await this.checkedFile(file.fileName, file.content);
    const at = this.nowIso();
    return this.store.createDocument(
      {
        ...document,
        id: randomUUID(),
        createdBy: actorOf(caller),
        createdAt: at,
      },
      {
        fileName: file.fileName,
        content: file.content,
        ...checked,
        note: file.note,
        uploadedBy: actorOf(caller),
        uploadedAt: at,
      },
    );
  }
}
