import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  FigureChange,
  IssuedReport,
  IssuedReportWithFigures,
  ReportDraft,
  ReportFigures,
  ReportKind,
  ReportLanguage,
  ReportPeriod,
} from '@internal/plugin-reports-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-reports-backend',
  'migrations',
);

/** What makes two issues "the same report": each reissue is a new version of it. */
export interface ReportKey {
  readonly kind: ReportKind;
  readonly period: ReportPeriod;
  readonly systemRef?: string;
  readonly language: ReportLanguage;
}

/** A file as issued, with its content. */
export interface StoredFile {
  readonly name: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly content: Buffer;
}

/** A new version of a report, frozen with its files. */
export interface NewSnapshot extends ReportKey {
  readonly version: number;
  readonly figures: ReportFigures;
  readonly changesFromPrevious: readonly FigureChange[];
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly files: readonly StoredFile[];
}

/** Which issued reports to list. */
export interface ReportFilter {
  readonly kind?: ReportKind;
  readonly period?: ReportPeriod;
}

/**
 * Issued reports, their files and the scheduled drafts. A snapshot is written once; the only
 * later write is its acknowledgement.
 */
export interface ReportStore {
  /** The newest version of a report, or undefined if it was never issued. */
  latest(key: ReportKey): Promise<IssuedReportWithFigures | undefined>;
  /**
   * Writes a snapshot and its files in one transaction.
   * @throws ConflictError when that version of the report exists already (another issue won)
   */
  insert(snapshot: NewSnapshot): Promise<IssuedReportWithFigures>;
  list(filter: ReportFilter): Promise<IssuedReport[]>;
  get(id: string): Promise<IssuedReportWithFigures | undefined>;
  file(id: string, name: string): Promise<StoredFile | undefined>;
  /**
   * Records the acknowledgement of a report.
   * @throws NotFoundError for an unknown report, ConflictError when it was acknowledged already
   */
  acknowledge(id: string, by: string, at: string): Promise<IssuedReport>;
  /** Stores a draft unless one exists for its period; true if this call stored it. */
  claimDraft(draft: ReportDraft): Promise<boolean>;
  drafts(): Promise<ReportDraft[]>;
}

const COURT_SCOPE = 'court';

interface SnapshotRow {
  id: string;
  kind: ReportKind;
  period_from: string;
  period_to: string;
  system_ref: string | null;
  scope: string;
  language: ReportLanguage;
  version: number;
  figures: string;
  changes_from_previous: string;
  issued_by: string;
  issued_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

interface FileRow {
  report_id: string;
  name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  content: Buffer | Uint8Array;
}

interface DraftRow {
  kind: ReportDraft['kind'];
  period_from: string;
  period_to: string;
  figures: string;
  prepared_at: string;
}

const FILE_INFO = ['report_id', 'name', 'media_type', 'bytes', 'sha256'];

function reportOf(
  row: SnapshotRow,
  files: readonly Omit<FileRow, 'content'>[],
): IssuedReport {
  return {
    id: row.id,
    kind: row.kind,
    period: { from: row.period_from, to: row.period_to },
    ...(row.system_ref ? { systemRef: row.system_ref } : {}),
    language: row.language,
    version: Number(row.version),
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    files: files
      .filter(f => f.report_id === row.id)
      .map(f => ({
        name: f.name,
        mediaType: f.media_type,
        bytes: Number(f.bytes),
        sha256: f.sha256,
      })),
    changesFromPrevious: JSON.parse(row.changes_from_previous),
    ...(row.acknowledged_by ? { acknowledgedBy: row.acknowledged_by } : {}),
    ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at } : {}),
  };
}

