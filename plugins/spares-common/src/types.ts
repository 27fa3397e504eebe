import type { MovementKind } from './stock';
import type { RepairResult, RepairTerms } from './repairs';

/** ISO 8601 instant in UTC. */
export type Instant = string;

export interface PartType {
  /** The register's code, e.g. `hdd-4tb-nas`. */
  readonly id: string;
  readonly name: string;
  readonly deviceClasses: readonly string[];
  /** Empty: every model of those classes. */
  readonly models: readonly string[];
  /** Below this total over all locations the ops manager is told. */
  readonly minimum: number;
  readonly version: number;
}

export interface StoreLocation {
  readonly id: string;
  readonly name: string;
}

export interface Vendor {
  readonly id: string;
  readonly name: string;
  readonly contacts: readonly string[];
  readonly serviceHours?: string;
  readonly responsePromise?: string;
  readonly version: number;
}

/** A part type's stock: per location and in all. */
export interface PartStock {
  readonly partType: PartType;
  readonly total: number;
  readonly byLocation: ReadonlyArray<{
    readonly locationId: string;
    readonly quantity: number;
  }>;
  readonly belowMinimum: boolean;
}

export interface Movement {
  readonly seq: number;
  readonly partTypeId: string;
  readonly locationId: string;
  readonly kind: MovementKind;
  /** Signed: what it did to the stock. */
  readonly delta: number;
  /** A count's counted quantity. */
  readonly counted?: number;
  readonly ticket?: string;
  readonly change?: string;
  readonly deviceRef?: string;
  readonly systemRef?: string;
  readonly supplier?: string;
  readonly reference?: string;
  /** Why: a count's difference, a return, an issue despite a misfit. */
  readonly reason?: string;
  /** The part did not fit the device, as the register says. */
  readonly fitWarning?: string;
  readonly actor: string;
  readonly at: Instant;
}

/** The store page: one page of stock, the parts below minimum, the latest movements. */
export interface StoreOverview {
  readonly stock: readonly PartStock[];
  readonly belowMinimum: readonly PartStock[];
  readonly movements: readonly Movement[];
  readonly nextCursor?: string;
}

export interface RepairUpdate {
  readonly note: string;
  readonly actor: string;
  readonly at: Instant;
}

export interface Repair {
  readonly id: string;
  /** RPR-00001 */
  readonly number: string;
  /** The device sent out, or a part type for a part. */
  readonly deviceRef?: string;
  readonly partTypeId?: string;
  readonly ticket?: string;
  readonly vendorId: string;
  readonly terms: RepairTerms;
  readonly sentOn: string;
  readonly promisedOn?: string;
  readonly rma?: string;
  /** What stands in for it (a device ref or a description) and where it stands. */
  readonly loaner?: string;
  readonly loanerWhere?: string;
  readonly returnedOn?: string;
  readonly result?: RepairResult;
  readonly overdue: boolean;
  readonly updates: readonly RepairUpdate[];
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly version: number;
}

/** A device's Spares tab: parts that fit and their stock, parts used on it, repairs. */
export interface DeviceSpares {
  readonly deviceRef: string;
  readonly deviceClass?: string;
  readonly model?: string;
  readonly fitting: readonly PartStock[];
  readonly used: readonly Movement[];
  readonly repairs: readonly Repair[];
  /** The repair it is out on now, if any. */
  readonly outForRepair?: Repair;
}

/** What an issue answers: the movement, and the misfit warning if any. */
export interface IssueResult {
  readonly movement: Movement;
  readonly stock: PartStock;
  readonly warning?: string;
}
