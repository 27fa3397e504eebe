import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  actorOf,
  Caller,
  CourtClock,
  parseInput,
  systemOf,
} from '@internal/plugin-court-node';
import {
  ChangeFact,
  figureChanges,
  futurePeriodProblem,
  IssuedReport,
  IssuedReportWithFigures,
  issueReportSchema,
  PeriodFigures,
  previousPeriod,
  REPORT_KINDS,
  ReportDraft,
  ReportFigures,
  ReportKind,
  reportAcknowledgePermission,
  reportIssuePermission,
  ReportPeriod,
  reportPeriodSchema,
  reportQuerySchema,
  reportReadPermission,
  TicketFact,
} from '@internal/plugin-reports-common';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ReportStore, StoredFile } from '../database/DatabaseReportStore';
import { sameFigures } from './sameFigures';
import { FigureSources } from './FigureSources';
import { RenderedFile, ReportFilesInput } from '../files';

/** Renders a report's Word and Excel files (`renderReportFiles`). */
export type ReportRenderer = (
  input: ReportFilesInput,
) => Promise<RenderedFile[]>;

/** A report's figures and the rows behind its current period. */
export interface ComposedReport {
  readonly figures: ReportFigures;
  readonly tickets: readonly TicketFact[];
  readonly changes: readonly ChangeFact[];
}

