import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  formatChange,
  formatValue,
  localTime,
  periodText,
  reportTitle,
  shortRef,
  textWidth,
} from './format';
import { ChartImage, renderChart } from './charts';
import type { Translate } from './labels';
import { Cell, Column, isCompared, ReportSection, ReportTable } from './model';
import type { ReportFilesInput } from './types';
import { stampZipEntries } from './zip';

/** Installed with the court's fonts (fonts-noto-cjk); Word falls back to a CJK font of its own. */
export const REPORT_FONT = 'Noto Sans CJK SC';
const FONT = {
  ascii: REPORT_FONT,
  hAnsi: REPORT_FONT,
  eastAsia: REPORT_FONT,
  cs: REPORT_FONT,
};
/** A4 less 2 cm margins each side, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1134;
const HEADER_FILL = 'DCE6F2';
const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const;
const MUTED = '666666';

function paragraph(
  text: string,
  options: {
    bold?: boolean;
    size?: number;
    color?: string;
    align?: 'left' | 'right' | 'center';
  } = {},
) {
  return new Paragraph({
    alignment: ALIGNMENTS[options.align ?? 'left'],
    children: [
      new TextRun({
        text,
        bold: options.bold,
        size: options.size,
        color: options.color,
      }),
    ],
  });
}

interface WordColumn {
  readonly header: string;
  readonly column: Column;
  /** Which side of a compared figure the column shows; `stacked` shows both in one cell. */
  readonly part: 'current' | 'previous' | 'change' | 'stacked';
}

/** A table with a single compared column shows 本期 / 上期 / 增减 side by side; wider ones stack them in each cell. */
function wordColumns(table: ReportTable, t: Translate): WordColumn[] {
  const compared = table.columns.filter(c => c.compare).length;
  return table.columns.flatMap((column): WordColumn[] =>
    column.compare && compared === 1
      ? [
          { header: t('current'), column, part: 'current' },
          { header: t('previous'), column, part: 'previous' },
          { header: t('change'), column, part: 'change' },
        ]
      : [{ header: column.header, column, part: 'stacked' }],
  );
}

interface Line {
  readonly text: string;
  readonly bold?: boolean;
  readonly muted?: boolean;
  readonly small?: boolean;
}

function cellLines(cell: Cell, col: WordColumn, t: Translate): Line[] {
  if (!isCompared(cell)) {
    return [{ text: formatValue(cell, col.column.format) }];
  }
  const format = cell.format ?? col.column.format;
  switch (col.part) {
    case 'current':
      return [{ text: formatValue(cell.current, format), bold: true }];
    case 'previous':
      return [{ text: formatValue(cell.previous, format), muted: true }];
    case 'change':
      return [
        {
          text: formatChange(cell.current, cell.previous, format, t),
          muted: true,
        },
      ];
    default:
      return [
        { text: formatValue(cell.current, format), bold: true },
        {
          text: `${t('previousShort')} ${formatValue(cell.previous, format)}`,
          muted: true,
          small: true,
        },
      ];
  }
}

/** Twips a half-width character of the 10 pt body text takes, and a cell's side margins. */
const TWIPS_PER_UNIT = 105;
const CELL_MARGINS = 160;

/**
 * Column widths from the longest line each column holds: short columns (levels, numbers,
 * ticket numbers) get what they need so they never wrap; long texts (titles) share the rest.
 */
function widthsOf(
  header: readonly string[],
  body: ReadonlyArray<ReadonlyArray<readonly Line[]>>,
): number[] {
  const needed = header.map((text, i) => {
    const longest = Math.max(
      textWidth(text),
      ...body.map(row =>
        Math.max(
          ...row[i].map(line => textWidth(line.text) * (line.small ? 0.8 : 1)),
        ),
      ),
    );
    return Math.max(6, longest) * TWIPS_PER_UNIT + CELL_MARGINS;
  });
  const total = needed.reduce((a, b) => a + b, 0);
  if (total <= TEXT_WIDTH) {
    return needed.map(w => Math.floor(w + ((TEXT_WIDTH - total) * w) / total));
  }
  const short = 20 * TWIPS_PER_UNIT + CELL_MARGINS;
  const fixed = needed.filter(w => w <= short).reduce((a, b) => a + b, 0);
  const flexible = total - fixed;
  if (fixed + flexible / 3 > TEXT_WIDTH) {
    return needed.map(w => Math.floor((w / total) * TEXT_WIDTH));
  }
  const room = TEXT_WIDTH - fixed;
  return needed.map(w => (w <= short ? w : Math.floor((w / flexible) * room)));
}

/** The chart above its table, and the caption that says how to read it. */
function chartParagraphs(
  table: ReportTable,
  chart: ChartImage,
  id: number,
  t: Translate,
): Paragraph[] {
  const caption = t(
    table.chart === 'outcomes' ? 'chartOutcomes' : 'chartCompared',
  );
  return [
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          // An explicit id: docx's own counter runs across documents, and the bytes must not.
          altText: {
            id: String(id),
            name: `chart-${id}`,
            description: caption,
          },
        }),
      ],
    }),
    new Paragraph({
      keepNext: true,
      spacing: { after: 120 },
      children: [new TextRun({ text: caption, size: 16, color: MUTED })],
    }),
  ];
}

