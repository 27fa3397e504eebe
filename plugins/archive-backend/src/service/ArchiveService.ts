import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ArchiveDocument,
  DocumentClass,
  DocumentVersion,
  DOCUMENT_CLASSES,
  DraftKind,
  FileKind,
  MEDIA_TYPES,
  Quarter,
  VolumePlan,
  VolumeResult,
  archiveCreatePermission,
  archiveReadPermission,
  archiveRestrictedReadPermission,
  archiveVolumeCompilePermission,
  compileVolumeSchema,
  createDocumentSchema,
  createDraftSchema,
  detectFileKind,
  futureDateProblem,
  kindOfFileName,
  listDocumentsQuerySchema,
  quarterEnd,
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
import { ArchiveConfig, FILED_SUB_CLASSES } from '../config';
import {
  ArchiveStore,
  DocumentAccess,
  NewDocument,
  NewFile,
} from '../database/ArchiveStore';
import { DraftWriter, VolumeCompiler } from './extensions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DRAFT_SUB_CLASSES: Record<DraftKind, string> = {
  'work-plan': FILED_SUB_CLASSES.workPlan,
  'work-summary': FILED_SUB_CLASSES.workSummary,
  weekly: FILED_SUB_CLASSES.weekly,
  monthly: FILED_SUB_CLASSES.monthly,
};

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
  private readonly volumes?: VolumeCompiler;
  private readonly drafts?: DraftWriter;

  constructor(options: {
    store: ArchiveStore;
    permissions: PermissionsService;
    config: ArchiveConfig;
    clock: CourtClock;
    volumes?: VolumeCompiler;
    drafts?: DraftWriter;
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

  private async require(permission: BasicPermission, caller: Caller) {
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
      (access.reader !== undefined &&
        (document.readers.includes(access.reader) ||
          document.createdBy === access.reader))
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

  private today(): string {
    return this.now().setZone(this.config.zone).toISODate()!;
  }

  async list(query: unknown, caller: Caller) {
    const access = await this.access(caller);
    const search = parseInput(listDocumentsQuerySchema, query, 'query');
    const terms = search.q ? queryTerms(search.q) : [];
    return this.store.listDocuments({
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
    });
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

  /** `POST /volumes`: the quarter must have ended; the volume is filed as a version. */
  async compileVolume(
    body: unknown,
    caller: Caller,
  ): Promise<{ created: boolean; result: VolumeResult | VolumePlan }> {
    await this.require(archiveVolumeCompilePermission, caller);
    const request = parseInput(compileVolumeSchema, body, 'body');
    const quarter: Quarter = { year: request.year, quarter: request.quarter };
    const end = quarterEnd(quarter.year, quarter.quarter, this.config.zone);
    if (this.now() < end) {
      throw new InputError(
        `body.quarter: ${quarter.year} Q${
          quarter.quarter
        } has not ended (it ends ${end.toISODate()})`,
      );
    }
    if (!this.volumes) {
      throw new NotImplementedError('The volume compiler is not installed');
    }
    const classes = request.classes ?? DOCUMENT_CLASSES;
    if (request.dryRun) {
      return {
        created: false,
        result: await this.volumes.plan({ quarter, classes }),
      };
    }
    const sourceKey = `volume:${quarter.year}-Q${quarter.quarter}`;
    // A retried request (the same scaffolder task) gets its volume without compiling again.
    const earlier = await this.store.getBySourceKey(sourceKey);
    const retried =
      earlier && request.requestKey
        ? await this.store.versionOfRequest(earlier.id, request.requestKey)
        : undefined;
    if (earlier && retried) {
      return { created: false, result: volumeResult(earlier, retried) };
    }
    const { content, pages } = await this.volumes.compile({ quarter, classes });
    const file: FiledFile = {
      fileName: `${quarter.year}年第${quarter.quarter}季度文档汇编.pdf`,
      content,
    };
    const filed = await this.fileVersion(
      {
        sourceKey,
        title: `${quarter.year}年第${quarter.quarter}季度文档汇编`,
        documentClass: 'service-report',
        subClass: FILED_SUB_CLASSES.volume,
        date: end.minus({ days: 1 }).toISODate()!,
      },
      file,
      caller,
      { requestKey: request.requestKey, pages },
    );
    return {
      created: filed.created,
      result: volumeResult(filed.document, filed.version),
    };
  }

  /** `POST /drafts`: the Word draft as version 1 of a new service-report document. */
  async createDraft(body: unknown, caller: Caller): Promise<ArchiveDocument> {
    await this.require(archiveVolumeCompilePermission, caller);
    const request = parseInput(createDraftSchema, body, 'body');
    const today = this.today();
    if (request.from > today) {
      throw new InputError(`body.from: is in the future (today is ${today})`);
    }
    if (!this.drafts) {
      throw new NotImplementedError('The draft writer is not installed');
    }
    const draft = await this.drafts.write(request, caller);
    const checked = await this.checkedFile(draft.fileName, draft.content);
    const { document } = await this.store.createDocument(
      {
        id: randomUUID(),
        title: draft.title,
        documentClass: 'service-report',
        subClass: DRAFT_SUB_CLASSES[request.kind],
        date: request.to < today ? request.to : today,
        source: 'contractor',
        systemRefs: [],
        entityRefs: [],
        ticketNumbers: [],
        confidentiality: 'public',
        readers: [],
        createdBy: actorOf(caller),
        createdAt: this.nowIso(),
      },
      {
        fileName: draft.fileName,
        content: draft.content,
        ...checked,
        note: '草稿 / draft',
        uploadedBy: actorOf(caller),
        uploadedAt: this.nowIso(),
      },
    );
    return document;
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

  /** A new version of the document filed under `sourceKey` (made with its first). */
  private async fileVersion(
    document: {
      sourceKey: string;
      title: string;
      documentClass: DocumentClass;
      subClass: string;
      date: string;
    },
    file: FiledFile,
    caller: Caller,
    options: { requestKey?: string; pages?: number },
  ): Promise<{
    document: ArchiveDocument;
    version: DocumentVersion;
    created: boolean;
  }> {
    const checked = await this.checkedFile(file.fileName, file.content);
    const newFile: NewFile = {
      fileName: file.fileName,
      content: file.content,
      ...checked,
      pages: options.pages ?? checked.pages,
      uploadedBy: actorOf(caller),
      uploadedAt: this.nowIso(),
      requestKey: options.requestKey,
    };
    const first = await this.store.createDocument(
      {
        ...document,
        source: 'contractor',
        systemRefs: [],
        entityRefs: [],
        ticketNumbers: [],
        confidentiality: 'public',
        readers: [],
        id: randomUUID(),
        createdBy: actorOf(caller),
        createdAt: newFile.uploadedAt,
      },
      newFile,
    );
    if (first.created) {
      return { ...first, version: first.document.versions[0] };
    }
    const added = await this.store.addVersion(first.document.id, newFile);
    return {
      document: (await this.store.getDocument(first.document.id))!,
      ...added,
    };
  }
}

function volumeResult(
  document: ArchiveDocument,
  version: DocumentVersion,
): VolumeResult {
  return {
    documentId: document.id,
    number: document.number,
    version: version.version,
    pages: version.pages ?? 0,
    bytes: version.bytes,
    sha256: version.sha256,
    url: `/archive/documents/${document.id}`,
  };
}
