import type { CoverageSummary, DeviceState, DeviceTally } from './coverage';
import type { Plan } from './plans';
import type { ItemVerdict, ResultValue } from './results';
import type { ChecklistTemplateVersion } from './templates';

/** Responses of the inspections API (`/api/inspections`). Dates are `YYYY-MM-DD` in the court's zone. */

/** A room of the court's location register, in both languages. */
export interface PlaceInfo {
  readonly id: string;
  readonly building: string;
  readonly buildingEn: string;
  readonly floor: string;
  readonly room: string;
  readonly roomEn: string;
}

export type CheckStatus = 'pending' | 'passed' | 'failed';
/** Scheduled by a plan, or started by an engineer ("inspect now"). */
export type RoundKind = 'scheduled' | 'ad-hoc';

/** A walking route of one day: one building (or the applications), one engineer. */
export interface RoundSummary {
  readonly id: string;
  readonly date: string;
  readonly kind: RoundKind;
  /** The group whose members walk it. */
  readonly team?: string;
  /** Building letter of the location ids, or `APP` for applications. */
  readonly routeKey: string;
  readonly building?: { readonly name: string; readonly nameEn: string };
  readonly assignee?: string;
  readonly checks: number;
  readonly done: number;
  readonly failed: number;
  /** Latest last-day-of-period of its checks. */
  readonly dueBy: string;
}

/** One item's answer on one device's check. */
export interface ItemResult {
  readonly itemId: string;
  readonly value: ResultValue;
  readonly verdict: ItemVerdict;
  readonly remark?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  /** The incident a failing answer opened. */
  readonly incident?: { readonly number: string };
  /** Failing, but the service desk could not be reached yet; filed on the next save or run. */
  readonly incidentPending: boolean;
}

/** One device in a round, with its checklist version and answers so far. */
export interface InspectionCheck {
  readonly id: string;
  readonly roundId: string;
  readonly planId?: string;
  readonly deviceRef: string;
  readonly deviceTitle: string;
  readonly deviceClass: string;
  readonly systemRef?: string;
  readonly location?: PlaceInfo;
  readonly template: { readonly id: string; readonly version: number };
  readonly dueDate: string;
  readonly dueBy: string;
  readonly status: CheckStatus;
  /** First scan of the device's label during this check: on-site evidence. */
  readonly scannedAt?: string;
  readonly completedAt?: string;
  readonly completedBy?: string;
  readonly results: ItemResult[];
}

export interface RoundDetail {
  readonly round: RoundSummary;
  /** In walking order. */
  readonly checks: InspectionCheck[];
  /** The template versions its checks use. */
  readonly templates: ChecklistTemplateVersion[];
}

export interface TodayRounds {
  readonly date: string;
  readonly workingDay: boolean;
  readonly rounds: RoundSummary[];
}

export interface SaveResultResponse {
  readonly result: ItemResult;
  readonly check: {
    readonly id: string;
    readonly status: CheckStatus;
    readonly completedAt?: string;
  };
  /** The same idempotency key was saved before: nothing changed. */
  readonly replayed: boolean;
}

export interface ScanResponse {
  readonly deviceRef: string;
  /** The device's catalog title, for the page that confirms the scan. */
  readonly deviceTitle: string;
  readonly scannedAt: string;
  /** The open check of the device the scan was recorded on, if any. */
  readonly roundId?: string;
  readonly checkId?: string;
}

/** A scheduled check not done by the last day of its period. */
export interface OverdueCheck {
  readonly checkId: string;
  readonly roundId: string;
  readonly planId: string;
  readonly deviceRef: string;
  readonly deviceTitle: string;
  readonly deviceClass: string;
  readonly systemRef?: string;
  readonly dueDate: string;
  readonly dueBy: string;
  readonly assignee?: string;
}

export interface CoverageReport extends CoverageSummary {
  readonly from: string;
  readonly to: string;
  /** The day "overdue" is counted against. */
  readonly asOf: string;
  readonly devices: (DeviceTally & { readonly state: DeviceState })[];
  readonly overdue: OverdueCheck[];
}

/** A plan's next date for an entity. */
export interface NextDue {
  readonly planId: string;
  readonly planTitle: string;
  readonly planTitleEn?: string;
  /** Absent only when the date is not known yet (see `unknownUntil`). */
  readonly date?: string;
  readonly dueBy?: string;
  /**
   * The next date lies in a year without an official schedule: it is not
   * known until that year's schedule is loaded (issue 22: never "no plan").
   */
  readonly unknownUntil?: number;
  /** An earlier check of this plan is still open. */
  readonly open?: {
    readonly checkId: string;
    readonly roundId: string;
    readonly overdue: boolean;
  };
}

/** A failed item, for the failures list. */
export interface FailedItem {
  readonly checkId: string;
  readonly roundId: string;
  readonly deviceRef: string;
  readonly deviceTitle: string;
  readonly dueDate: string;
  readonly itemId: string;
  readonly label: string;
  readonly labelEn: string;
  readonly answer: string;
  readonly verdict: ItemVerdict;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly incident?: { readonly number: string };
}

/** The Inspections tab of a system or device. */
export interface EntityInspections {
  readonly entityRef: string;
  readonly nextDue: NextDue[];
  /** Latest first. */
  readonly history: InspectionCheck[];
  readonly failures: FailedItem[];
  readonly templates: ChecklistTemplateVersion[];
}

export interface StoredPlan extends Plan {
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface LabelSheetInfo {
  readonly devices: number;
  readonly pages: number;
  readonly perPage: number;
}
