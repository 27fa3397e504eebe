import type {
  CheckStatus,
  ItemVerdict,
  ResultValue,
  RoundKind,
} from '@internal/plugin-inspections-common';

/** A round as stored, with the tallies of its checks. */
export interface StoredRound {
  readonly id: string;
  readonly date: string;
  readonly kind: RoundKind;
  readonly team?: string;
  readonly routeKey: string;
  readonly assignee?: string;
  readonly checks: number;
  readonly done: number;
  readonly failed: number;
  readonly dueBy: string;
}

export interface NewRound {
  readonly id: string;
  readonly date: string;
  readonly kind: RoundKind;
  readonly team?: string;
  readonly routeKey: string;
  readonly scheduleKey?: string;
  readonly assignee?: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** One device's check, without its answers. */
export interface StoredCheck {
  readonly id: string;
  readonly roundId: string;
  readonly planId?: string;
  readonly deviceRef: string;
  readonly deviceTitle: string;
  readonly deviceClass: string;
  readonly systemRef?: string;
  readonly location?: string;
  readonly routeOrder: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly dueDate: string;
  readonly dueBy: string;
  readonly status: CheckStatus;
  readonly scannedAt?: string;
  readonly completedAt?: string;
  readonly completedBy?: string;
}

export type NewCheck = Omit<
  StoredCheck,
  'status' | 'scannedAt' | 'completedAt' | 'completedBy'
> & {
  /** `plan|device|date` for a scheduled check. */
  readonly occurrenceKey?: string;
};

export interface StoredResult {
  readonly checkId: string;
  readonly itemId: string;
  readonly value: ResultValue;
  readonly verdict: ItemVerdict;
  readonly stat?: string;
  readonly remark?: string;
  readonly idempotencyKey: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly ticketNumber?: string;
}

export type NewResult = Omit<StoredResult, 'ticketNumber'>;