/** PostgreSQL's and SQLite's ways of saying a unique key is taken. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(message ?? '')
  );
}

export class DatabaseReportStore implements ReportStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseReportStore> {
    const knex = await options.database.getClient();
    if (!options.skipMigrations) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseReportStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  private async withFiles(
    rows: SnapshotRow[],
  ): Promise<IssuedReportWithFigures[]> {
    if (rows.length === 0) return [];
    const files: Omit<FileRow, 'content'>[] = await this.knex('reports_files')
      .select(FILE_INFO)
      .whereIn(
        'report_id',
        rows.map(r => r.id),
      )
      .orderBy('name');
    return rows.map(row => ({
      ...reportOf(row, files),
      figures: JSON.parse(row.figures),
    }));
  }

  async latest(key: ReportKey): Promise<IssuedReportWithFigures | undefined> {
    const rows: SnapshotRow[] = await this.knex('reports_snapshots')
      .where({
        kind: key.kind,
        period_from: key.period.from,
        period_to: key.period.to,
        scope: key.systemRef ?? COURT_SCOPE,
        language: key.language,
      })
      .orderBy('version', 'desc')
      .limit(1);
    return (await this.withFiles(rows))[0];
  }

  async insert(snapshot: NewSnapshot): Promise<IssuedReportWithFigures> {
    const row: SnapshotRow = {
      id: randomUUID(),
      kind: snapshot.kind,
      period_from: snapshot.period.from,
      period_to: snapshot.period.to,
      system_ref: snapshot.systemRef ?? null,
      scope: snapshot.systemRef ?? COURT_SCOPE,
      language: snapshot.language,
      version: snapshot.version,
      figures: JSON.stringify(snapshot.figures),
      changes_from_previous: JSON.stringify(snapshot.changesFromPrevious),
      issued_by: snapshot.issuedBy,
      issued_at: snapshot.issuedAt,
      acknowledged_by: null,
      acknowledged_at: null,
    };
    const files: FileRow[] = snapshot.files.map(file => ({
      report_id: row.id,
      name: file.name,
      media_type: file.mediaType,
      bytes: file.content.length,
      sha256: file.sha256,
      content: file.content,
    }));
    try {
      await this.knex.transaction(async tx => {
        await tx('reports_snapshots').insert(row);
        if (files.length > 0) await tx('reports_files').insert(files);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `version ${snapshot.version} of this report was issued meanwhile`,
        );
      }
      throw error;
    }
    return {
      ...reportOf(row, files),
      figures: snapshot.figures,
    };
  }

  async list(filter: ReportFilter): Promise<IssuedReport[]> {
    const query = this.knex<SnapshotRow>('reports_snapshots')
      .select(
        'id',
        'kind',
        'period_from',
        'period_to',
        'system_ref',
        'scope',
        'language',
        'version',
        'changes_from_previous',
        'issued_by',
        'issued_at',
        'acknowledged_by',
        'acknowledged_at',
      )
      .orderBy([
        { column: 'issued_at', order: 'desc' },
        { column: 'version', order: 'desc' },
      ]);
    if (filter.kind) query.where('kind', filter.kind);
    if (filter.period) {
      query.where({
        period_from: filter.period.from,
        period_to: filter.period.to,
      });
    }
    const rows = (await query) as SnapshotRow[];
    if (rows.length === 0) return [];
    const files: Omit<FileRow, 'content'>[] = await this.knex('reports_files')
      .select(FILE_INFO)
      .whereIn(
        'report_id',
        rows.map(r => r.id),
      )
      .orderBy('name');
    return rows.map(row => reportOf(row, files));
  }

  async get(id: string): Promise<IssuedReportWithFigures | undefined> {
    const rows: SnapshotRow[] = await this.knex('reports_snapshots').where({
      id,
    });
    return (await this.withFiles(rows))[0];
  }

  async file(id: string, name: string): Promise<StoredFile | undefined> {
    const row: FileRow | undefined = await this.knex('reports_files')
      .where({ report_id: id, name })
      .first();
    return row
      ? {
          name: row.name,
          mediaType: row.media_type,
          sha256: row.sha256,
          content: Buffer.from(row.content),
        }
      : undefined;
  }

  async acknowledge(id: string, by: string, at: string): Promise<IssuedReport> {
    // The conditional update is the claim: of two acknowledgements at once, one changes the row.
    const changed = await this.knex('reports_snapshots')
      .where({ id })
      .whereNull('acknowledged_by')
      .update({ acknowledged_by: by, acknowledged_at: at });
    const report = await this.get(id);
    if (!report) throw new NotFoundError(`no issued report ${id}`);
    if (changed === 0) {
      throw new ConflictError(
        `report ${id} was acknowledged by ${report.acknowledgedBy} at ${report.acknowledgedAt}`,
      );
    }
    const { figures: _figures, ...issued } = report;
    return issued;
  }

  async claimDraft(draft: ReportDraft): Promise<boolean> {
    const inserted = await this.knex('reports_drafts')
      .insert({
        kind: draft.kind,
        period_from: draft.period.from,
        period_to: draft.period.to,
        figures: JSON.stringify(draft.figures),
        prepared_at: draft.preparedAt,
      })
      .onConflict(['kind', 'period_from', 'period_to'])
      .ignore()
      .returning('kind');
    return inserted.length > 0;
  }

  async drafts(): Promise<ReportDraft[]> {
    const rows: DraftRow[] = await this.knex('reports_drafts').orderBy([
      { column: 'period_from', order: 'desc' },
      { column: 'kind', order: 'asc' },
    ]);
    return rows.map(row => ({
      kind: row.kind,
      period: { from: row.period_from, to: row.period_to },
      figures: JSON.parse(row.figures),
      preparedAt: row.prepared_at,
    }));
  }
}
