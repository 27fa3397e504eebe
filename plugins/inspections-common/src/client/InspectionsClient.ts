import {
  CourtClientOptions,
  CourtRequest,
  courtRequest,
  queryOf,
} from '@internal/plugin-court-common';
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

export type InspectionsClientOptions = CourtClientOptions;

const segment = encodeURIComponent;

/** HTTP client of the inspections API; the same in the browser and in Node. */
export class InspectionsClient implements InspectionsApi {
  private readonly request: CourtRequest;

  constructor(private readonly options: InspectionsClientOptions) {
    this.request = courtRequest('inspections', options);
  }

  getRounds(date?: string): Promise<TodayRounds> {
    return this.request('GET', `/rounds${queryOf({ date })}`);
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
    return this.request('GET', `/coverage${queryOf({ ...query })}`);
  }

  getVirusSummary(query: VirusSummaryQuery): Promise<VirusSummary> {
    return this.request('GET', `/statistics/viruses${queryOf({ ...query })}`);
  }

  getEntityInspections(entityRef: string): Promise<EntityInspections> {
    return this.request('GET', `/entities${queryOf({ entity: entityRef })}`);
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
    return this.request('GET', `/labels${queryOf({ ...query })}`);
  }

  async labelSheetUrl(query: LabelsQuery): Promise<string> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('inspections');
    return `${baseUrl}/labels/sheet.svg${queryOf({ ...query })}`;
  }
}
