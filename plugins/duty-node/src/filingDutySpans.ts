import {
  FILING_DUTY_SPAN_MS,
  FilingDutySpan,
} from '@internal/plugin-duty-common';

/**
 * The latest span of filing duty (duty-common's `FilingDutySpan`), so that a rush of filings is
 * answered from one duty request a minute instead of one each. A span answers only instants it
 * covers, and only for a minute after it was asked for; duty's change events make it forget
 * the span at once (on this process, and on every replica where Backstage's events bus runs).
 */
export class FilingDutySpans {
  private kept?: {
    readonly fromMs: number;
    readonly toMs: number;
    readonly usableUntilMs: number;
    readonly span: Promise<FilingDutySpan>;
  };

  constructor(
    private readonly ask: (from: string) => Promise<FilingDutySpan>,
    /** The court clock's epoch milliseconds. */
    private readonly nowMs: () => number,
  ) {}

  /** Duty changed: the next filing asks again. */
  forget(): void {
    this.kept = undefined;
  }

  /** A span covering `instant`: the kept one, or one asked for from `instant` on. */
  covering(instant: string): Promise<FilingDutySpan> {
    const atMs = Date.parse(instant);
    const nowMs = this.nowMs();
    const kept = this.kept;
    if (
      kept &&
      kept.fromMs <= atMs &&
      atMs < kept.toMs &&
      nowMs < kept.usableUntilMs
    ) {
      return kept.span;
    }
    // Kept at once, so the filings that arrive while it is asked for wait for the same answer.
    const entry = {
      fromMs: atMs,
      toMs: atMs + FILING_DUTY_SPAN_MS,
      usableUntilMs: nowMs + FILING_DUTY_SPAN_MS,
      span: this.ask(new Date(atMs).toISOString()),
    };
    this.kept = entry;
    entry.span.catch(() => {
      if (this.kept === entry) this.kept = undefined;
    });
    return entry.span;
  }
}
