import { ResponseError } from '@backstage/errors';
import type { VirusSummary } from '../coverage';
import type { PlanInput } from '../plans';
import type {
  AdHocRoundRequest,
  CoverageQuery,
  LabelsQuery,
  SaveResultRequest,
  ScanRequest,
  VirusSummaryQuery,
} from '../schemas';
import type { ChecklistTemplateVersion } from '../templates';
import type {
  CoverageReport,
  EntityInspections,
  LabelSheetInfo,
  RoundDetail,
  RoundSummary,
  SaveResultResponse,
  ScanResponse,
  StoredPlan,
  TodayRounds,
} from '../types';
import type { InspectionsApi } from './InspectionsApi';

/** Structural so both the frontend's and the backend's discovery fit. */
export interface InspectionsClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /** The browser's fetchApi adds the user's token. */
  fetchApi?: { fetch: typeof fetch };
}

const segment = encodeURIComponent;

function search(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** HTTP client of the inspections API; the same in the browser and in Node. */
export class InspectionsClient implements InspectionsApi {
  constructor(private readonly options: InspectionsClientOptions) {}

  getRounds(date?: string): Promise<TodayRounds> {
    return this.request('GET', `/rounds${search({ date })}`);
  }

  getRound(id: string): Promise<RoundDetail> {
    return this.request('GET', `/rounds/${segment(id)}`);
  }

  startAdHocRound(request: AdHocRoundRequest): Promise<RoundSummary> {
    return this.request('POST', '/rounds', request);
  }

  saveResult(
    checkId: string,
    itemId: string,
    request: SaveResultRequest,
  ): Promise<SaveResultResponse> {
    return this.request(
      'PUT',
      `/checks/${segment(checkId)}/results/${segment(itemId)}`,
      request,
    );
  }

  recordScan(request: ScanRequest): Promise<ScanResponse> {
    return this.request('POST', '/scans', request);
  }

  getCoverage(query: CoverageQuery): Promise<CoverageReport> {
    return this.request('GET', `/coverage${search({ ...query })}`);
  }

  getVirusSummary(query: VirusSummaryQuery): Promise<VirusSummary> {
    return this.request('GET', `/statistics/viruses${search({ ...query })}`);
  }

  getEntityInspections(entityRef: string): Promise<EntityInspections> {
    return this.request('GET', `/entities${search({ entity: entityRef })}`);
  }

  getTemplates(): Promise<ChecklistTemplateVersion[]> {
    return this.request('GET', '/templates');
  }

  getPlans(): Promise<StoredPlan[]> {
    return this.request('GET', '/plans');
  }

  savePlan(plan: PlanInput): Promise<StoredPlan> {
    return this.request('PUT', `/plans/${segment(plan.id)}`, plan);
  }

  getLabelSheetInfo(query: Omit<LabelsQuery, 'page'>): Promise<LabelSheetInfo> {
    return this.request('GET', `/labels${search({ ...query })}`);
  }

  async labelSheetUrl(query: LabelsQuery): Promise<string> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('inspections');
    return `${baseUrl}/labels/sheet.svg${search({ ...query })}`;
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('inspections');
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
    return (await response.json()) as T;
  }
}
