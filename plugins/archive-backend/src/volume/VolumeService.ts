import { InputError } from '@backstage/errors';
import {
  ArchiveDocument,
  DOCUMENT_CLASSES,
  DocumentClass,
  Quarter,
  VolumePlan,
  VolumeResult,
} from '@internal/plugin-archive-common';
import type { CourtClock } from '@internal/plugin-court-node';
import {
  ChangeFact,
  futurePeriodProblem,
  InspectionFigures,
  IssuedReportWithFigures,
  periodOf,
  periodWindow,
  ReportPeriod,
  TicketFact,
} from '@internal/plugin-reports-common';
import { DateTime } from 'luxon';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import {
  compileVolume,
  tocEntryCount,
  tocPageCount,
  VOLUME_TITLE,
} from './compileVolume';
import {
  volumeChanges,
  volumeIncidents,
  volumeInspectionMonth,
  volumeReports,
} from './generated';
import { volumeIndexWorkbook } from './indexWorkbook';
import { quarterName } from './labels';
import type {
  VolumeEntry,
  VolumeGenerated,
  VolumeInput,
  VolumePart,
} from './types';

/** What `POST /volumes` takes. */
export const volumeRequestSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  classes: z
    .array(z.enum(DOCUMENT_CLASSES as [DocumentClass, ...DocumentClass[]]))
    .min(1)
    .refine(
      classes => new Set(classes).size === classes.length,
      'a class is named twice',
    )
    .optional(),
  dryRun: z.boolean().default(false),
  /** The scaffolder task id: a retry with it never adds a second version. */
  requestKey: z.string().min(1).max(200).optional(),
});

export type VolumeRequest = z.output<typeof volumeRequestSchema>;

/** What the volume is made of, read from the archive's store and the other families' APIs. */
export interface VolumeSources {
  /** Documents dated in the period, of these classes, with their versions (newest last). */
  documents(
    period: ReportPeriod,
    classes: readonly DocumentClass[],
  ): Promise<readonly ArchiveDocument[]>;
  /** The content of one version's file; called once per appended PDF, one at a time. */
  fileContent(documentId: string, version: number): Promise<Uint8Array>;
  /** Reports issued for periods inside this one, with their figures (the reports API). */
  issuedReports(
    period: ReportPeriod,
  ): Promise<readonly IssuedReportWithFigures[]>;
  /** Ticket and change facts of the period (the tickets API's figures endpoint). */
  ticketFacts(period: ReportPeriod): Promise<{
    readonly tickets: readonly TicketFact[];
    readonly changes: readonly ChangeFact[];
  }>;
  /** The inspections family's figures of a period (asked once per month). */
  inspectionFigures(period: ReportPeriod): Promise<InspectionFigures>;
}

/** The volume's own document. */
export interface VolumeRegistration {
  readonly sourceKey: string;
  readonly title: string;
  /** The quarter's last day. */
  readonly date: string;
  readonly actor: string;
}

export interface VolumeFiling {
  readonly documentId: string;
  readonly sourceKey: string;
  readonly requestKey?: string;
  readonly fileName: string;
  readonly content: Buffer;
  readonly pages: number;
  readonly sha256: string;
  readonly note: string;
  /** The Excel index of what the volume binds, kept beside the PDF version. */
  readonly index: { readonly fileName: string; readonly content: Buffer };
  readonly actor: string;
}

/** Where the volume is archived: the archive's store. */
export interface VolumeArchive {
  /** The document filed under `sourceKey`, if there is one. */
  volumeDocument(sourceKey: string): Promise<ArchiveDocument | undefined>;
  /**
   * Registers the volume's document (class service-report, public) or returns the one already
   * filed under its sourceKey: concurrent callers get the same document.
   */
  registerVolumeDocument(
    registration: VolumeRegistration,
  ): Promise<ArchiveDocument>;
  /** The version a compile with this request key added, if one did. */
  versionByRequestKey(
    sourceKey: string,
    requestKey: string,
  ): Promise<VolumeResult | undefined>;
  /**
   * Adds the PDF as the document's next version in one transaction. With a request key that
   * already has a version, returns that version and adds nothing (a unique key, so two
   * concurrent retries still make one).
   */
  fileVolume(filing: VolumeFiling): Promise<VolumeResult>;
}

