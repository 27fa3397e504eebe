import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ArchiveDocument,
  Confidentiality,
  DocumentClass,
  DocumentSource,
  DocumentVersion,
  FileKind,
} from '@internal/plugin-archive-common';
import { CourtClock, pluginFetch } from '@internal/plugin-court-node';
import type {
  ReportFigures,
  ReportKind,
  ReportPeriod,
} from '@internal/plugin-reports-common';
import { DraftInput, draftFileName, renderDraft } from './draftDocument';
import { DraftRequest, DRAFT_TITLES, figuresPeriodOf } from './kinds';

/** A document as the drafts register it (the archive assigns its number). */
export interface NewDraftDocument {
  readonly title: string;
  readonly documentClass: DocumentClass;
  readonly subClass: string;
  readonly date: string;
  readonly source: DocumentSource;
  readonly confidentiality: Confidentiality;
  readonly sourceKey?: string;
}

/** A file version as the drafts add it. */
export interface NewDraftFile {
  readonly fileName: string;
  readonly kind: FileKind;
  readonly content: Buffer;
  readonly note: string;
}

/** What the drafts need of the archive's store (dev/archive-core implements it). */
export interface DraftArchive {
  documentBySourceKey(sourceKey: string): Promise<ArchiveDocument | undefined>;
  registerDocument(
    document: NewDraftDocument,
    actor: string,
  ): Promise<ArchiveDocument>;
  addVersion(
    documentId: string,
    file: NewDraftFile,
    actor: string,
  ): Promise<DocumentVersion>;
}

/** What the drafts need of the reports family: `GET /api/reports/figures`. */
export interface ReportFiguresSource {
  figures(
    query: { kind: ReportKind } & ReportPeriod,
    credentials: BackstageCredentials,
  ): Promise<ReportFigures>;
}

/** The reports API over HTTP, asked as the caller (who must be allowed to read reports). */
export function reportFiguresOverHttp(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): ReportFiguresSource {
  return {
    async figures(query, credentials) {
      const { fetch } = pluginFetch({
        auth: options.auth,
        targetPluginId: 'reports',
        onBehalfOf: credentials,
      });
      const base = await options.discovery.getBaseUrl('reports');
      const params = new URLSearchParams({
        kind: query.kind,
        from: query.from,
        to: query.to,
      });
      const response = await fetch(`${base}/figures?${params}`);
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return (await response.json()) as ReportFigures;
    },
  };
}

/**
 * DOC-3 drafts: a Word file prefilled with the period's figures, archived as version 1 of a
 * service-report document; the ops manager uploads the final as version 2.
 */
export class DraftService {
  constructor(
    private readonly options: {
      archive: DraftArchive;
      reports: ReportFiguresSource;
      clock: CourtClock;
      zone: string;
      court: string;
      contractor: string;
    },
  ) {}

  async createDraft(
    request: DraftRequest,
    caller: { credentials: BackstageCredentials; actor: string },
  ): Promise<ArchiveDocument> {
    const { archive, reports, clock, zone } = this.options;
    const now = clock.now().setZone(zone);
    const { period, reportKind } = figuresPeriodOf(request, now);
    const sourceKey = request.requestKey && `draft:${request.requestKey}`;
    // A retried request: the draft its first attempt registered, completed if it has no file yet.
    const earlier = sourceKey
      ? await archive.documentBySourceKey(sourceKey)
      : undefined;
    if (earlier && earlier.versions.length > 0) return earlier;

    const figures = await reports.figures(
      { kind: reportKind, ...period },
      caller.credentials,
    );
    const input: DraftInput = {
      kind: request.kind,
      period: { from: request.from, to: request.to },
      figures,
      court: this.options.court,
      contractor: this.options.contractor,
      draftedAt: now,
    };
    const content = await renderDraft(input);
    const document =
      earlier ??
      (await archive.registerDocument(
        {
          title: `${DRAFT_TITLES[request.kind]} ${request.from} 至 ${
            request.to
          }`,
          documentClass: 'service-report',
          subClass: DRAFT_TITLES[request.kind],
          date: now.toISODate()!,
          source: 'contractor',
          confidentiality: 'public',
          sourceKey,
        },
        caller.actor,
      ));
    const version = await archive.addVersion(
      document.id,
      {
        fileName: draftFileName(input),
        kind: 'docx',
        content,
        note: '草稿：由门户按期间数据生成，待运维经理修改后上传定稿',
      },
      caller.actor,
    );
    return { ...document, versions: [...document.versions, version] };
  }
}
