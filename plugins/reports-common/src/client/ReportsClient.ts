import { ResponseError } from '@backstage/errors';
import type { ChangeFact, TicketFact } from '../facts';
import type { ReportKind, ReportPeriod } from '../period';
import type {
  IssueReportRequest,
  IssuedReport,
  IssuedReportWithFigures,
  ReportFigures,
} from '../report';

/** A period and scope as the figures, rows and report list endpoints take them. */
export interface ReportScope extends ReportPeriod {
  readonly kind: ReportKind;
  /** A System entity ref; absent for the whole court. */
  readonly system?: string;
}

/** The rows behind a period's ticket figures, for the drill-down. */
export interface ReportRows {
  readonly tickets: readonly TicketFact[];
  readonly changes: readonly ChangeFact[];
}

/** What issuing answered: a new version (201) or the latest one, unchanged (200). */
export interface IssueOutcome {
  readonly report: IssuedReportWithFigures;
  /** False when the figures equalled the latest version's and no version was added. */
  readonly created: boolean;
}

/** The reports API (/api/reports). */
export interface ReportsApi {
  getFigures(scope: ReportScope): Promise<ReportFigures>;
  getRows(scope: ReportScope): Promise<ReportRows>;
  /** Issued reports, newest first; of one kind and period when given. */
  listReports(filter?: Partial<ReportScope>): Promise<IssuedReport[]>;
  getReport(id: string): Promise<IssuedReportWithFigures>;
  issueReport(request: IssueReportRequest): Promise<IssueOutcome>;
  acknowledgeReport(id: string): Promise<IssuedReport>;
  /** An issued file's bytes (fetched with the caller's token, so no bare link). */
  getFile(id: string, name: string): Promise<Blob>;
}

/** Structural so both the frontend's and the backend's discovery fit. */
export interface ReportsClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** The browser's fetchApi adds the user's token; a backend passes its own. */
  fetchApi?: { fetch: typeof fetch };
}

function queryOf(scope: Partial<ReportScope>): string {
  const params = new URLSearchParams();
  for (const key of ['kind', 'from', 'to', 'system'] as const) {
    const value = scope[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** HTTP client of the reports API; the same in the browser and in Node. */
export class ReportsClient implements ReportsApi {
  constructor(private readonly options: ReportsClientOptions) {}

  async getFigures(scope: ReportScope): Promise<ReportFigures> {
    return (await this.request('GET', `/figures${queryOf(scope)}`)).json();
  }

  async getRows(scope: ReportScope): Promise<ReportRows> {
    return (await this.request('GET', `/rows${queryOf(scope)}`)).json();
  }

  async listReports(
    filter: Partial<ReportScope> = {},
  ): Promise<IssuedReport[]> {
    return (await this.request('GET', `/reports${queryOf(filter)}`)).json();
  }

  async getReport(id: string): Promise<IssuedReportWithFigures> {
    return (
      await this.request('GET', `/reports/${encodeURIComponent(id)}`)
    ).json();
  }

  async issueReport(request: IssueReportRequest): Promise<IssueOutcome> {
    const response = await this.request('POST', '/reports', request);
    return { report: await response.json(), created: response.status === 201 };
  }

  async acknowledgeReport(id: string): Promise<IssuedReport> {
    return (
      await this.request(
        'POST',
        `/reports/${encodeURIComponent(id)}/acknowledge`,
        {},
      )
    ).json();
  }

  async getFile(id: string, name: string): Promise<Blob> {
    const path = `/reports/${encodeURIComponent(id)}/files/${encodeURIComponent(
      name,
    )}`;
    return (await this.request('GET', path)).blob();
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('reports');
    const doFetch = this.options.fetchApi?.fetch ?? fetch;
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
