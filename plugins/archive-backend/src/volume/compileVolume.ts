import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DateTime } from 'luxon';
import { degrees, PDFDocument, PDFPage, rgb } from 'pdf-lib';
import { CourtFonts, embedCourtFonts, fitText } from '../pdf/fonts';
import { Composer, CONTENT_WIDTH, MARGIN, PAGE_SIZE } from './composer';
import {
  CLASS_NAMES,
  CLOCK_NAMES,
  DECISION_NAMES,
  GENERATED_PART_TITLE,
  GENERATED_SECTIONS,
  OUTCOME_NAMES,
  partLabel,
  quarterName,
  RISK_NAMES,
  SLA_RESULT_NAMES,
  SOURCE_NAMES,
} from './labels';
import type {
  BoundEntry,
  CompiledVolume,
  TocEntry,
  VolumeEntry,
  VolumeGenerated,
  VolumeInput,
} from './types';

export const VOLUME_TITLE = '运维服务文档汇编';
const TOC_TITLE = '目  录';
/** The register's 原文页码 column, filled in once each PDF is appended. */
const REGISTER_PAGES_COLUMN = 5;
const TOC_LINE = 18;
const TOC_TITLE_HEIGHT = 60;

/** TOC entries per page: the first page also carries the title. */
export function tocPageCount(entries: number): number {
  const usable = PAGE_SIZE[1] - MARGIN.top - MARGIN.bottom;
  const first = Math.floor((usable - TOC_TITLE_HEIGHT) / TOC_LINE);
  const other = Math.floor(usable / TOC_LINE);
  return entries <= first ? 1 : 1 + Math.ceil((entries - first) / other);
}

/** How many TOC entries the volume has: known before any page is laid out. */
export function tocEntryCount(input: Pick<VolumeInput, 'parts'>): number {
  const appended = input.parts.reduce(
    (n, part) => n + part.entries.filter(e => e.pdf).length,
    0,
  );
  return (
    input.parts.length + appended + 1 + Object.keys(GENERATED_SECTIONS).length
  );
}

/**
 * Compiles one bound volume: cover, table of contents, one part per class (its register, then
 * each document's PDF appended in place), the generated contents, "第 N 页 / 共 M 页" on every
 * page. The table of contents is written last, onto pages reserved for it, with the final page
 * numbers. Appended PDFs are loaded one at a time and released once their pages are copied.
 */
