import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { compileVolume } from './compileVolume';
import {
  FIXTURE_MARKERS,
  fixtureInput,
  markerPdf,
} from './__testUtils__/fixture';
import { pageCount, pageTexts, poppler } from './__testUtils__/poppler';
import type { CompiledVolume, VolumeEntry, VolumePart } from './types';

jest.setTimeout(120_000);

const RESULTS = resolve(__dirname, '../../test-results');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'volume-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The entries the TOC pages print, as pdftotext reads them: title and page number. */
function printedToc(texts: readonly string[], tocPages: number) {
  return texts
    .slice(1, 1 + tocPages)
    .flatMap(text => text.split('\n'))
    .map(line => /^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(m => ({ title: m[1].replace(/\s+/g, ' '), page: Number(m[2]) }));
}

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * What every volume must satisfy, read back by poppler: the page count, the footer on every
 * page, and each printed TOC entry pointing at a page that carries what it names.
 */
function checkVolume(
  file: string,
  result: CompiledVolume,
  markerOf: (documentId: string) => string | undefined,
): string[] {
  expect(pageCount(file)).toBe(result.pages);
  const texts = pageTexts(file, result.pages, true);
  texts.forEach((text, i) =>
    expect(squash(text)).toContain(`第${i + 1}页/共${result.pages}页`),
  );

  const tocPages = texts.findIndex((t, i) => i > 0 && !t.includes('.....'));
  const printed = printedToc(texts, tocPages - 1);
  expect(printed).toEqual(
    result.toc.map(e => ({ title: e.title, page: e.page })),
  );
  for (const entry of printed) {
    const target = squash(texts[entry.page - 1]);
    const bound = result.bound.find(b =>
      entry.title.startsWith(`${b.number} `),
    );
    if (bound?.appended) {
      // A bound document's entry points at its first appended page: its marker, its number.
      expect(target).toContain(`${markerOf(bound.documentId)}-p1`);
      expect(target).toContain(bound.number);
    } else {
      // A part, a generated section, or the page standing in for a file that could not be bound.
      expect(target).toContain(squash(entry.title));
    }
  }
  // Each register row names the pages its appended PDF occupies.
  for (const b of result.bound) {
    const row = squash(texts[b.registerPage - 1]);
    if (b.appended) {
      const { from, pages } = b.appended;
      const range = pages === 1 ? `${from}` : `${from}–${from + pages - 1}`;
      expect(row).toMatch(
        new RegExp(`${b.number}.*?\\d{4}-\\d{2}-\\d{2}.{2,4}${range}`),
      );
    }
  }
  return texts;
}

describe('compileVolume on the fixture quarter', () => {
  let file: string;
  let result: CompiledVolume;
  let texts: string[];
  let reads: string[];

  beforeAll(async () => {
    const input = await fixtureInput();
    reads = input.reads;
    file = join(dir, 'fixture.pdf');
    result = await compileVolume(input, file);
    texts = checkVolume(file, result, id => FIXTURE_MARKERS[id]?.marker);
  });

  it('counts the pages pdfinfo counts: cover, TOC, three parts with 5 appended pages, the generated part', () => {
    expect(result.pages).toBe(pageCount(file));
    // cover 1 + TOC 1 + 3 register pages + 3 + 1 + 1 appended + the generated part on one page
    expect(result.pages).toBe(11);
    expect(result.bytes).toBe(statSync(file).size);
    expect(result.sha256).toBe(
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    );
  });

  it('lists the parts in the TOC, then the bound documents and the generated sections under them', () => {
    expect(result.toc.map(e => `${e.level} ${e.title} ${e.page}`)).toEqual([
      '1 第一部分 运维文档 3',
      '2 YW-2026-0102 审判庭音视频设备操作手册 4',
      '1 第二部分 质量管理文档 7',
      '2 ZL-2026-0011 服务质量自查报告 8',
      '1 第三部分 服务报告文档 9',
      '2 BG-2026-0023 第四季度服务报告 10',
      '1 第四部分 本季度运维工作汇编 11',
      '2 服务报告 11',
      '2 变更登记 11',
      '2 巡检汇总 11',
      '2 故障清单及 SLA 结果 11',
    ]);
  });

  it('round-trips Chinese: the cover names the court and the quarter, the register the titles', () => {
    const cover = squash(texts[0]);
    expect(cover).toContain('某市中级人民法院');
    expect(cover).toContain('运维服务文档汇编');
    expect(cover).toContain('2026年第四季度');
    expect(cover).toContain(squash('2026-Q4 第 1 版'));
    expect(cover).toContain('2026年度信息化运维服务合同（FY-2026-017）');
    expect(cover).toContain('2027年1月5日');
    const register = squash(texts[2]);
    for (const title of [
      '机房空调巡检规程（规程）',
      '审判庭音视频设备操作手册',
      '备份介质交接记录表',
    ]) {
      expect(register).toContain(title);
    }
    expect(register).toContain('法院');
  });

  it('appends each PDF in place after its part register, pages in order, each read once', () => {
    const found = texts.flatMap((text, i) =>
      [...text.matchAll(/([A-Z][A-Z0-9-]+)-p(\d+)/g)].map(m => ({
        marker: `${m[1]}-p${m[2]}`,
        page: i + 1,
      })),
    );
    expect(found).toEqual([
      { marker: 'MANUAL-AV-p1', page: 4 },
      { marker: 'MANUAL-AV-p2', page: 5 },
      { marker: 'MANUAL-AV-p3', page: 6 },
      { marker: 'QUALITY-SELF-p1', page: 8 },
      { marker: 'REPORT-Q4-p1', page: 10 },
    ]);
    expect(reads).toEqual(['d2', 'd6', 'd11']);
    expect(squash(texts[2])).toContain(
      '审判庭音视频设备操作手册2026-10-15运维单位4–6',
    );
    expect(squash(texts[6])).toContain('服务质量自查报告2026-10-30运维单位8');
    expect(result.bound.find(b => b.documentId === 'd2')).toEqual({
      documentId: 'd2',
      number: 'YW-2026-0102',
      documentClass: 'om',
      registerPage: 3,
      appended: { from: 4, pages: 3 },
    });
  });

  it('binds the generated contents in full: report figures, changes, inspections, incidents with SLA results', () => {
    const generated = squash(texts[10]);
    for (const text of [
      '2026年第四季度运维服务报告（第1版）',
      '签发于2027-01-0410:00', // 02:00 UTC in Beijing time
      '服务请求118',
      'CHG-2026-00031核心交换机固件升级否中',
      '2026-10222288/88（100.0%）',
      'INC-2026-00042第三法庭录像中断L2',
      '达标—超时',
    ]) {
      expect(generated).toContain(text);
    }
  });

  it('embeds its fonts as subsets and stays small', () => {
    const fonts = poppler('pdffonts', [file])
      .split('\n')
      .filter(line => line.includes('NotoSansSC'));
    expect(fonts).toHaveLength(2);
    for (const line of fonts) {
      // name type encoding emb sub uni
      expect(line).toMatch(
        /^[A-Z]{6}\+NotoSansSC-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/,
      );
    }
    expect(result.bytes).toBeLessThan(200 * 1024);
  });

  it('renders the cover into the test results', () => {
    mkdirSync(RESULTS, { recursive: true });
    const prefix = join(RESULTS, 'volume-cover');
    poppler('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      prefix,
    ]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(5_000);
  });
});

describe('compileVolume beyond the fixture', () => {
  it('writes a TOC over several pages whose numbers still point at the right pages', async () => {
    const markers = new Map<string, string>();
    const parts: VolumePart[] = (['om', 'project', 'other'] as const).map(
      (documentClass, c) => ({
        documentClass,
        entries: Array.from({ length: 30 }, (_, n): VolumeEntry => {
          const documentId = `doc-${c}-${n}`;
          markers.set(documentId, `M${c}X${n}`);
          return {
            documentId,
            number: `QT-2026-${String(c * 100 + n).padStart(4, '0')}`,
            title: `第${n + 1}号来函（法院信息中心）`,
            date: '2026-11-01',
            source: 'other',
            // Every third has a PDF of one or two pages.
            ...(n % 3 === 0 ? { pdf: { version: 1 } } : {}),
          };
        }),
      }),
    );
    const input = await fixtureInput({
      parts,
      readPdf: async e =>
        markerPdf(markers.get(e.documentId)!, e.number.endsWith('0') ? 2 : 1),
    });
    const file = join(dir, 'many.pdf');
    const result = await compileVolume(input, file);
    const texts = checkVolume(file, result, id => markers.get(id));
    // 3 parts + 30 documents with PDFs + the generated part and its 4 sections: 38 entries.
    expect(result.toc).toHaveLength(38);
    expect(texts[2]).toContain('.....');
    expect(texts[3]).not.toContain('.....');
    expect(result.toc[0].page).toBe(4);
  });

  it('keeps the place of a PDF that cannot be read, with the reason, and binds the rest', async () => {
    const input = await fixtureInput();
    const readPdf = input.readPdf;
    const file = join(dir, 'damaged.pdf');
    const result = await compileVolume(
      {
        ...input,
        readPdf: async e =>
          e.documentId === 'd6'
            ? new TextEncoder().encode('%PDF-1.7 not really')
            : readPdf(e),
      },
      file,
    );
    const texts = checkVolume(file, result, id => FIXTURE_MARKERS[id]?.marker);
    const damaged = result.bound.find(b => b.documentId === 'd6')!;
    expect(damaged.unbound).toBe('文件已损坏或不是 PDF');
    expect(damaged.appended).toBeUndefined();
    expect(squash(texts[7])).toContain('ZL-2026-0011服务质量自查报告');
    expect(squash(texts[7])).toContain('此文件无法装订（文件已损坏或不是PDF）');
    expect(result.bound.find(b => b.documentId === 'd11')!.appended).toEqual({
      from: 10,
      pages: 1,
    });
  });

  it('puts the footer upright along the bottom the reader sees on turned pages', async () => {
    const input = await fixtureInput();
    const readPdf = input.readPdf;
    const file = join(dir, 'turned.pdf');
    const result = await compileVolume(
      {
        ...input,
        readPdf: async e =>
          e.documentId === 'd2'
            ? markerPdf('MANUAL-AV', 3, [90, 180, 270])
            : readPdf(e),
      },
      file,
    );
    const texts = checkVolume(file, result, id => FIXTURE_MARKERS[id]?.marker);
    for (const page of [4, 5, 6]) {
      // pdftotext reads the page as shown: the footer is one line, the document's number after it.
      expect(texts[page - 1]).toMatch(
        new RegExp(`第 ${page} 页 / 共 11 页\\s+YW-2026-0102`),
      );
    }
  });

  it('fails when the store cannot give a file, rather than bind a volume without it', async () => {
    const input = await fixtureInput();
    await expect(
      compileVolume(
        {
          ...input,
          readPdf: async () => Promise.reject(new Error('database gone')),
        },
        join(dir, 'failed.pdf'),
      ),
    ).rejects.toThrow('database gone');
  });

  it('writes to a stream the same bytes it reports', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', chunk => chunks.push(chunk));
    const result = await compileVolume(await fixtureInput(), out);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(result.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      result.sha256,
    );
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the poppler tools', () => {
  it('fail the test with what to install when they are missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => pageCount('volume.pdf')).toThrow(
        /^pdfinfo is not installed: .*apt-get install poppler-utils/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