const listSchema = z.strictObject({
  kind: z.enum(REPORT_KINDS as [ReportKind, ...ReportKind[]]).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

/** How often an issue tries again after another issue took its version number. */
const ISSUE_ATTEMPTS = 5;

/**
 * Service reports: figures composed from the families for a period and scope, issued as frozen
 * snapshots with their files, acknowledged once, drafted on schedule. Every entry point asks
 * the permission first and reads its input after, so a caller without it learns nothing.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      store: ReportStore;
      sources: FigureSources;
      permissions: PermissionsService;
      catalog: CatalogService;
      auth: AuthService;
      clock: CourtClock;
      render: ReportRenderer;
      zone: string;
      court: { name: string; contractor: string };
    },
  ) {}

  async figures(caller: Caller, query: unknown): Promise<ReportFigures> {
    await this.authorize(caller, reportReadPermission);
    const { kind, period, systemRef } = await this.readQuery(query);
    return (await this.compose(kind, period, systemRef)).figures;
  }

  async rows(
    caller: Caller,
    query: unknown,
  ): Promise<{
    tickets: readonly TicketFact[];
    changes: readonly ChangeFact[];
  }> {
    await this.authorize(caller, reportReadPermission);
    const { period, systemRef } = await this.readQuery(query);
    const { tickets, changes } = await this.deps.sources.tickets(
      period,
      systemRef,
    );
    return { tickets, changes };
  }

  async list(caller: Caller, query: unknown): Promise<IssuedReport[]> {
    await this.authorize(caller, reportReadPermission);
    const { kind, from, to } = parseInput(listSchema, query, 'query');
    // A period is both dates or neither.
    const period =
      from === undefined && to === undefined
        ? undefined
        : parseInput(reportPeriodSchema, { from, to }, 'query');
    return this.deps.store.list({ kind, period });
  }

  async get(caller: Caller, id: string): Promise<IssuedReportWithFigures> {
    await this.authorize(caller, reportReadPermission);
    const report = await this.deps.store.get(id);
    if (!report) throw new NotFoundError(`no issued report ${id}`);
    return report;
  }

  async file(caller: Caller, id: string, name: string): Promise<StoredFile> {
    await this.authorize(caller, reportReadPermission);
    const file = await this.deps.store.file(id, name);
    if (!file) throw new NotFoundError(`report ${id} has no file ${name}`);
    return file;
  }

  async drafts(caller: Caller): Promise<ReportDraft[]> {
    await this.authorize(caller, reportReadPermission);
    return this.deps.store.drafts();
  }

  /**
   * Issues a report: a new version frozen with its files, or, when the latest version already
   * has exactly these figures, that version (`created: false`).
   */
  async issue(
    caller: Caller,
    body: unknown,
  ): Promise<{ report: IssuedReportWithFigures; created: boolean }> {
    await this.authorize(caller, reportIssuePermission);
    const request = parseInput(issueReportSchema, body, 'body');
    const period = { from: request.from, to: request.to };
    this.checkEnded(period, 'body');
    const systemRef = await this.checkSystem(request.system, 'body');
    const composed = await this.compose(request.kind, period, systemRef, true);
    const key = {
      kind: request.kind,
      period,
      systemRef,
      language: request.language,
    };
    const issuedBy = actorOf(caller);
    for (let attempt = 1; ; attempt++) {
      const latest = await this.deps.store.latest(key);
      if (latest && sameFigures(latest.figures, composed.figures)) {
        return { report: latest, created: false };
      }
      const version = (latest?.version ?? 0) + 1;
      const issuedAt = this.deps.clock.now().toUTC().toISO()!;
      const files = await this.deps.render({
        ...composed,
        language: request.language,
        version,
        issuedBy,
        issuedAt,
        court: this.deps.court,
      });
      try {
        const report = await this.deps.store.insert({
          ...key,
          version,
          figures: composed.figures,
          changesFromPrevious: latest
            ? figureChanges(latest.figures.current, composed.figures.current)
            : [],
          issuedBy,
          issuedAt,
          files: files.map(file => ({
            ...file,
            sha256: createHash('sha256').update(file.content).digest('hex'),
          })),
        });
        return { report, created: true };
      } catch (error) {
        // Another issue took this version: look again (it may be these very figures).
        if (!(error instanceof ConflictError) || attempt >= ISSUE_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  async acknowledge(caller: Caller, id: string): Promise<IssuedReport> {
    await this.authorize(caller, reportAcknowledgePermission);
    return this.deps.store.acknowledge(
      id,
      actorOf(caller),
      this.deps.clock.now().toUTC().toISO()!,
    );
  }

  /**
   * The court's figures of a past week or month stored as a draft, unless one is stored
   * already; true if this call stored it.
   */
  async prepareDraft(
    kind: ReportDraft['kind'],
    period: ReportPeriod,
  ): Promise<boolean> {
    const { figures } = await this.compose(kind, period, undefined);
    return this.deps.store.claimDraft({
      kind,
      period,
      figures,
      preparedAt: this.deps.clock.now().toUTC().toISO()!,
    });
  }

  /** @throws NotAllowedError unless the caller holds the permission. */
  async authorize(caller: Caller, permission: BasicPermission) {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials: caller,
    });
    if (decision.result !== 'ALLOW') {
      throw new NotAllowedError(`not allowed: ${permission.name}`);
    }
  }

  private async readQuery(query: unknown) {
    const parsed = parseInput(reportQuerySchema, query, 'query');
    const period = { from: parsed.from, to: parsed.to };
    this.checkEnded(period, 'query');
    const systemRef = await this.checkSystem(parsed.system, 'query');
    return { kind: parsed.kind, period, systemRef };
  }

  /** A report counts what happened: the period's last day must be over. */
  private checkEnded(period: ReportPeriod, where: string) {
    const problem = futurePeriodProblem(
      period,
      this.deps.clock.now(),
      this.deps.zone,
    );
    if (problem) throw new InputError(`${where}.to: ${problem}`);
  }

  /** The System entity's ref, or a 400 naming `system` for anything else. */
  private async checkSystem(
    system: string | undefined,
    where: string,
  ): Promise<string | undefined> {
    if (system === undefined) return undefined;
    const unknown = new InputError(
      `${where}.system: ${system} is not a System in the catalog`,
    );
    // Short forms as the catalog's own readers take them: `network`, `default/network`.
    const kinded = system.includes(':') ? system : `system:${system}`;
    const ref = kinded.includes('/')
      ? kinded
      : kinded.replace(':', ':default/');
    if (!/^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/.test(ref)) throw unknown;
    const entity = await this.deps.catalog.getEntityByRef(ref, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'system') {
      throw unknown;
    }
    return systemOf(entity);
  }

  /**
   * The figures of the period beside the previous period's, and, when `facts` (issuing), the
   * facts behind the period's: only the issued files carry rows, and a month's facts are
   * megabytes the tickets backend would otherwise serialise for nothing.
   */
  private async compose(
    kind: ReportKind,
    period: ReportPeriod,
    systemRef: string | undefined,
    facts = false,
  ): Promise<ComposedReport> {
    const { sources, zone } = this.deps;
    const of = async (p: ReportPeriod, withFacts: boolean) => {
      const [tickets, inspections, kb, spares] = await Promise.all([
        withFacts
          ? sources.tickets(p, systemRef)
          : sources
              .ticketFigures(p, systemRef)
              .then(answer => ({ ...answer, tickets: [], changes: [] })),
        sources.inspections(p, systemRef),
        sources.kb(p, systemRef),
        sources.spares(p),
      ]);
      const figures: PeriodFigures = {
        period: p,
        tickets: tickets.figures,
        inspections,
        kb,
        ...(spares ? { spares } : {}),
      };
      return { figures, tickets: tickets.tickets, changes: tickets.changes };
    };
    const [current, previous] = await Promise.all([
      of(period, facts),
      of(previousPeriod(period, kind), false),
    ]);
    return {
      figures: {
        kind,
        ...(systemRef ? { systemRef } : {}),
        zone,
        current: current.figures,
        previous: previous.figures,
      },
      tickets: current.tickets,
      changes: current.changes,
    };
  }
}