export async function compileVolume(
  input: VolumeInput,
  out: Writable | string,
): Promise<CompiledVolume> {
  const doc = await PDFDocument.create();
  const fonts = await embedCourtFonts(doc);
  doc.setTitle(`${input.court} ${VOLUME_TITLE} ${quarterName(input.quarter)}`);
  doc.setAuthor(input.contractor);
  doc.setSubject(input.volumeNumber);
  doc.setCreator('Court Ops Portal');
  const compiledAt = DateTime.fromISO(input.compiledAt, { zone: 'utc' });
  doc.setCreationDate(compiledAt.toJSDate());
  doc.setModificationDate(compiledAt.toJSDate());

  drawCover(doc.addPage(PAGE_SIZE), fonts, input);
  const tocPages = Array.from(
    { length: tocPageCount(tocEntryCount(input)) },
    () => doc.addPage(PAGE_SIZE),
  );

  const toc: TocEntry[] = [];
  const bound: BoundEntry[] = [];
  /** Footer labels of appended pages: the document they belong to. */
  const pageLabels = new Map<number, string>();
  const composer = new Composer(doc, fonts);
  const at = (instant?: string) =>
    instant
      ? DateTime.fromISO(instant, { zone: 'utc' })
          .setZone(input.zone)
          .toFormat('yyyy-MM-dd HH:mm')
      : '—';

  for (const [i, part] of input.parts.entries()) {
    const title = `${partLabel(i + 1)} ${CLASS_NAMES[part.documentClass]}`;
    composer.runningHeader = `${quarterName(
      input.quarter,
    )} ${VOLUME_TITLE} · ${title}`;
    composer.newPage();
    toc.push({ level: 1, title, page: composer.heading(title, 18) });
    composer.paragraph(
      `本部分登记文档 ${part.entries.length} 件，其中 ${
        part.entries.filter(e => e.pdf).length
      } 件的 PDF 原文附于登记表之后。`,
      9.5,
    );
    const rows = composer.table(
      [
        { title: '序号', share: 0.06 },
        { title: '文档编号', share: 0.18 },
        { title: '标题', share: 0.4 },
        { title: '日期', share: 0.13 },
        { title: '来源', share: 0.1 },
        { title: '原文页码', share: 0.13 },
      ],
      part.entries.map((e, n) => [
        String(n + 1),
        e.number,
        e.subClass ? `${e.title}（${e.subClass}）` : e.title,
        e.date,
        SOURCE_NAMES[e.source],
        // Written once the PDF is appended and its pages are known.
        '',
      ]),
    );
    for (const [n, entry] of part.entries.entries()) {
      const placed: BoundEntry = {
        documentId: entry.documentId,
        number: entry.number,
        documentClass: part.documentClass,
        registerPage: rows[n].page,
      };
      if (!entry.pdf) {
        bound.push(placed);
        continue;
      }
      const from = doc.getPageCount() + 1;
      const failure = await appendPdf(doc, input, entry);
      if (failure === undefined) {
        const pages = doc.getPageCount() - from + 1;
        for (let p = from; p < from + pages; p++)
          pageLabels.set(p, entry.number);
        rows[n].fill(
          REGISTER_PAGES_COLUMN,
          pages === 1 ? `${from}` : `${from}–${from + pages - 1}`,
        );
        bound.push({ ...placed, appended: { from, pages } });
      } else {
        // A file that cannot be bound still has its place, with the reason, not a hole.
        composer.newPage();
        composer.heading(`${entry.number} ${entry.title}`, 12);
        composer.paragraph(
          `此文件无法装订（${failure}），请在档案系统中查阅原件。`,
        );
        rows[n].fill(REGISTER_PAGES_COLUMN, `${from} 未装订`);
        bound.push({ ...placed, unbound: failure });
      }
      toc.push({
        level: 2,
        title: `${entry.number} ${entry.title}`,
        page: from,
      });
    }
  }

  const generatedTitle = `${partLabel(
    input.parts.length + 1,
  )} ${GENERATED_PART_TITLE}`;
  composer.runningHeader = `${quarterName(
    input.quarter,
  )} ${VOLUME_TITLE} · ${generatedTitle}`;
  composer.newPage();
  toc.push({
    level: 1,
    title: generatedTitle,
    page: composer.heading(generatedTitle, 18),
  });
  writeGenerated(composer, input.generated, at, (title, page) =>
    toc.push({ level: 2, title, page }),
  );

  const pages = doc.getPageCount();
  drawToc(tocPages, fonts, toc);
  doc
    .getPages()
    .forEach((page, i) =>
      drawFooter(page, fonts, i + 1, pages, pageLabels.get(i + 1)),
    );

  const bytes = await doc.save({ objectsPerTick: 2000 });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (typeof out === 'string') {
    await fs.writeFile(out, bytes);
  } else {
    out.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await finished(out);
  }
  return { pages, bytes: bytes.byteLength, sha256, toc, bound };
}

/** Copies every page of an entry's PDF to the end; the reason when it cannot be read. */
async function appendPdf(
  doc: PDFDocument,
  input: VolumeInput,
  entry: VolumeEntry,
): Promise<string | undefined> {
  // A store that cannot read fails the volume; only a file that is not a usable PDF is skipped.
  const bytes = await input.readPdf(entry);
  let copied: PDFPage[];
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    copied = await doc.copyPages(source, source.getPageIndices());
  } catch (error) {
    return error instanceof Error && /encrypt/i.test(error.message)
      ? '文件已加密'
      : '文件已损坏或不是 PDF';
  }
  if (copied.length === 0) return '文件没有页面';
  copied.forEach(page => doc.addPage(page));
  return undefined;
}