function wordTable(
  table: ReportTable,
  t: Translate,
  chart?: { image: ChartImage; id: number },
): Array<Paragraph | Table> {
  const heading = new Paragraph({
    text: table.title,
    heading: HeadingLevel.HEADING_2,
  });
  if (table.rows.length === 0)
    return [heading, paragraph(t('none'), { color: MUTED })];
  const columns = wordColumns(table, t);
  const lines = table.rows.map(row =>
    columns.map(col =>
      cellLines(row[table.columns.indexOf(col.column)], col, t),
    ),
  );
  const widths = widthsOf(
    columns.map(col => col.header),
    lines,
  );
  const align = (col: WordColumn) =>
    col.column.format === 'text' ? 'left' : 'right';
  const cell = (children: Paragraph[], i: number, header = false) =>
    new TableCell({
      children,
      width: { size: widths[i], type: WidthType.DXA },
      shading: header
        ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL }
        : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  const header = new TableRow({
    tableHeader: true,
    children: columns.map((col, i) =>
      cell([paragraph(col.header, { bold: true, align: align(col) })], i, true),
    ),
  });
  const body = lines.map(
    row =>
      new TableRow({
        cantSplit: true,
        children: row.map((texts, i) =>
          cell(
            texts.map(line =>
              paragraph(line.text, {
                align: align(columns[i]),
                bold: line.bold,
                color: line.muted ? MUTED : undefined,
                size: line.small ? 16 : undefined,
              }),
            ),
            i,
          ),
        ),
      }),
  );
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6' };
  return [
    heading,
    ...(chart ? chartParagraphs(table, chart.image, chart.id, t) : []),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: line,
        bottom: line,
        left: line,
        right: line,
        insideHorizontal: line,
        insideVertical: line,
      },
      rows: [header, ...body],
    }),
  ];
}

function cover(
  input: ReportFilesInput,
  t: Translate,
): Array<Paragraph | Table> {
  const { figures, court } = input;
  const kind = figures.kind;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const facts: Array<[string, string]> = [
    [t('contractor'), court.contractor],
    [
      t('scope'),
      figures.systemRef ? shortRef(figures.systemRef) : t('scopeCourt'),
    ],
    [t('period'), periodText(figures.current.period, t)],
    [t('comparedWith'), periodText(figures.previous.period, t)],
    [t('version'), t('versionNumber', { version: input.version })],
    [t('issuedBy'), shortRef(input.issuedBy)],
    [
      t('issuedAt'),
      t('inCourtTime', { time: localTime(input.issuedAt, figures.zone) }),
    ],
  ];
  const spacer = () =>
    new Paragraph({ spacing: { before: 1200 }, children: [] });
  return [
    spacer(),
    spacer(),
    paragraph(court.name, { bold: true, size: 44, align: 'center' }),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    paragraph(reportTitle(kind, figures.current.period, t), {
      bold: true,
      size: 40,
      align: 'center',
    }),
    spacer(),
    new Table({
      width: { size: 7200, type: WidthType.DXA },
      columnWidths: [2600, 4600],
      alignment: AlignmentType.CENTER,
      borders: {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      },
      rows: facts.map(
        ([label, value]) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: 2600, type: WidthType.DXA },
                children: [paragraph(label, { bold: true, size: 24 })],
              }),
              new TableCell({
                width: { size: 4600, type: WidthType.DXA },
                children: [paragraph(value, { size: 24 })],
              }),
            ],
          }),
      ),
    }),
  ];
}

const PAGE_FIELDS: Record<string, string> = {
  C: PageNumber.CURRENT,
  T: PageNumber.TOTAL_PAGES,
};

/** "第 X 页 共 Y 页" with Word's page fields where the label has its placeholders. */
function pageNumberFooter(t: Translate): Footer {
  const parts = t('pageOf', {
    current: '\u0000C\u0000',
    total: '\u0000T\u0000',
  })
    .split('\u0000')
    .filter(part => part !== '')
    .map(part => PAGE_FIELDS[part] ?? part);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: parts, size: 18, color: MUTED })],
      }),
    ],
  });
}

/** The literal core properties, so the document's dates are the issue's, not the render's. */
function coreProperties(input: ReportFilesInput, title: string): string {
  const escape = (text: string) =>
    text.replace(/[<>&"]/g, c => `&#${c.charCodeAt(0)};`);
  const at = new Date(input.issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escape(title)}</dc:title>` +
    `<dc:creator>${escape(input.court.contractor)}</dc:creator>` +
    `<cp:lastModifiedBy>${escape(
      shortRef(input.issuedBy),
    )}</cp:lastModifiedBy>` +
    `<cp:revision>${input.version}</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function renderWord(
  input: ReportFilesInput,
  sections: readonly ReportSection[],
  t: Translate,
): Promise<Buffer> {
  const title = `${input.court.name} ${reportTitle(
    input.figures.kind,
    input.figures.current.period,
    t,
  )}`;
  const tables = sections.flatMap(section => section.tables);
  const images = await Promise.all(tables.map(renderChart));
  const charts = new Map<ReportTable, { image: ChartImage; id: number }>();
  tables.forEach((table, i) => {
    const image = images[i];
    if (image) charts.set(table, { image, id: charts.size + 1 });
  });
  const body = sections.flatMap((section, i) => [
    new Paragraph({
      text: section.title,
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: i === 0,
    }),
    ...(section.summary ? [paragraph(section.summary)] : []),
    ...section.tables.flatMap(table => wordTable(table, t, charts.get(table))),
  ]);
  const doc = new Document({
    title,
    creator: input.court.contractor,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 } },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 22, bold: true, color: '2F5496' },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        footers: {
          default: pageNumberFooter(t),
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
        },
        children: [...cover(input, t), ...body],
      },
    ],
  });
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreProperties(input, title) },
  ]);
  return stampZipEntries(packed, input.issuedAt, input.figures.zone);
}