export interface VolumeCover {
  readonly court: string;
  readonly contractor: string;
  readonly contract: string;
}

/** What a dry run answers (shared with the browser's client). */
export type { VolumePlan };

/** Register rows per page, allowing for titles that wrap: for estimates only. */
const ESTIMATED_ROWS_PER_PAGE = 30;

export function volumeSourceKey(q: Quarter): string {
  return `volume:${q.year}-Q${q.quarter}`;
}

/** The quarter as a report period: whole days in the court's zone. */
export function quarterPeriod(q: Quarter): ReportPeriod {
  const firstMonth = String((q.quarter - 1) * 3 + 1).padStart(2, '0');
  return periodOf('quarter', `${q.year}-${firstMonth}-01`);
}

/**
 * Compiles and archives the quarterly bound volume (issue #14): checks the quarter is over, plans
 * (dry run), binds the PDF and its Excel index, and files them as the next version of the
 * quarter's `volume:<year>-Q<n>` document; a request key makes a retry return what it filed.
 */
export class VolumeService {
  constructor(
    private readonly options: {
      readonly sources: VolumeSources;
      readonly archive: VolumeArchive;
      readonly clock: CourtClock;
      /** IANA zone of the court (Asia/Shanghai). */
      readonly zone: string;
      readonly cover: VolumeCover;
    },
  ) {}

  async plan(request: VolumeRequest): Promise<VolumePlan> {
    const quarter = this.endedQuarter(request);
    const { parts, restrictedLeftOut } = await this.parts(
      quarter,
      request.classes,
    );
    const generated = await this.generated(quarter);
    const existing = await this.options.archive.volumeDocument(
      volumeSourceKey(quarter),
    );
    const planned = parts.map(part => ({
      documentClass: part.documentClass,
      documents: part.entries.length,
      appendedPdfs: part.entries.filter(e => e.pdf).length,
      appendedPages: part.entries.reduce(
        (n, e) => n + (e.pdf ? e.pdf.pages ?? 1 : 0),
        0,
      ),
    }));
    const generatedRows =
      generated.changes.length +
      generated.incidents.length +
      generated.inspections.length;
    const estimatedPages =
      1 +
      tocPageCount(tocEntryCount({ parts })) +
      planned.reduce(
        (n, p) =>
          n +
          Math.ceil((p.documents + 1) / ESTIMATED_ROWS_PER_PAGE) +
          p.appendedPages,
        0,
      ) +
      Math.ceil((generatedRows + 8) / ESTIMATED_ROWS_PER_PAGE) +
      generated.reports.length;
    return {
      quarter,
      period: quarterPeriod(quarter),
      sourceKey: volumeSourceKey(quarter),
      parts: planned,
      generated: {
        reports: generated.reports.length,
        changes: generated.changes.length,
        inspectionMonths: generated.inspections.length,
        incidents: generated.incidents.length,
      },
      restrictedLeftOut,
      estimatedPages,
      nextVersion: existing ? nextVersion(existing) : 1,
    };
  }

