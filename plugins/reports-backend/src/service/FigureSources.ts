import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { pluginFetch } from '@internal/plugin-court-node';
import {
  InspectionFigures,
  KbFigures,
  ReportPeriod,
  SparesFigures,
  TicketFiguresOnly,
  TicketFiguresResponse,
} from '@internal/plugin-reports-common';

/**
 * Where a report's numbers come from: each family's figures of its own data for a period
 * (`GET /api/<family>/figures`). The reports backend composes them and reads no family's tables.
 */
export interface FigureSources {
  /** The figures and the facts behind them (the rows an issued report carries). */
  tickets(
    period: ReportPeriod,
    systemRef?: string,
  ): Promise<TicketFiguresResponse>;
  /** The figures alone: a month's facts are megabytes that a figures-only answer would drop. */
  ticketFigures(
    period: ReportPeriod,
    systemRef?: string,
  ): Promise<TicketFiguresOnly>;
  inspections(
    period: ReportPeriod,
    systemRef?: string,
  ): Promise<InspectionFigures>;
  kb(period: ReportPeriod, systemRef?: string): Promise<KbFigures>;
  /**
   * The court's spares figures (the family keeps them court-wide); undefined, no data, when
   * the portal runs without the spares plugin.
   */
  spares(period: ReportPeriod): Promise<SparesFigures | undefined>;
}

/** The families' figures endpoints over HTTP, called with the reports plugin's own credentials. */
export class HttpFigureSources implements FigureSources {
  constructor(
    private readonly deps: { auth: AuthService; discovery: DiscoveryService },
  ) {}

  tickets(period: ReportPeriod, systemRef?: string) {
    return this.get<TicketFiguresResponse>('tickets', period, systemRef);
  }

  ticketFigures(period: ReportPeriod, systemRef?: string) {
    return this.get<TicketFiguresOnly>('tickets', period, systemRef, {
      facts: 'none',
    });
  }

  inspections(period: ReportPeriod, systemRef?: string) {
    return this.get<InspectionFigures>('inspections', period, systemRef);
  }

  kb(period: ReportPeriod, systemRef?: string) {
    return this.get<KbFigures>('kb', period, systemRef);
  }

  spares(period: ReportPeriod) {
    // No spares plugin: nothing answers under /api/spares.
    return this.get<SparesFigures>('spares', period, undefined, {}, [404]);
  }

  private async get<T>(
    family: string,
    period: ReportPeriod,
    systemRef?: string,
    extra?: Record<string, string>,
  ): Promise<T>;
  private async get<T>(
    family: string,
    period: ReportPeriod,
    systemRef: string | undefined,
    extra: Record<string, string>,
    absentOn: readonly number[],
  ): Promise<T | undefined>;
  private async get<T>(
    family: string,
    period: ReportPeriod,
    systemRef?: string,
    extra: Record<string, string> = {},
    absentOn: readonly number[] = [],
  ): Promise<T | undefined> {
    const { auth, discovery } = this.deps;
    const query = new URLSearchParams({
      from: period.from,
      to: period.to,
      ...extra,
    });
    if (systemRef) query.set('system', systemRef);
    const url = `${await discovery.getBaseUrl(family)}/figures?${query}`;
    const { fetch } = pluginFetch({
      auth,
      targetPluginId: family,
      onBehalfOf: () => auth.getOwnServiceCredentials(),
    });
    const res = await fetch(url);
    if (absentOn.includes(res.status)) return undefined;
    if (!res.ok) {
      // The family's own message says what went wrong; a report cannot be made without it.
      const text = await res.text();
      throw new ServiceUnavailableError(
        `the ${family} figures of ${period.from}..${
          period.to
        } are not available (${res.status}: ${text.slice(0, 300)})`,
      );
    }
    return (await res.json()) as T;
  }
}

/** The figure sources of the reports plugin; tests substitute a fixture. */
export const figureSourcesServiceRef = createServiceRef<FigureSources>({
  id: 'courtops.reports.figure-sources',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { auth: coreServices.auth, discovery: coreServices.discovery },
      factory: deps => new HttpFigureSources(deps),
    }),
});
