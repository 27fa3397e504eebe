/**
 * Quarterly volume benchmark (not a test), issue #14: a quarter with 3,000 registered documents
 * and 200 appended PDFs of about 2,000 pages in all, plus a quarter's generated contents.
 * Prints the compile time, the peak RSS and the volume's file size. Target: ≤ 60 s, ≤ 1 GB.
 *
 * The appended PDFs are written to a temporary directory first and read one at a time during the
 * compile, as the store serves them, so the process holds only what the volume itself holds.
 *
 *   yarn tsx scripts/bench/archive-volume.ts [--documents 3000] [--pdfs 200] [--keep]
 */
import { mkdtempSync, promises as fs, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { DocumentClass } from '@internal/plugin-archive-common';
import {
  compileVolume,
  type VolumeEntry,
  type VolumeGenerated,
  type VolumeInput,
  type VolumePart,
} from '@internal/plugin-archive-backend';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '3000' },
    pdfs: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const DOCUMENTS = Number(values.documents);
const PDFS = Number(values.pdfs);
const MB = 1024 * 1024;
const CLASSES: DocumentClass[] = [
  'om',
  'project',
  'quality',
  'service-report',
  'other',
];
const TITLES = [
  '机房空调巡检规程',
  '审判庭音视频设备操作手册',
  '备份介质交接记录表',
  '核心交换机配置变更记录',
  '服务质量自查报告',
  '用户满意度回访汇总',
  '电子卷宗系统运维手册',
  '来函：关于网络安全检查的通知',
];

/** A text-heavy PDF of `pages` pages: the kind of file the archive holds most. */
async function samplePdf(n: number, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Appended document ${n}, page ${p}`, {
      x: 56,
      y: 780,
      size: 16,
      font,
    });
    for (let line = 0; line < 45; line++) {
      page.drawText(
        `${line + 1}. Operating record line for device ${
          (n * 31 + line) % 88
        } - checked, normal, signed.`,
        { x: 56, y: 750 - line * 15, size: 9, font },
      );
    }
  }
  return doc.save();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'volume-bench-'));
  try {
    // 200 PDFs of 5 to 15 pages: 2,000 pages in all.
    const pagesOf = (n: number) => 5 + ((n * 7) % 11);
    let appendedPages = 0;
    const generateStart = performance.now();
    for (let n = 0; n < PDFS; n++) {
      appendedPages += pagesOf(n);
      await fs.writeFile(join(dir, `${n}.pdf`), await samplePdf(n, pagesOf(n)));
    }
    const generateSeconds = (performance.now() - generateStart) / 1000;

    const pdfEvery = Math.floor(DOCUMENTS / PDFS);
    let pdfNumber = 0;
    const parts: VolumePart[] = CLASSES.map((documentClass, c) => ({
      documentClass,
      entries: Array.from(
        { length: DOCUMENTS / CLASSES.length },
        (_, i): VolumeEntry => {
          const index = c * (DOCUMENTS / CLASSES.length) + i;
          const withPdf = index % pdfEvery === 0 && pdfNumber < PDFS;
          return {
            documentId: withPdf ? String(pdfNumber++) : `doc-${index}`,
            number: `XX-2026-${String(i + 1).padStart(4, '0')}`,
            title: `${TITLES[index % TITLES.length]}（第 ${index + 1} 号）`,
            date: `2026-${String(10 + (index % 3)).padStart(2, '0')}-${String(
              1 + (index % 28),
            ).padStart(2, '0')}`,
            source: 'contractor',
            ...(withPdf ? { pdf: { version: 1 } } : {}),
          };
        },
      ),
    }));
    const generated: VolumeGenerated = {
      reports: [],
      changes: Array.from({ length: 300 }, (_, i) => ({
        number: `CHG-2026-${String(i + 1).padStart(5, '0')}`,
        title: `核心交换机固件升级 ${i + 1}`,
        emergency: i % 10 === 0,
        risk: 'medium',
        filedAt: '2026-11-18T01:00:00Z',
        decision: 'approved',
        outcome: 'succeeded',
        finishedAt: '2026-11-20T14:00:00Z',
      })),
      inspections: ['2026-10', '2026-11', '2026-12'].map(month => ({
        month,
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
      })),
      incidents: Array.from({ length: 600 }, (_, i) => ({
        number: `INC-2026-${String(i + 1).padStart(5, '0')}`,
        title: `第三法庭录像中断 ${i + 1}`,
        level: 'L3',
        createdAt: '2026-10-12T00:30:00Z',
        resolvedAt: '2026-10-12T03:00:00Z',
        sla: [
          { clock: 'response', result: 'met' },
          { clock: 'resolution', result: i % 17 === 0 ? 'breached' : 'met' },
        ],
      })),
    };
    const input: VolumeInput = {
      court: '某市中级人民法院',
      contractor: '某信息技术有限公司',
      contract: '2026年度信息化运维服务合同（FY-2026-017）',
      quarter: { year: 2026, quarter: 4 },
      volumeNumber: 'BG-2027-0001 第 1 版',
      compiledAt: '2027-01-05T02:00:00Z',
      zone: 'Asia/Shanghai',
      parts,
      generated,
      readPdf: entry => fs.readFile(join(dir, `${entry.documentId}.pdf`)),
    };

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    const out = join(dir, 'volume.pdf');
    const start = performance.now();
    const result = await compileVolume(input, out);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const maxRss = process.resourceUsage().maxRSS * 1024;

    const tocPages = result.toc[0].page - 2;
    console.log(
      [
        `documents registered      ${DOCUMENTS}`,
        `appended PDFs / pages     ${PDFS} / ${appendedPages} (generated in ${generateSeconds.toFixed(
          1,
        )} s, not counted)`,
        `volume pages              ${result.pages} (TOC ${tocPages} pages, ${result.toc.length} entries)`,
        `compile time              ${seconds.toFixed(1)} s   (target ≤ 60 s)`,
        `RSS before / peak sampled ${(baseline / MB).toFixed(0)} MB / ${(
          peak / MB
        ).toFixed(0)} MB`,
        `max RSS of the process    ${(maxRss / MB).toFixed(
          0,
        )} MB   (target ≤ 1024 MB)`,
        `volume file size          ${(statSync(out).size / MB).toFixed(1)} MB`,
      ].join('\n'),
    );
    if (values.keep) console.log(`kept: ${out}`);
    if (seconds > 60 || maxRss > 1024 * MB) process.exitCode = 1;
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
