import type {
  ArchiveDocument,
  DocumentClass,
  DocumentVersion,
  VolumeResult,
} from '@internal/plugin-archive-common';
import type { CourtClock } from '@internal/plugin-court-node';
import type {
  IssuedReportWithFigures,
  ReportPeriod,
} from '@internal/plugin-reports-common';
import { randomUUID } from 'node:crypto';
import { FILED_SUB_CLASSES } from '../config';
import { ArchiveStore, NewDocument } from '../database/ArchiveStore';
import type { DraftArchive, NewDraftDocument, NewDraftFile } from '../drafts';
import type { FilingSources } from '../filing/sources';
import type {
  VolumeArchive,
  VolumeFiling,
  VolumeRegistration,
  VolumeSources,
} from '../volume';
import { createHash } from 'node:crypto';

/**
 * The archive's store and the other families' APIs as the volume service
 * and the draft service see them (src/volume, src/drafts).
 */

/** Lists are read page by page; a quarter's register is read whole. */
const PAGE = 500;

const sha256 = (content: Uint8Array) =>
  createHash('sha256').update(content).digest('hex');

/** A public document of the portal's own, filed under a source key. */
function ownDocument(
  fields: Pick<NewDocument, 'title' | 'subClass' | 'date' | 'createdBy'> & {
    sourceKey?: string;
    documentClass?: DocumentClass;
  },
  at: string,
): NewDocument {
  return {
    id: randomUUID(),
    documentClass: 'service-report',
    source: 'contractor',
    systemRefs: [],
    entityRefs: [],
    ticketNumbers: [],
    confidentiality: 'public',
    readers: [],
    createdAt: at,
    ...fields,
  };
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

/** The Excel index of a volume is its own document beside the volume's. */
const indexKey = (sourceKey: string) => `${sourceKey}:index`;

export class StoreVolumeArchive implements VolumeArchive {
  constructor(
    private readonly store: ArchiveStore,
    private readonly clock: CourtClock,
  ) {}

  private now() {
    return this.clock.now().toUTC().toISO()!;
  }

  volumeDocument(sourceKey: string) {
    return this.store.getBySourceKey(sourceKey);
  }

  async registerVolumeDocument(r: VolumeRegistration) {
    const { document } = await this.store.createDocument(
      ownDocument(
        {
          title: r.title,
          subClass: FILED_SUB_CLASSES.volume,
          date: r.date,
          createdBy: r.actor,
          sourceKey: r.sourceKey,
        },
        this.now(),
      ),
    );
    return document;
  }

  async versionByRequestKey(sourceKey: string, requestKey: string) {
    const document = await this.store.getBySourceKey(sourceKey);
    const version =
      document && (await this.store.versionOfRequest(document.id, requestKey));
    return document && version ? volumeResult(document, version) : undefined;
  }

  async fileVolume(filing: VolumeFiling): Promise<VolumeResult> {
    const at = this.now();
    const { version } = await this.store.addVersion(filing.documentId, {
      fileName: filing.fileName,
      kind: 'pdf',
      content: filing.content,
      sha256: filing.sha256,
      pages: filing.pages,
      note: filing.note,
      uploadedBy: filing.actor,
      uploadedAt: at,
      requestKey: filing.requestKey,
    });
    const volume = (await this.store.getDocument(filing.documentId))!;
    const { document: index } = await this.store.createDocument(
      ownDocument(
        {
          title: `${volume.title}（卷内目录）`,
          subClass: FILED_SUB_CLASSES.volume,
          date: volume.date,
          createdBy: filing.actor,
          sourceKey: indexKey(filing.sourceKey),
        },
        at,
      ),
    );
    await this.store.addVersion(index.id, {
      fileName: filing.index.fileName,
      kind: 'xlsx',
      content: filing.index.content,
      sha256: sha256(filing.index.content),
      note: `${volume.number} 第 ${version.version} 版`,
      uploadedBy: filing.actor,
      uploadedAt: at,
      requestKey: filing.requestKey,
    });
    return volumeResult(volume, version);
  }
}

export class StoreVolumeSources implements VolumeSources {
  constructor(
    private readonly store: ArchiveStore,
    private readonly families: FilingSources,
  ) {}

  async documents(period: ReportPeriod, classes: readonly DocumentClass[]) {
    const documents: ArchiveDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listDocuments({
        access: { all: true },
        classes,
        from: period.from,
        to: period.to,
        limit: PAGE,
        cursor,
      });
      documents.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return documents;
  }

  async fileContent(documentId: string, version: number) {
    const file = await this.store.readFile(documentId, version);
    if (!file) throw new Error(`No version ${version} of ${documentId}`);
    return file.content;
  }

  async issuedReports(
    period: ReportPeriod,
  ): Promise<readonly IssuedReportWithFigures[]> {
    const inside = (await this.families.issuedReports()).filter(
      r => r.period.from >= period.from && r.period.to <= period.to,
    );
    return Promise.all(inside.map(r => this.families.issuedReport(r.id)));
  }

  async ticketFacts(period: ReportPeriod) {
    const { tickets, changes } = await this.families.ticketFigures(
      period.from,
      period.to,
    );
    return { tickets, changes };
  }

  inspectionFigures(period: ReportPeriod) {
    return this.families.inspectionFigures(period.from, period.to);
  }
}

export class StoreDraftArchive implements DraftArchive {
  constructor(
    private readonly store: ArchiveStore,
    private readonly clock: CourtClock,
  ) {}

  private now() {
    return this.clock.now().toUTC().toISO()!;
  }

  documentBySourceKey(sourceKey: string) {
    return this.store.getBySourceKey(sourceKey);
  }

  async registerDocument(document: NewDraftDocument, actor: string) {
    const { document: registered } = await this.store.createDocument(
      ownDocument(
        {
          title: document.title,
          documentClass: document.documentClass,
          subClass: document.subClass,
          date: document.date,
          createdBy: actor,
          sourceKey: document.sourceKey,
        },
        this.now(),
      ),
    );
    return registered;
  }

  async addVersion(documentId: string, file: NewDraftFile, actor: string) {
    const { version } = await this.store.addVersion(documentId, {
      fileName: file.fileName,
      kind: file.kind,
      content: file.content,
      sha256: sha256(file.content),
      note: file.note,
      uploadedBy: actor,
      uploadedAt: this.now(),
    });
    return version;
  }
}