function drawCover(page: PDFPage, fonts: CourtFonts, input: VolumeInput): void {
  const [width, height] = PAGE_SIZE;
  const centre = (text: string, y: number, size: number, bold = false) => {
    const font = bold ? fonts.bold : fonts.regular;
    const fitted = fitText(text, font, size, CONTENT_WIDTH);
    page.drawText(fitted, {
      x: (width - font.widthOfTextAtSize(fitted, size)) / 2,
      y,
      size,
      font,
    });
  };
  page.drawRectangle({
    x: 36,
    y: 36,
    width: width - 72,
    height: height - 72,
    borderColor: rgb(0.2, 0.2, 0.2),
    borderWidth: 1.5,
  });
  page.drawRectangle({
    x: 42,
    y: 42,
    width: width - 84,
    height: height - 84,
    borderColor: rgb(0.2, 0.2, 0.2),
    borderWidth: 0.5,
  });
  centre(input.court, height - 170, 22, true);
  centre(VOLUME_TITLE, height - 300, 34, true);
  centre(quarterName(input.quarter), height - 360, 22, true);

  const documents = input.parts.reduce((n, p) => n + p.entries.length, 0);
  const appended = input.parts.reduce(
    (n, p) => n + p.entries.filter(e => e.pdf).length,
    0,
  );
  const rows: Array<[string, string]> = [
    ['卷    号', input.volumeNumber],
    ['运维单位', input.contractor],
    ['合    同', input.contract],
    ['收录文档', `${documents} 件（附 PDF 原文 ${appended} 件）`],
    [
      '编制日期',
      DateTime.fromISO(input.compiledAt, { zone: 'utc' })
        .setZone(input.zone)
        .toFormat('yyyy年M月d日'),
    ],
  ];
  const labelX = 130;
  const valueX = 215;
  rows.forEach(([label, value], i) => {
    const y = height - 500 - i * 34;
    page.drawText(`${label}：`, { x: labelX, y, size: 13, font: fonts.bold });
    page.drawText(fitText(value, fonts.regular, 13, width - valueX - 90), {
      x: valueX,
      y,
      size: 13,
      font: fonts.regular,
    });
    page.drawLine({
      start: { x: valueX - 4, y: y - 6 },
      end: { x: width - 90, y: y - 6 },
      thickness: 0.5,
      color: rgb(0.5, 0.5, 0.5),
    });
  });
}

function drawToc(
  pages: PDFPage[],
  fonts: CourtFonts,
  toc: readonly TocEntry[],
): void {
  const [width, height] = PAGE_SIZE;
  const right = width - MARGIN.right;
  let pageIndex = 0;
  let y = height - MARGIN.top;
  const title = (size: number) =>
    pages[0].drawText(TOC_TITLE, {
      x: (width - fonts.bold.widthOfTextAtSize(TOC_TITLE, size)) / 2,
      y: y - size,
      size,
      font: fonts.bold,
    });
  title(20);
  y -= TOC_TITLE_HEIGHT;
  for (const entry of toc) {
    if (y - TOC_LINE < MARGIN.bottom) {
      pageIndex++;
      y = height - MARGIN.top;
    }
    const page = pages[pageIndex];
    y -= TOC_LINE;
    const font = entry.level === 1 ? fonts.bold : fonts.regular;
    const size = entry.level === 1 ? 11.5 : 9.5;
    const x = MARGIN.left + (entry.level === 1 ? 0 : 18);
    const number = String(entry.page);
    const numberWidth = font.widthOfTextAtSize(number, size);
    const text = fitText(entry.title, font, size, right - x - numberWidth - 40);
    page.drawText(text, { x, y, size, font });
    page.drawText(number, { x: right - numberWidth, y, size, font });
    // Dot leaders from the title to the page number.
    const dotsFrom = x + font.widthOfTextAtSize(text, size) + 6;
    const dotsTo = right - numberWidth - 6;
    const dot = fonts.regular.widthOfTextAtSize('.', size);
    const dots = Math.max(0, Math.floor((dotsTo - dotsFrom) / dot));
    page.drawText('.'.repeat(dots), {
      x: dotsTo - dots * dot,
      y,
      size,
      font: fonts.regular,
      color: rgb(0.5, 0.5, 0.5),
    });
  }
}

function drawFooter(
  page: PDFPage,
  fonts: CourtFonts,
  n: number,
  total: number,
  label: string | undefined,
): void {
  const box = page.getCropBox();
  const size = 8;
  // An appended page may be shown turned (/Rotate, common for landscape scans): the footer goes
  // along the edge the reader sees at the bottom, upright to them.
  const turn = (((page.getRotation().angle % 360) + 360) % 360) as
    | 0
    | 90
    | 180
    | 270;
  const shownWidth = turn % 180 === 0 ? box.width : box.height;
  const put = (text: string, fromLeft: number) => {
    const up = 20;
    const at = {
      0: { x: box.x + fromLeft, y: box.y + up },
      90: { x: box.x + box.width - up, y: box.y + fromLeft },
      180: { x: box.x + box.width - fromLeft, y: box.y + box.height - up },
      270: { x: box.x + up, y: box.y + box.height - fromLeft },
    }[turn];
    page.drawText(text, {
      ...at,
      rotate: degrees(turn),
      size,
      font: fonts.regular,
      color: rgb(0.3, 0.3, 0.3),
    });
  };
  const text = `第 ${n} 页 / 共 ${total} 页`;
  put(text, (shownWidth - fonts.regular.widthOfTextAtSize(text, size)) / 2);
  if (label) {
    put(label, shownWidth - 24 - fonts.regular.widthOfTextAtSize(label, size));
  }
}

