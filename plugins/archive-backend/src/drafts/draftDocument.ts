import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  PeriodFigures,
  Rate,
  ReportFigures,
} from '@internal/plugin-reports-common';
import { DateTime } from 'luxon';
import { DraftKind, DRAFT_TITLES } from './kinds';

/** What a draft is made from; the same input gives the same bytes. */
export interface DraftInput {
  readonly kind: DraftKind;
  /** The period the draft is about (for a plan: the period planned). */
  readonly period: { readonly from: string; readonly to: string };
  /** The figures it is prefilled with (for a plan: the period before). */
  readonly figures: ReportFigures;
  readonly court: string;
  readonly contractor: string;
  /** When it was drafted: the file's own timestamps, so they never come from the machine's clock. */
  readonly draftedAt: DateTime;
}

const TO_FILL = '（由运维经理填写）';

function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${value.toFixed(1)}%`;
}

function rate(value: Rate): string {
  return `${value.part}/${value.whole}（${percent(value.percent)}）`;
}

/** The headline figures of a period, each as a label and its value. */
function headline(figures: PeriodFigures): Array<[string, string]> {
  const { tickets, inspections } = figures;
  return [
    ['服务请求与故障总数', String(tickets.services.total)],
    ['其中故障', String(tickets.services.byType.incident)],
    ['SLA 达标率', percent(tickets.compliance.total.percent)],
    ['SLA 超时', String(tickets.compliance.total.breached)],
    ['故障解决率', rate(tickets.rates.incidentResolution)],
    [
      '满意度回访（均分）',
      tickets.satisfaction.mean === undefined
        ? '—'
        : tickets.satisfaction.mean.toFixed(2),
    ],
    ['变更申请', String(tickets.changes.filed)],
    ['变更成功率', rate(tickets.changes.successRate)],
    ['巡检完成', `${inspections.roundsDone}/${inspections.roundsPlanned}`],
    ['设备巡检覆盖率', percent(inspections.deviceCoverage.percent)],
    ['巡检发现问题', String(inspections.failedItems)],
    ['病毒查杀（发现病毒）', String(inspections.viruses.virusesFound)],
  ];
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

function figuresTable(figures: ReportFigures, withPrevious: boolean): Table {
  const current = headline(figures.current);
  const previous = headline(figures.previous);
  const header = withPrevious
    ? ['指标', '本期', '上期']
    : [
        '指标',
        `${figures.current.period.from} 至 ${figures.current.period.to}`,
      ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map(text => cell(text, true)),
      }),
      ...current.map(
        ([label, value], i) =>
          new TableRow({
            children: [
              cell(label),
              cell(value),
              ...(withPrevious ? [cell(previous[i][1])] : []),
            ],
          }),
      ),
    ],
  });
}

const heading = (text: string) =>
  new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const toFill = (prompt: string) =>
  new Paragraph({
    children: [new TextRun({ text: `${prompt}${TO_FILL}`, italics: true })],
  });

/** The sections of each kind after its figures: what the ops manager writes. */
function sections(input: DraftInput): Paragraph[] {
  switch (input.kind) {
    case 'work-plan':
      return [
        heading('二、计划巡检'),
        toFill('本期计划巡检轮次、路线与重点设备'),
        heading('三、计划维护'),
        toFill('预防性维护、备份演练、软件升级与变更窗口'),
        heading('四、重点工作'),
        toFill('针对上期问题的改进措施与需法院配合事项'),
      ];
    case 'work-summary':
      return [
        heading('二、主要工作'),
        toFill('本期完成的主要工作'),
        heading('三、存在问题'),
        toFill('SLA 超时、重复故障与遗留问题'),
        heading('四、改进措施'),
        toFill('下一步改进措施'),
      ];
    case 'weekly':
    case 'monthly':
      return [
        heading('二、重要事件'),
        toFill('重大故障、重要保障与变更实施情况'),
        heading('三、存在问题'),
        toFill('需关注的问题与风险'),
        heading(input.kind === 'weekly' ? '四、下周计划' : '四、下月计划'),
        toFill('下一期工作安排'),
      ];
    default:
      throw new Error(`unknown draft kind ${input.kind satisfies never}`);
  }
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    c =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[
        c
      ]!),
  );
}

/** docx stamps core.xml with the machine's clock; the draft's own instant goes there instead. */
function coreProperties(title: string, creator: string, at: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(
      creator,
    )}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Sets every entry's modification time in a zip file (local headers and central directory) to
 * `at`: the zip writer takes the machine's clock, which would make two drafts of the same input
 * differ. The times are outside the entries' checksums, so only these fields change.
 */
export function stampZipEntries(zip: Buffer, at: DateTime): Buffer {
  const out = Buffer.from(zip);
  const dosTime =
    (at.hour << 11) | (at.minute << 5) | Math.floor(at.second / 2);
  const dosDate = ((at.year - 1980) << 9) | (at.month << 5) | at.day;
  for (let offset = 0; offset + 4 <= out.length; ) {
    const signature = out.readUInt32LE(offset);
    if (signature === 0x04034b50) {
      out.writeUInt16LE(dosTime, offset + 10);
      out.writeUInt16LE(dosDate, offset + 12);
      const size = out.readUInt32LE(offset + 18);
      const nameLength = out.readUInt16LE(offset + 26);
      const extraLength = out.readUInt16LE(offset + 28);
      offset += 30 + nameLength + extraLength + size;
    } else if (signature === 0x02014b50) {
      out.writeUInt16LE(dosTime, offset + 12);
      out.writeUInt16LE(dosDate, offset + 14);
      offset +=
        46 +
        out.readUInt16LE(offset + 28) +
        out.readUInt16LE(offset + 30) +
        out.readUInt16LE(offset + 32);
    } else {
      break; // the end of central directory record: nothing dated after it
    }
  }
  return out;
}

/** The draft's file name, e.g. `周报-2026-11-23至2026-11-29.docx`. */
export function draftFileName(input: Pick<DraftInput, 'kind' | 'period'>) {
  return `${DRAFT_TITLES[input.kind]}-${input.period.from}至${
    input.period.to
  }.docx`;
}

/**
 * A DOC-3 draft as a Word file: the court's heading, the period's figures from the reports API
 * and the sections the ops manager writes before uploading the final version.
 */
export async function renderDraft(input: DraftInput): Promise<Buffer> {
  const title = `${input.court}信息系统运维服务${DRAFT_TITLES[input.kind]}`;
  const { figures } = input;
  const looksBack = input.kind === 'work-plan';
  const document = new Document({
    creator: input.contractor,
    title,
    styles: {
      default: {
        document: { run: { font: 'Noto Sans CJK SC', size: 22 } },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({
            text: title,
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun(
                `${looksBack ? '计划期间' : '报告期间'}：${
                  input.period.from
                } 至 ${input.period.to}`,
              ),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun(
                `编制单位：${
                  input.contractor
                }\u3000草稿生成：${input.draftedAt.toISODate()}`,
              ),
            ],
          }),
          heading(looksBack ? '一、上期主要指标' : '一、主要指标'),
          new Paragraph(
            `统计期间 ${figures.current.period.from} 至 ${figures.current.period.to}，数据来自运维门户服务报告。`,
          ),
          figuresTable(figures, !looksBack),
          ...sections(input),
        ],
      },
    ],
  });
  const at = input.draftedAt.toUTC().set({ millisecond: 0 });
  const packed = await Packer.toBuffer(document, false, [
    {
      path: 'docProps/core.xml',
      data: coreProperties(
        title,
        input.contractor,
        at.toISO({ suppressMilliseconds: true })!,
      ),
    },
  ]);
  return stampZipEntries(packed, input.draftedAt);
}
