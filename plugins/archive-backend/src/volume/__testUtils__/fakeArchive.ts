import type {
  ArchiveDocument,
  DocumentVersion,
  VolumeResult,
} from '@internal/plugin-archive-common';
import type {
  VolumeArchive,
  VolumeFiling,
  VolumeRegistration,
} from '../VolumeService';

/**
 * The archive's store as the volume sees it, in memory, keeping the promises the interface makes
 * (one document per sourceKey, one version per request key); the real store is tested on
 * SQLite and PostgreSQL on its own branch.
 */
export class FakeVolumeArchive implements VolumeArchive {
  readonly documents = new Map<string, ArchiveDocument>();
  readonly filings: VolumeFiling[] = [];
  readonly requestKeys = new Map<string, VolumeResult>();
  /** Fail the next `fileVolume`, as a crash midway would. */
  failNextFiling = false;
  registrations = 0;

  async volumeDocument(sourceKey: string) {
    return this.documents.get(sourceKey);
  }

  async registerVolumeDocument(r: VolumeRegistration) {
    const existing = this.documents.get(r.sourceKey);
    if (existing) return existing;
    this.registrations++;
    const document: ArchiveDocument = {
      id: `vol-${this.documents.size + 1}`,
      number: `BG-2027-${String(this.documents.size + 1).padStart(4, '0')}`,
      title: r.title,
      documentClass: 'service-report',
      date: r.date,
      source: 'contractor',
      systemRefs: [],
      entityRefs: [],
      ticketNumbers: [],
      confidentiality: 'public',
      readers: [],
      sourceKey: r.sourceKey,
      createdBy: r.actor,
      createdAt: '2027-01-05T02:00:00Z',
      updatedAt: '2027-01-05T02:00:00Z',
      revision: 1,
      versions: [],
    };
    this.documents.set(r.sourceKey, document);
    return document;
  }

  async versionByRequestKey(sourceKey: string, requestKey: string) {
    return this.requestKeys.get(`${sourceKey}|${requestKey}`);
  }

  async fileVolume(filing: VolumeFiling): Promise<VolumeResult> {
    if (this.failNextFiling) {
      this.failNextFiling = false;
      throw new Error('the database went away');
    }
    const key = `${filing.sourceKey}|${filing.requestKey}`;
    const filed = filing.requestKey ? this.requestKeys.get(key) : undefined;
    if (filed) return filed;
    const document = this.documents.get(filing.sourceKey)!;
    const version: DocumentVersion = {
      version: document.versions.length + 1,
      fileName: filing.fileName,
      kind: 'pdf',
      bytes: filing.content.length,
      sha256: filing.sha256,
      pages: filing.pages,
      uploadedBy: filing.actor,
      uploadedAt: '2027-01-05T02:00:00Z',
      note: filing.note,
    };
    this.documents.set(filing.sourceKey, {
      ...document,
      versions: [...document.versions, version],
    });
    this.filings.push(filing);
    const result: VolumeResult = {
      documentId: document.id,
      number: document.number,
      version: version.version,
      pages: filing.pages,
      bytes: version.bytes,
      sha256: version.sha256,
      url: `/archive/documents/${document.id}`,
    };
    if (filing.requestKey) this.requestKeys.set(key, result);
    return result;
  }
}
