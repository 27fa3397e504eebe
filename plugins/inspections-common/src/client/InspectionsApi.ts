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
import type { VirusSummary } from '../coverage';
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

/** The inspections backend's REST API (`/api/inspections`), as browser and backend call it. */
export interface InspectionsApi {
  /** The rounds of a day (default today in the court's zone). */
  getRounds(date?: string): Promise<TodayRounds>;
  getRound(id: string): Promise<RoundDetail>;
  /** "Inspect now": an ad-hoc round for a building or some devices. */
  startAdHocRound(request: AdHocRoundRequest): Promise<RoundSummary>;
  /** Saves one answer; idempotent on `idempotencyKey`. */
  saveResult(
    checkId: string,
    itemId: string,
    request: SaveResultRequest,
  ): Promise<SaveResultResponse>;
  /** Records a label scan as on-site evidence and finds the device's open check. */
  recordScan(request: ScanRequest): Promise<ScanResponse>;
  getCoverage(query: CoverageQuery): Promise<CoverageReport>;
  /** A month (`{ month: '2026-11' }`) or a period of up to a year. */
  getVirusSummary(query: VirusSummaryQuery): Promise<VirusSummary>;
  getEntityInspections(entityRef: string): Promise<EntityInspections>;
  getTemplates(): Promise<ChecklistTemplateVersion[]>;
  getPlans(): Promise<StoredPlan[]>;
  savePlan(plan: PlanInput): Promise<StoredPlan>;
  getLabelSheetInfo(query: Omit<LabelsQuery, 'page'>): Promise<LabelSheetInfo>;
  /** Where a page of labels (SVG) is downloaded from. */
  labelSheetUrl(query: LabelsQuery): Promise<string>;
}
