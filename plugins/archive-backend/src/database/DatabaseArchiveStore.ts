import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  ArchiveDocument,
  Confidentiality,
  DocumentClass,
  DocumentSource,
  DocumentVersion,
  FileKind,
  documentNumber,
} from '@internal/plugin-archive-common';
import { indexTerms } from '@internal/plugin-kb-common';
import { Knex } from 'knex';
import {
  ArchiveStore,
  DocumentFilter,
  DocumentPatch,
  NewDocument,
  NewFile,
  StoredPage,
} from './ArchiveStore';
import { prepareStoreDatabase } from '@internal/plugin-court-node';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-archive-backend',
  'migrations',
);

type LinkKind = 'system' | 'entity' | 'ticket' | 'reader';

interface DocumentRow {
  id: string;
  number: string;
  document_class: DocumentClass;
  year: number;
  sequence: number;
  title: string;
  sub_class: string | null;
  date: string;
  source: DocumentSource;
  confidentiality: Confidentiality;
  retention_years: number | null;
  source_key: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface VersionRow {
  document_id: string;
  version: number;
  file_name: string;
  kind: FileKind;
  bytes: number | string;
  sha256: string;
  pages: number | null;
  uploaded_by: string;
  uploaded_at: string;
  note: string | null;
  request_key: string | null;
}

/** Version columns without the content: lists never load the files. */
const VERSION_COLUMNS = [
  'document_id',
  'version',
  'file_name',
  'kind',
  'bytes',
  'sha256',
  'pages',
  'uploaded_by',
  'uploaded_at',
  'note',
  'request_key',
];

/** YW-2026-0001, INC-2026-00042: searched as a whole. */
const NUMBER_SHAPED = /^[A-Za-z]{2,4}-\d{4}-\d{4,}$/;

/** How often an upload that lost a race for its version number tries again. */
const VERSION_ATTEMPTS = 5;

function toVersion(row: VersionRow): DocumentVersion {
  return {
    version: row.version,
    fileName: row.file_name,
    kind: row.kind,
    bytes: Number(row.bytes),
    sha256: row.sha256,
    ...(row.pages !== null ? { pages: row.pages } : {}),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    ...(row.note !== null ? { note: row.note } : {}),
  };
}

/** What a document is found by: number, title, sub-class, ticket numbers. */
function searchTermsOf(document: {
  number: string;
  title: string;
  subClass?: string | null;
  ticketNumbers: readonly string[];
}): string[] {
  return [
    ...indexTerms(
      [
        document.number,
        document.title,
        document.subClass ?? '',
        ...document.ticketNumbers,
      ].join(' '),
    ),
  ].filter(term => term.length <= 64);
}

function encodeCursor(row: { date: string; number: string }): string {
  return Buffer.from(JSON.stringify([row.date, row.number])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      value.every(v => typeof v === 'string')
    ) {
      return value as [string, string];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InputError('query.cursor: is not a cursor this list gave');
}

/** The archive in the plugin's database (SQLite or PostgreSQL), files included. */
export class DatabaseArchiveStore implements ArchiveStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseArchiveStore> {
    return DatabaseArchiveStore.fromKnex(await options.database.getClient(), {
      skipMigrations: options.skipMigrations,
    });
  }

  static async fromKnex(
    db: Knex,
    options: { skipMigrations?: boolean } = {},
  ): Promise<DatabaseArchiveStore> {
    await prepareStoreDatabase(db, {
      migrationsDir,
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseArchiveStore(db);
  }

  async createDocument(
    document: NewDocument,
    firstFile?: NewFile,
  ): Promise<{ document: ArchiveDocument; created: boolean }> {
    try {
      await this.db.transaction(async trx => {
        await this.insertDocument(trx, document);
        if (firstFile) await this.insertVersion(trx, document.id, 1, firstFile);
      });
    } catch (error) {
      const existing = document.sourceKey
        ? await this.getBySourceKey(document.sourceKey)
        : undefined;
      // Another replica filed the same source first: its document stands.
      if (existing) return { document: existing, created: false };
      throw error;
    }
    return { document: (await this.getDocument(document.id))!, created: true };
  }

  private async insertDocument(trx: Knex.Transaction, document: NewDocument) {
    const year = Number(document.date.slice(0, 4));
    const sequence = await this.nextSequence(trx, document.documentClass, year);
    const number = documentNumber(document.documentClass, year, sequence);
    await trx('archive_documents').insert({
      id: document.id,
      number,
      document_class: document.documentClass,
      year,
      sequence,
      title: document.title,
      sub_class: document.subClass ?? null,
      date: document.date,
      source: document.source,
      confidentiality: document.confidentiality,
      retention_years: document.retentionYears ?? null,
      source_key: document.sourceKey ?? null,
      created_by: document.createdBy,
      created_at: document.createdAt,
      updated_at: document.createdAt,
      revision: 1,
    });
    await this.writeLinks(trx, document.id, document);
    await this.writeTerms(trx, document.id, { ...document, number });
  }

  /**
   * The next sequence of a class and year. The upsert takes the row's lock
   * until the transaction ends, so concurrent registrations queue, and a
   * rolled-back one gives its number back: the numbers stay gapless.
   */
  private async nextSequence(
    trx: Knex.Transaction,
    documentClass: DocumentClass,
    year: number,
  ): Promise<number> {
    const result = await trx.raw(
      `INSERT INTO archive_number_sequences (document_class, year, last_sequence)
       VALUES (?, ?, 1)
       ON CONFLICT (document_class, year)
       DO UPDATE SET last_sequence = archive_number_sequences.last_sequence + 1
       RETURNING last_sequence`,
      [documentClass, year],
    );
    const rows: { last_sequence: number | string }[] = Array.isArray(result)
      ? result
      : result.rows;
    return Number(rows[0].last_sequence);
  }

  private async writeLinks(
    trx: Knex.Transaction,
    documentId: string,
    links: {
      systemRefs?: readonly string[];
      entityRefs?: readonly string[];
      ticketNumbers?: readonly string[];
      readers?: readonly string[];
    },
  ) {
    const byKind: [LinkKind, readonly string[] | undefined][] = [
      ['system', links.systemRefs],
      ['entity', links.entityRefs],
      ['ticket', links.ticketNumbers],
      ['reader', links.readers],
    ];
    for (const [kind, refs] of byKind) {
      if (refs === undefined) continue;
      await trx('archive_document_links')
        .where({ document_id: documentId, kind })
        .delete();
      if (refs.length > 0) {
        await trx('archive_document_links').insert(
          [...new Set(refs)].map(ref => ({
            document_id: documentId,
            kind,
            ref,
          })),
        );
      }
    }
  }

  private async writeTerms(
    trx: Knex.Transaction,
    documentId: string,
    document: Parameters<typeof searchTermsOf>[0],
  ) {
    await trx('archive_search_terms')
      .where({ document_id: documentId })
      .delete();
    const terms = searchTermsOf(document);
    // Chunks keep each insert under SQLite's limit of bound parameters.
    for (let i = 0; i < terms.length; i += 200) {
      await trx('archive_search_terms').insert(
        terms
          .slice(i, i + 200)
          .map(term => ({ document_id: documentId, term })),
      );
    }
  }

  private async insertVersion(
    trx: Knex.Transaction,
    documentId: string,
    version: number,
    file: NewFile,
  ) {
    await trx('archive_document_versions').insert({
      document_id: documentId,
      version,
      file_name: file.fileName,
      kind: file.kind,
      bytes: file.content.byteLength,
      sha256: file.sha256,
      pages: file.pages ?? null,
      uploaded_by: file.uploadedBy,
      uploaded_at: file.uploadedAt,
      note: file.note ?? null,
      request_key: file.requestKey ?? null,
      content: Buffer.from(
        file.content.buffer,
        file.content.byteOffset,
        file.content.byteLength,
      ),
    });
  }

  async getDocument(id: string): Promise<ArchiveDocument | undefined> {
    const row = await this.db<DocumentRow>('archive_documents')
      .where({ id })
      .first();
    return row ? (await this.complete(this.db, [row]))[0] : undefined;
  }

  async getBySourceKey(
    sourceKey: string,
  ): Promise<ArchiveDocument | undefined> {
    const row = await this.db<DocumentRow>('archive_documents')
      .where({ source_key: sourceKey })
      .first();
    return row ? (await this.complete(this.db, [row]))[0] : undefined;
  }

  async filedSourceKeys(sourceKeys: readonly string[]): Promise<Set<string>> {
    const filed = new Set<string>();
    for (let i = 0; i < sourceKeys.length; i += 500) {
      const rows = await this.db('archive_documents')
        .whereIn('source_key', sourceKeys.slice(i, i + 500))
        .select('source_key');
      for (const row of rows) filed.add(row.source_key);
    }
    return filed;
  }

  async listDocuments(filter: DocumentFilter): Promise<StoredPage> {
    const query = this.db<DocumentRow>('archive_documents as d').select('d.*');
    const { access } = filter;
    if (!access.all) {
      query.where(visible => {
        visible.where('d.confidentiality', 'public');
        if (access.reader) {
          visible.orWhereExists(this.linked('reader', access.reader));
        }
      });
    }
    if (filter.classes?.length) {
      query.whereIn('d.document_class', filter.classes);
    }
    if (filter.subClass) query.where('d.sub_class', filter.subClass);
    if (filter.from) query.where('d.date', '>=', filter.from);
    if (filter.to) query.where('d.date', '<=', filter.to);
    if (filter.system) query.whereExists(this.linked('system', filter.system));
    if (filter.entity) query.whereExists(this.linked('entity', filter.entity));
    if (filter.search) {
      const { text, terms, minimumMatch } = filter.search;
      if (NUMBER_SHAPED.test(text)) {
        // A document or ticket number is looked up as written, not by its
        // parts, through the two indexes: an OR of the two would read the
        // whole archive (EXPLAIN in scripts/bench/archive-search.ts).
        const number = text.toUpperCase();
        query.whereIn(
          'd.id',
          this.db('archive_documents')
            .where('number', number)
            .select('id')
            .union(
              this.db('archive_document_links')
                .where({ kind: 'ticket', ref: number })
                .select('document_id'),
            ),
        );
      } else {
        query.whereIn(
          'd.id',
          this.db('archive_search_terms')
            .whereIn('term', terms.length > 0 ? [...terms] : [''])
            .groupBy('document_id')
            .havingRaw('count(*) >= ?', [Math.max(1, minimumMatch)])
            .select('document_id'),
        );
      }
    }
    if (filter.cursor) {
      const [date, number] = decodeCursor(filter.cursor);
      query.where(after =>
        after
          .where('d.date', '<', date)
          .orWhere(same =>
            same.where('d.date', date).andWhere('d.number', '<', number),
          ),
      );
    }
    const rows: DocumentRow[] = await query
      .orderBy([
        { column: 'd.date', order: 'desc' },
        { column: 'd.number', order: 'desc' },
      ])
      .limit(filter.limit + 1);
    const page = rows.slice(0, filter.limit);
    const items = await this.complete(this.db, page);
    return rows.length > filter.limit
      ? { items, nextCursor: encodeCursor(page[page.length - 1]) }
      : { items };
  }

  private linked(kind: LinkKind, ref: string) {
    return this.db('archive_document_links as l')
      .whereRaw('l.document_id = d.id')
      .andWhere({ 'l.kind': kind, 'l.ref': ref })
      .select(this.db.raw('1'));
  }

  async updateDocument(
    id: string,
    revision: number,
    patch: DocumentPatch,
    at: string,
  ): Promise<ArchiveDocument> {
    await this.db.transaction(async trx => {
      const columns: Record<string, unknown> = {
        updated_at: at,
        revision: revision + 1,
      };
      if (patch.title !== undefined) columns.title = patch.title;
      if (patch.subClass !== undefined) columns.sub_class = patch.subClass;
      if (patch.date !== undefined) columns.date = patch.date;
      if (patch.source !== undefined) columns.source = patch.source;
      if (patch.confidentiality !== undefined) {
        columns.confidentiality = patch.confidentiality;
      }
      if (patch.retentionYears !== undefined) {
        columns.retention_years = patch.retentionYears;
      }
      // Only the revision the editor read is replaced: a concurrent edit wins once.
      const updated = await trx('archive_documents')
        .where({ id, revision })
        .update(columns);
      if (updated === 0) {
        const current = await trx('archive_documents').where({ id }).first();
        if (!current) throw new NotFoundError(`No document ${id}`);
        throw new ConflictError(
          `The document was changed since revision ${revision} (now ${current.revision}); reload and edit again`,
        );
      }
      await this.writeLinks(trx, id, patch);
      const row: DocumentRow = await trx('archive_documents')
        .where({ id })
        .first();
      const ticketNumbers =
        patch.ticketNumbers ??
        (
          await trx('archive_document_links')
            .where({ document_id: id, kind: 'ticket' })
            .select('ref')
        ).map((r: { ref: string }) => r.ref);
      await this.writeTerms(trx, id, {
        number: row.number,
        title: row.title,
        subClass: row.sub_class,
        ticketNumbers,
      });
    });
    return (await this.getDocument(id))!;
  }

  async addVersion(
    documentId: string,
    file: NewFile,
  ): Promise<{ version: DocumentVersion; created: boolean }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async trx => {
          if (file.requestKey) {
            const earlier: VersionRow | undefined = await trx(
              'archive_document_versions',
            )
              .where({ document_id: documentId, request_key: file.requestKey })
              .first(VERSION_COLUMNS);
            if (earlier) return { version: toVersion(earlier), created: false };
          }
          const last = await trx('archive_document_versions')
            .where({ document_id: documentId })
            .max('version as version')
            .first();
          const version = Number(last?.version ?? 0) + 1;
          await this.insertVersion(trx, documentId, version, file);
          await trx('archive_documents')
            .where({ id: documentId })
            .update({ updated_at: file.uploadedAt });
          const row: VersionRow = await trx('archive_document_versions')
            .where({ document_id: documentId, version })
            .first(VERSION_COLUMNS);
          return { version: toVersion(row), created: true };
        });
      } catch (error) {
        // Another upload took this version number (or the request key): look again.
        if (attempt >= VERSION_ATTEMPTS) throw error;
        const exists = await this.db('archive_documents')
          .where({ id: documentId })
          .first('id');
        if (!exists) throw new NotFoundError(`No document ${documentId}`);
      }
    }
  }

  async versionOfRequest(
    documentId: string,
    requestKey: string,
  ): Promise<DocumentVersion | undefined> {
    const row: VersionRow | undefined = await this.db(
      'archive_document_versions',
    )
      .where({ document_id: documentId, request_key: requestKey })
      .first(VERSION_COLUMNS);
    return row ? toVersion(row) : undefined;
  }

  async readFile(
    documentId: string,
    version: number,
  ): Promise<{ version: DocumentVersion; content: Buffer } | undefined> {
    const row: (VersionRow & { content: Buffer }) | undefined = await this.db(
      'archive_document_versions',
    )
      .where({ document_id: documentId, version })
      .first([...VERSION_COLUMNS, 'content']);
    return row
      ? { version: toVersion(row), content: Buffer.from(row.content) }
      : undefined;
  }

  /** Documents with their links and versions (without content), in the rows' order. */
  private async complete(
    db: Knex,
    rows: DocumentRow[],
  ): Promise<ArchiveDocument[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const links: { document_id: string; kind: LinkKind; ref: string }[] =
      await db('archive_document_links')
        .whereIn('document_id', ids)
        .orderBy(['document_id', 'kind', 'ref']);
    const versions: VersionRow[] = await db('archive_document_versions')
      .whereIn('document_id', ids)
      .orderBy(['document_id', 'version'])
      .select(VERSION_COLUMNS);
    return rows.map(row => {
      const refs = (kind: LinkKind) =>
        links
          .filter(l => l.document_id === row.id && l.kind === kind)
          .map(l => l.ref);
      return {
        id: row.id,
        number: row.number,
        title: row.title,
        documentClass: row.document_class,
        ...(row.sub_class !== null ? { subClass: row.sub_class } : {}),
        date: row.date,
        source: row.source,
        systemRefs: refs('system'),
        entityRefs: refs('entity'),
        ticketNumbers: refs('ticket'),
        confidentiality: row.confidentiality,
        readers: refs('reader'),
        ...(row.retention_years !== null
          ? { retentionYears: row.retention_years }
          : {}),
        ...(row.source_key !== null ? { sourceKey: row.source_key } : {}),
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        revision: row.revision,
        versions: versions.filter(v => v.document_id === row.id).map(toVersion),
      };
    });
  }
}