function writeGenerated(
  composer: Composer,
  generated: VolumeGenerated,
  at: (instant?: string) => string,
  section: (title: string, page: number) => void,
): void {
  const none = (text: string) => composer.paragraph(text, 9.5);
  const keep = 80;

  section(
    GENERATED_SECTIONS.reports,
    composer.heading(`一、${GENERATED_SECTIONS.reports}`, 14, keep),
  );
  if (generated.reports.length === 0) none('本季度没有签发的服务报告。');
  for (const report of generated.reports) {
    composer.heading(`${report.title}（第 ${report.version} 版）`, 11.5, keep);
    composer.paragraph(
      `报告期 ${report.period}，签发于 ${at(report.issuedAt)}。`,
      9,
    );
    for (const table of report.tables) {
      composer.heading(table.title, 10, 40);
      composer.table(
        table.columns.map(title => ({
          title,
          share: 1 / table.columns.length,
        })),
        table.rows,
      );
    }
  }

  section(
    GENERATED_SECTIONS.changes,
    composer.heading(`二、${GENERATED_SECTIONS.changes}`, 14, keep),
  );
  if (generated.changes.length === 0) none('本季度没有变更。');
  else
    composer.table(
      [
        { title: '变更编号', share: 0.15 },
        { title: '标题', share: 0.27 },
        { title: '紧急', share: 0.06 },
        { title: '风险', share: 0.06 },
        { title: '提交时间', share: 0.14 },
        { title: '审批', share: 0.06 },
        { title: '结果', share: 0.12 },
        { title: '完成时间', share: 0.14 },
      ],
      generated.changes.map(c => [
        c.number,
        c.title,
        c.emergency ? '是' : '否',
        RISK_NAMES[c.risk],
        at(c.filedAt),
        c.decision ? DECISION_NAMES[c.decision] : '待审',
        c.outcome ? OUTCOME_NAMES[c.outcome] : '未完成',
        at(c.finishedAt),
      ]),
    );

  section(
    GENERATED_SECTIONS.inspections,
    composer.heading(`三、${GENERATED_SECTIONS.inspections}`, 14, keep),
  );
  if (generated.inspections.length === 0) none('本季度没有巡检记录。');
  else
    composer.table(
      [
        { title: '月份', share: 0.09 },
        { title: '计划轮次', share: 0.09 },
        { title: '完成轮次', share: 0.09 },
        { title: '设备覆盖', share: 0.16 },
        { title: '不合格项', share: 0.09 },
        { title: '转故障', share: 0.08 },
        { title: '查毒次数', share: 0.1 },
        { title: '终端数', share: 0.1 },
        { title: '感染终端', share: 0.1 },
        { title: '发现病毒', share: 0.1 },
      ],
      generated.inspections.map(m => [
        m.month,
        String(m.roundsPlanned),
        String(m.roundsDone),
        m.devices === 0
          ? '0/0'
          : `${m.inspected}/${m.devices}（${(
              (100 * m.inspected) /
              m.devices
            ).toFixed(1)}%）`,
        String(m.failedItems),
        String(m.incidentsOpened),
        String(m.virusChecks),
        String(m.pcs),
        String(m.infectedPcs),
        String(m.virusesFound),
      ]),
    );

  section(
    GENERATED_SECTIONS.incidents,
    composer.heading(`四、${GENERATED_SECTIONS.incidents}`, 14, keep),
  );
  if (generated.incidents.length === 0) none('本季度没有故障。');
  else {
    const result = (
      i: (typeof generated.incidents)[number],
      clock: keyof typeof CLOCK_NAMES,
    ) => {
      const clockResult = i.sla.find(s => s.clock === clock);
      return clockResult ? SLA_RESULT_NAMES[clockResult.result] : '—';
    };
    composer.table(
      [
        { title: '故障编号', share: 0.15 },
        { title: '标题', share: 0.27 },
        { title: '级别', share: 0.06 },
        { title: '报告时间', share: 0.14 },
        { title: '解决时间', share: 0.14 },
        ...(Object.keys(CLOCK_NAMES) as Array<keyof typeof CLOCK_NAMES>).map(
          clock => ({
            title: CLOCK_NAMES[clock],
            share: 0.08,
          }),
        ),
      ],
      generated.incidents.map(i => [
        i.number,
        i.title,
        i.level,
        at(i.createdAt),
        at(i.resolvedAt),
        result(i, 'response'),
        result(i, 'arrival'),
        result(i, 'resolution'),
      ]),
    );
  }
}
