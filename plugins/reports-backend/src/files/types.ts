import type {
  ChangeFact,
  ReportFigures,
  ReportLanguage,
  TicketFact,
} from '@internal/plugin-reports-common';

/** Everything the issued files show: the frozen figures, the rows behind them, who issued them. */
export interface ReportFilesInput {
  readonly figures: ReportFigures;
  readonly tickets: readonly TicketFact[];
  readonly changes: readonly ChangeFact[];
  readonly language: ReportLanguage;
  readonly version: number;
  /** User entity ref of the ops manager who issued the report. */
  readonly issuedBy: string;
  /** UTC ISO instant; also the files' creation date, so the same input gives the same bytes. */
  readonly issuedAt: string;
  readonly court: { readonly name: string; readonly contractor: string };
}

export interface RenderedFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer;
}
