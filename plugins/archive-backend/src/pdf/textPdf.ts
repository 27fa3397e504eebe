import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { embedCourtFonts, wrapText } from './fonts';

/** A line of a simple record: a heading, a label with its value, or text. */
export type RecordLine =
  | { readonly heading: string }
  | { readonly label: string; readonly value: string }
  | { readonly text: string };

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 10.5;
const LEADING = 17;

/** Lines of text that fit `width`, keeping its own line breaks. */
function wrap(text: string, font: PDFFont, size: number, width: number) {
  return text.split('\n').flatMap(part => wrapText(part, font, size, width));
}

/**
 * A record the portal files by itself (a change record, a month's inspection
 * record) as a PDF: a title, then headings, labelled values and text, with
 * Noto Sans SC embedded as subsets (`embedCourtFonts`) and page numbers in the footer.
 */
export async function textPdf(
  title: string,
  lines: readonly RecordLine[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  // Fixed dates: the same record gives the same bytes (and SHA-256).
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const { regular, bold } = await embedCourtFonts(doc);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  /** Writes one line, on a new page when this one is full; a label goes at its left. */
  const put = (
    text: string,
    font: PDFFont,
    size: number,
    x = MARGIN,
    label?: string,
  ) => {
    if (y < MARGIN + LEADING) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
    if (label) page.drawText(label, { x: MARGIN, y, size, font: bold });
    page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0) });
    y -= size > SIZE ? size * 1.8 : LEADING;
  };
  for (const line of wrap(title, bold, 16, width)) put(line, bold, 16);
  for (const line of lines) {
    if ('heading' in line) {
      y -= 6;
      for (const part of wrap(line.heading, bold, 12, width))
        put(part, bold, 12);
    } else if ('label' in line) {
      const labelWidth = 110;
      const parts = wrap(line.value || '—', regular, SIZE, width - labelWidth);
      for (const [index, part] of parts.entries()) {
        put(
          part,
          regular,
          SIZE,
          MARGIN + labelWidth,
          index === 0 ? line.label : undefined,
        );
      }
    } else {
      for (const part of wrap(line.text, regular, SIZE, width))
        put(part, regular, SIZE);
    }
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = `${i + 1} / ${pages.length}`;
    p.drawText(footer, {
      x: (A4[0] - regular.widthOfTextAtSize(footer, 9)) / 2,
      y: MARGIN / 2,
      size: 9,
      font: regular,
    });
  });
  return doc.save();
}
