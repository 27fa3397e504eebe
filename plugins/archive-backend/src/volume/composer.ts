import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { CourtFonts, fitText, wrapText } from '../pdf/fonts';

/** A4 portrait, in points. */
export const PAGE_SIZE: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 56, right: 56, top: 72, bottom: 56 } as const;
export const CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN.left - MARGIN.right;

const GREY = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.75, 0.75, 0.75);
const HEADER_FILL = rgb(0.92, 0.92, 0.92);

/** Where a table row landed; a cell left empty can be written once later pages are known. */
export interface PlacedRow {
  /** Physical page number. */
  readonly page: number;
  fill(column: number, text: string): void;
}

export interface TableColumn {
  readonly title: string;
  /** Share of the content width; the shares of a table add up to 1. */
  readonly share: number;
}

/**
 * Writes the volume's own pages top to bottom: a new page when the next block does not fit, the
 * part's name as a running header, tables whose header row repeats on every page they span.
 */
export class Composer {
  private page: PDFPage | undefined;
  /** The page count when `page` was added: appended pages since then mean a fresh page. */
  private pageCountAtPage = 0;
  private y = 0;
  /** The running header of the pages begun from now on. */
  runningHeader = '';

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: CourtFonts,
  ) {}

  /** The physical page number being written, counting the cover as 1. */
  get pageNumber(): number {
    return this.doc.getPageCount();
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE_SIZE);
    this.pageCountAtPage = this.doc.getPageCount();
    this.y = PAGE_SIZE[1] - MARGIN.top;
    if (this.runningHeader) {
      const top = PAGE_SIZE[1] - MARGIN.top + 24;
      this.page.drawText(
        fitText(this.runningHeader, this.fonts.regular, 8, CONTENT_WIDTH),
        {
          x: MARGIN.left,
          y: top,
          size: 8,
          font: this.fonts.regular,
          color: GREY,
        },
      );
      this.line(MARGIN.left, PAGE_SIZE[0] - MARGIN.right, top - 6, RULE);
    }
  }

  /** Another page begins when `height` more points do not fit (or appended pages came last). */
  ensure(height: number): void {
    if (
      !this.page ||
      this.pageCountAtPage !== this.doc.getPageCount() ||
      this.y - height < MARGIN.bottom
    ) {
      this.newPage();
    }
  }

  /** A heading, kept together with `keepWith` points of what follows. Returns its page. */
  heading(text: string, size: number, keepWith = 0): number {
    const height = size * 1.9;
    this.ensure(height + keepWith);
    this.y -= size * 1.3;
    this.draw(text, MARGIN.left, this.y, size, this.fonts.bold);
    this.y -= size * 0.6;
    return this.pageNumber;
  }

  paragraph(text: string, size = 10, font: PDFFont = this.fonts.regular): void {
    const lineHeight = size * 1.5;
    for (const line of wrapText(text, font, size, CONTENT_WIDTH)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.draw(line, MARGIN.left, this.y + size * 0.35, size, font);
    }
    this.y -= size * 0.4;
  }

  /**
   * A table wrapped across pages; each row's cells wrap within their column and a row never
   * splits. Returns where each row landed.
   */
  table(
    columns: readonly TableColumn[],
    rows: ReadonlyArray<readonly string[]>,
    size = 8.5,
  ): PlacedRow[] {
    const pad = 3;
    const lineHeight = size * 1.35;
    const widths = columns.map(c => c.share * CONTENT_WIDTH);
    const wrap = (cells: readonly string[], font: PDFFont) =>
      cells.map((cell, i) => wrapText(cell, font, size, widths[i] - 2 * pad));
    const header = wrap(
      columns.map(c => c.title),
      this.fonts.bold,
    );
    const heightOf = (lines: string[][]) =>
      Math.max(...lines.map(l => l.length)) * lineHeight + 2 * pad;
    const headerHeight = heightOf(header);

    const drawRow = (lines: string[][], font: PDFFont, fill: boolean) => {
      const height = heightOf(lines);
      const top = this.y;
      if (fill) {
        this.page!.drawRectangle({
          x: MARGIN.left,
          y: top - height,
          width: CONTENT_WIDTH,
          height,
          color: HEADER_FILL,
        });
      }
      let x = MARGIN.left;
      lines.forEach((cellLines, i) => {
        cellLines.forEach((text, n) => {
          const baseline = top - pad - (n + 1) * lineHeight + size * 0.3;
          this.draw(text, x + pad, baseline, size, font);
        });
        x += widths[i];
      });
      this.y = top - height;
      this.line(MARGIN.left, MARGIN.left + CONTENT_WIDTH, this.y, RULE);
    };
    const startPage = () => {
      this.line(MARGIN.left, MARGIN.left + CONTENT_WIDTH, this.y, RULE);
      drawRow(header, this.fonts.bold, true);
    };

    this.ensure(headerHeight + lineHeight + 2 * pad);
    startPage();
    const placed: PlacedRow[] = [];
    for (const row of rows) {
      const lines = wrap(row, this.fonts.regular);
      const height = heightOf(lines);
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        startPage();
      }
      const page = this.page!;
      const baseline = this.y - pad - lineHeight + size * 0.3;
      drawRow(lines, this.fonts.regular, false);
      placed.push({
        page: this.pageNumber,
        fill: (column, text) => {
          const x =
            MARGIN.left + widths.slice(0, column).reduce((a, b) => a + b, 0);
          page.drawText(
            fitText(text, this.fonts.regular, size, widths[column] - 2 * pad),
            {
              x: x + pad,
              y: baseline,
              size,
              font: this.fonts.regular,
            },
          );
        },
      });
    }
    this.y -= 10;
    return placed;
  }

  private draw(
    text: string,
    x: number,
    y: number,
    size: number,
    font: PDFFont,
  ) {
    if (text) this.page!.drawText(text, { x, y, size, font });
  }

  private line(from: number, to: number, y: number, color = RULE) {
    this.page!.drawLine({
      start: { x: from, y },
      end: { x: to, y },
      thickness: 0.5,
      color,
    });
  }
}
