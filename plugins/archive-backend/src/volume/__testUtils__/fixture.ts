import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import type {
  VolumeEntry,
  VolumeGenerated,
  VolumeInput,
  VolumePart,
} from '../types';

/** A small PDF whose pages say `marker-p1`, `marker-p2`, … (Latin, so any reader finds them). */
export async function markerPdf(
  marker: string,
  pages: number,
  /** Each page's /Rotate, as a scanner sets it for landscape pages. */
  turns: readonly number[] = [],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${marker}-p${p}`, { x: 72, y: 700, size: 24, font });
    page.setRotation(degrees(turns[p - 1] ?? 0));
  }
  return doc.save();
}

const entry = (
  documentId: string,
  number: string,
  title: string,
  date: string,
  extra: Partial<VolumeEntry> = {},
): VolumeEntry => ({
  documentId,
  number,
  title,
  date,
  source: 'contractor',
  ...extra,
});

/**
 * The fixture quarter (2026 Q4): twelve documents in three classes, Chinese titles, three with a
 * PDF appended (one of three pages).
 */
export const FIXTURE_PARTS: readonly VolumePart[] = [
  {
    documentClass: 'om',
    entries: [
      entry('d1', 'YW-2026-0101', '机房空调巡检规程', '2026-10-08', {
        subClass: '规程',
      }),
      entry('d2', 'YW-2026-0102', '审判庭音视频设备操作手册', '2026-10-15', {
        pdf: { version: 1, pages: 3 },
      }),
      entry('d3', 'YW-2026-0103', '备份介质交接记录表', '2026-11-02', {
        source: 'court',
      }),
      entry(
        'd4',
        'YW-2026-0104',
        '核心交换机配置变更记录 CHG-2026-00031',
        '2026-11-20',
      ),
      entry('d5', 'YW-2026-0105', '十二月巡检记录及病毒查杀统计', '2026-12-31'),
    ],
  },
  {
    documentClass: 'quality',
    entries: [
      entry('d6', 'ZL-2026-0011', '服务质量自查报告', '2026-10-30', {
        pdf: { version: 2, pages: 1 },
      }),
      entry('d7', 'ZL-2026-0012', '用户满意度回访汇总', '2026-11-30'),
      entry('d8', 'ZL-2026-0013', '质量改进措施', '2026-12-20', {
        source: 'vendor',
      }),
    ],
  },
  {
    documentClass: 'service-report',
    entries: [
      entry('d9', 'BG-2026-0021', '十月运维月报', '2026-11-03'),
      entry('d10', 'BG-2026-0022', '十一月运维月报', '2026-12-02'),
      entry('d11', 'BG-2026-0023', '第四季度服务报告', '2026-12-31', {
        pdf: { version: 1, pages: 1 },
      }),
      entry('d12', 'BG-2026-0024', '年度服务总结', '2026-12-31', {
        source: 'other',
      }),
    ],
  },
];

/** The marker of each appended PDF, by document id. */
export const FIXTURE_MARKERS: Readonly<
  Record<string, { marker: string; pages: number }>
> = {
  d2: { marker: 'MANUAL-AV', pages: 3 },
  d6: { marker: 'QUALITY-SELF', pages: 1 },
  d11: { marker: 'REPORT-Q4', pages: 1 },
};

export const FIXTURE_GENERATED: VolumeGenerated = {
  reports: [
    {
      title: '2026年第四季度运维服务报告',
      period: '2026-10-01 至 2026-12-31',
      version: 1,
      issuedAt: '2027-01-04T02:00:00Z',
      tables: [
        {
          title: '服务量',
          columns: ['类别', '数量'],
          rows: [
            ['故障', '42'],
            ['服务请求', '118'],
          ],
        },
        {
          title: 'SLA 达标',
          columns: ['时钟', '达标', '超时', '达标率'],
          rows: [['响应', '150', '2', '98.7%']],
        },
      ],
    },
  ],
  changes: [
    {
      number: 'CHG-2026-00031',
      title: '核心交换机固件升级',
      emergency: false,
      risk: 'medium',
      filedAt: '2026-11-18T01:00:00Z',
      decision: 'approved',
      outcome: 'succeeded',
      finishedAt: '2026-11-20T14:00:00Z',
    },
  ],
  inspections: [
    {
      month: '2026-10',
      roundsPlanned: 22,
      roundsDone: 22,
      devices: 88,
      inspected: 88,
      failedItems: 3,
      incidentsOpened: 2,
      virusChecks: 4,
      pcs: 310,
      infectedPcs: 1,
      virusesFound: 2,
    },
  ],
  incidents: [
    {
      number: 'INC-2026-00042',
      title: '第三法庭录像中断',
      level: 'L2',
      createdAt: '2026-10-12T00:30:00Z',
      resolvedAt: '2026-10-12T03:00:00Z',
      sla: [
        { clock: 'response', result: 'met' },
        { clock: 'resolution', result: 'breached' },
      ],
    },
  ],
};

export async function fixtureInput(
  overrides: Partial<VolumeInput> = {},
): Promise<VolumeInput & { reads: string[] }> {
  const pdfs = new Map<string, Uint8Array>();
  for (const [id, { marker, pages }] of Object.entries(FIXTURE_MARKERS)) {
    pdfs.set(id, await markerPdf(marker, pages));
  }
  const reads: string[] = [];
  return {
    court: '某市中级人民法院',
    contractor: '某信息技术有限公司',
    contract: '2026年度信息化运维服务合同（FY-2026-017）',
    quarter: { year: 2026, quarter: 4 },
    volumeNumber: '2026-Q4 第 1 版',
    compiledAt: '2027-01-05T02:00:00Z',
    zone: 'Asia/Shanghai',
    parts: FIXTURE_PARTS,
    generated: FIXTURE_GENERATED,
    readPdf: async e => {
      reads.push(e.documentId);
      const bytes = pdfs.get(e.documentId);
      if (!bytes) throw new Error(`no PDF for ${e.documentId}`);
      return bytes;
    },
    reads,
    ...overrides,
  };
}