  /** Binds and files the volume; `created` is false when the request key had filed it already. */
  async compile(
    request: VolumeRequest,
    actor: string,
  ): Promise<{ result: VolumeResult; created: boolean }> {
    const quarter = this.endedQuarter(request);
    const sourceKey = volumeSourceKey(quarter);
    const { archive, sources } = this.options;
    if (request.requestKey) {
      const filed = await archive.versionByRequestKey(
        sourceKey,
        request.requestKey,
      );
      if (filed) return { result: filed, created: false };
    }

    const { parts } = await this.parts(quarter, request.classes);
    const generated = await this.generated(quarter);
    const title = `${quarterName(quarter)}${VOLUME_TITLE}`;
    const document = await archive.registerVolumeDocument({
      sourceKey,
      title,
      date: quarterPeriod(quarter).to,
      actor,
    });
    const version = nextVersion(document);
    const input: VolumeInput = {
      ...this.options.cover,
      quarter,
      volumeNumber: `${document.number} 第 ${version} 版`,
      compiledAt: this.options.clock.now().toUTC().toISO()!,
      zone: this.options.zone,
      parts,
      generated,
      readPdf: entry =>
        sources.fileContent(entry.documentId, entry.pdf!.version),
    };
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const compiled = await compileVolume(input, out);
    const bound = compiled.bound.filter(b => b.appended).length;
    const result = await archive.fileVolume({
      documentId: document.id,
      sourceKey,
      requestKey: request.requestKey,
      fileName: `${title}.pdf`,
      content: Buffer.concat(chunks),
      pages: compiled.pages,
      sha256: compiled.sha256,
      note: `${compiled.bound.length} 件文档，附 PDF 原文 ${bound} 件，共 ${compiled.pages} 页`,
      index: {
        fileName: `${title}-卷内目录.xlsx`,
        content: await volumeIndexWorkbook(input, compiled),
      },
      actor,
    });
    return { result, created: true };
  }

  /** The quarter, once it has ended by the court clock; else a 400 naming `quarter`. */
  private endedQuarter(request: VolumeRequest): Quarter {
    const quarter: Quarter = { year: request.year, quarter: request.quarter };
    const problem = futurePeriodProblem(
      quarterPeriod(quarter),
      this.options.clock.now(),
      this.options.zone,
    );
    if (problem)
      throw new InputError(`body.quarter: ${quarterName(quarter)}: ${problem}`);
    return quarter;
  }

  private async parts(
    quarter: Quarter,
    classes: readonly DocumentClass[] = DOCUMENT_CLASSES,
  ): Promise<{ parts: VolumePart[]; restrictedLeftOut: number }> {
    const ordered = DOCUMENT_CLASSES.filter(c => classes.includes(c));
    const documents = (
      await this.options.sources.documents(quarterPeriod(quarter), ordered)
    )
      // Earlier volumes are not bound into later ones.
      .filter(d => !d.sourceKey?.startsWith('volume:'));
    const bindable = documents.filter(d => d.confidentiality === 'public');
    const parts = ordered
      .map(documentClass => ({
        documentClass,
        entries: bindable
          .filter(d => d.documentClass === documentClass)
          .sort((a, b) => a.number.localeCompare(b.number))
          .map(volumeEntry),
      }))
      .filter(part => part.entries.length > 0);
    return { parts, restrictedLeftOut: documents.length - bindable.length };
  }

  private async generated(quarter: Quarter): Promise<VolumeGenerated> {
    const { sources, zone } = this.options;
    const period = quarterPeriod(quarter);
    const window = periodWindow(period, zone);
    const months = [0, 1, 2].map(m => {
      const first = DateTime.fromISO(period.from, { zone: 'utc' }).plus({
        months: m,
      });
      return {
        month: first.toFormat('yyyy-MM'),
        period: periodOf('month', first.toISODate()!),
      };
    });
    const [reports, facts, inspections] = await Promise.all([
      sources.issuedReports(period),
      sources.ticketFacts(period),
      Promise.all(months.map(m => sources.inspectionFigures(m.period))),
    ]);
    return {
      reports: volumeReports(reports),
      changes: volumeChanges(facts.changes, window),
      inspections: months.map((m, i) =>
        volumeInspectionMonth(m.month, inspections[i]),
      ),
      incidents: volumeIncidents(facts.tickets, window),
    };
  }
}

/** A document's register row; its latest version is appended when that is a PDF. */
function volumeEntry(d: ArchiveDocument): VolumeEntry {
  const latest = d.versions[d.versions.length - 1];
  return {
    documentId: d.id,
    number: d.number,
    title: d.title,
    subClass: d.subClass,
    date: d.date,
    source: d.source,
    ...(latest?.kind === 'pdf'
      ? { pdf: { version: latest.version, pages: latest.pages } }
      : {}),
  };
}

function nextVersion(document: ArchiveDocument): number {
  return Math.max(0, ...document.versions.map(v => v.version)) + 1;
}
