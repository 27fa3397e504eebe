import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { pluginFetch } from '@internal/plugin-court-node';
import type {
  InspectionFigures,
  IssuedReport,
  IssuedReportWithFigures,
  TicketFiguresResponse,
} from '@internal/plugin-reports-common';
import type { ChangeDetail } from '@internal/plugin-tickets-common';

/**
 * The families the archive files from and binds into the volume, over HTTP
 * with the archive's own credentials: the reports, tickets and inspections APIs.
 */
export interface FilingSources {
  issuedReports(): Promise<readonly IssuedReport[]>;
  /** One issued report with its figures. */
  issuedReport(id: string): Promise<IssuedReportWithFigures>;
  reportFile(id: string): Promise<Uint8Array>;
  /** Ticket and change facts of a period (dates in the court's zone, both included). */
  ticketFigures(from: string, to: string): Promise<TicketFiguresResponse>;
  change(number: string): Promise<ChangeDetail>;
  inspectionFigures(from: string, to: string): Promise<InspectionFigures>;
}

export class HttpFilingSources implements FilingSources {
  constructor(
    private readonly deps: { auth: AuthService; discovery: DiscoveryService },
  ) {}

  private async get(pluginId: string, path: string): Promise<Response> {
    const { fetch: signed } = pluginFetch({
      auth: this.deps.auth,
      targetPluginId: pluginId,
      onBehalfOf: () => this.deps.auth.getOwnServiceCredentials(),
    });
    const response = await signed(
      `${await this.deps.discovery.getBaseUrl(pluginId)}${path}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  async issuedReports(): Promise<readonly IssuedReport[]> {
    const body = (await (await this.get('reports', '/reports')).json()) as
      | IssuedReport[]
      | { items: IssuedReport[] };
    return Array.isArray(body) ? body : body.items;
  }

  async issuedReport(id: string): Promise<IssuedReportWithFigures> {
    return (
      await this.get('reports', `/reports/${encodeURIComponent(id)}`)
    ).json();
  }

  async reportFile(id: string): Promise<Uint8Array> {
    const response = await this.get(
      'reports',
      `/reports/${encodeURIComponent(id)}/files/report.docx`,
    );
    return new Uint8Array(await response.arrayBuffer());
  }

  async ticketFigures(
    from: string,
    to: string,
  ): Promise<TicketFiguresResponse> {
    const query = new URLSearchParams({ from, to });
    return (await this.get('tickets', `/figures?${query}`)).json();
  }

  async change(number: string): Promise<ChangeDetail> {
    return (
      await this.get('tickets', `/changes/${encodeURIComponent(number)}`)
    ).json();
  }

  async inspectionFigures(
    from: string,
    to: string,
  ): Promise<InspectionFigures> {
    const query = new URLSearchParams({ from, to });
    return (await this.get('inspections', `/figures?${query}`)).json();
  }
}
