import type {
  DocumentClass,
  DocumentSource,
  Quarter,
} from '@internal/plugin-archive-common';

/** One registered document of the quarter, as its part's register lists it. */
export interface VolumeEntry {
  readonly documentId: string;
  readonly number: string;
  readonly title: string;
  readonly subClass?: string;
  /** ISO date. */
  readonly date: string;
  readonly source: DocumentSource;
  /** The version whose PDF is appended in place, when its latest file is a PDF. */
  readonly pdf?: {
    readonly version: number;
    /** Pages as recorded at upload; the plan's estimate only, the volume counts what it copies. */
    readonly pages?: number;
  };
}

export interface VolumePart {
  readonly documentClass: DocumentClass;
  /** In register order (by number). */
  readonly entries: readonly VolumeEntry[];
}

/** A table of figures, already in words: what an issued report's figures look like in the volume. */
export interface VolumeTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface VolumeReport {
  readonly title: string;
  /** `2026-10-01 至 2026-12-31` */
  readonly period: string;
  readonly version: number;
  /** UTC ISO instant. */
  readonly issuedAt: string;
  readonly tables: readonly VolumeTable[];
}

export interface VolumeChange {
  readonly number: string;
  readonly title: string;
  readonly emergency: boolean;
  readonly risk: 'low' | 'medium' | 'high';
  readonly filedAt: string;
  readonly decision?: 'approved' | 'rejected';
  readonly outcome?: 'succeeded' | 'failed' | 'rolled-back';
  readonly finishedAt?: string;
}

/** One month of inspections and the month's virus statistics. */
export interface VolumeInspectionMonth {
  /** `2026-10` */
  readonly month: string;
  readonly roundsPlanned: number;
  readonly roundsDone: number;
  readonly devices: number;
  readonly inspected: number;
  readonly failedItems: number;
  readonly incidentsOpened: number;
  readonly virusChecks: number;
  readonly pcs: number;
  readonly infectedPcs: number;
  readonly virusesFound: number;
}

export type SlaResult = 'met' | 'breached' | 'running';

export interface VolumeIncident {
  readonly number: string;
  readonly title: string;
  readonly level: 'L1' | 'L2' | 'L3' | 'L4';
  readonly createdAt: string;
  readonly resolvedAt?: string;
  readonly sla: ReadonlyArray<{
    readonly clock: 'response' | 'arrival' | 'resolution';
    readonly result: SlaResult;
  }>;
}

/** What the portal wrote itself for the quarter, bound in full after the class parts. */
export interface VolumeGenerated {
  readonly reports: readonly VolumeReport[];
  readonly changes: readonly VolumeChange[];
  readonly inspections: readonly VolumeInspectionMonth[];
  readonly incidents: readonly VolumeIncident[];
}

/** Everything one bound volume is made of. Plain data but for `readPdf`, called once per entry. */
export interface VolumeInput {
  readonly court: string;
  readonly contractor: string;
  readonly contract: string;
  readonly quarter: Quarter;
  /** 卷号 on the cover, e.g. `BG-2026-0031 第 2 版`. */
  readonly volumeNumber: string;
  /** UTC ISO instant the volume was compiled at (the court clock). */
  readonly compiledAt: string;
  /** IANA zone dates and instants are shown in. */
  readonly zone: string;
  readonly parts: readonly VolumePart[];
  readonly generated: VolumeGenerated;
  /** The bytes of an entry's PDF version; loaded one at a time and released after copying. */
  readonly readPdf: (entry: VolumeEntry) => Promise<Uint8Array>;
}

export interface TocEntry {
  /** 1: a part; 2: a register, a bound document or a generated section. */
  readonly level: 1 | 2;
  readonly title: string;
  /** Physical page, counting the cover as 1 (what the footer prints). */
  readonly page: number;
}

/** Where each entry ended up in the volume. */
export interface BoundEntry {
  readonly documentId: string;
  readonly number: string;
  readonly documentClass: DocumentClass;
  /** The page of its register row. */
  readonly registerPage: number;
  /** Its appended PDF: first page and page count; absent when it has none. */
  readonly appended?: { readonly from: number; readonly pages: number };
  /** Why its PDF could not be bound (damaged, encrypted), when it could not. */
  readonly unbound?: string;
}

export interface CompiledVolume {
  readonly pages: number;
  readonly bytes: number;
  /** Hex SHA-256 of the file. */
  readonly sha256: string;
  readonly toc: readonly TocEntry[];
  readonly bound: readonly BoundEntry[];
}
