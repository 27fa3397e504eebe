import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { renderReportFiles, RAW_SHEETS } from '.';
import { labelsOf, LabelKey } from './labels';
import {
  fixtureChanges,
  fixtureCourt,
  fixtureFigures,
  fixtureInput,
  fixtureTickets,
} from './testing/fixture';
import type { RenderedFile } from './types';

/**
 * The files open in a real office suite: LibreOffice converts them (Debian's
 * libreoffice-writer-nogui and libreoffice-calc-nogui, installed by .ci/run), poppler reads the
 * PDF, exceljs reads the workbook back, and the raw rows recount to the figures.
 */

jest.setTimeout(240_000);

const run = promisify(execFile);
const TEST_RESULTS = resolve(__dirname, '../../test-results');

async function requireTool(name: string) {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
  } catch {
    throw new Error(
      `${name} is not installed: the report files tests need LibreOffice (soffice) and poppler-utils ` +
        '(pdftotext, pdfinfo, pdftoppm); .ci/run installs libreoffice-writer-nogui ' +
        'libreoffice-calc-nogui poppler-utils',
    );
  }
}

/** Converts with a profile of its own, so parallel runs do not share (and lock) one. */
async function convert(files: string[], to: string, outdir: string) {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outdir,
        ...files,
      ],
      { timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function pdfText(pdf: string, page?: number): Promise<string> {
  const pages = page ? ['-f', String(page), '-l', String(page)] : [];
  const { stdout } = await run('pdftotext', [...pages, pdf, '-']);
  return stdout;
}

/** pdftotext spaces out digits among Chinese characters; compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

function fileNamed(files: RenderedFile[], name: string): Buffer {
  const file = files.find(f => f.name === name);
  if (!file) throw new Error(`no ${name} among ${files.map(f => f.name)}`);
  return file.content;
}

const sha256 = (bytes: Buffer) =>
  createHash('sha256').update(bytes).digest('hex');

/** A CSV line as LibreOffice writes it: fields in double quotes when they hold a comma. */
function csvRows(text: string): string[][] {
  return text
    .split('\n')
    .filter(line => line !== '')
    .map(line => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') {
          quoted = !quoted;
        } else if (ch === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else {
          field += ch;
        }
      }
      fields.push(field);
      return fields;
    });
}

const period = fixtureFigures.current.period;
/** A Beijing-time "2026-11-01 01:00" text falls on a day of the period. */
const inPeriod = (localTime: string | undefined) =>
  !!localTime &&
  localTime.slice(0, 10) >= period.from &&
  localTime.slice(0, 10) <= period.to;

const zh = labelsOf('zh');
const en = labelsOf('en');
const SECTION_KEYS: LabelKey[] = [
  'sectionServices',
  'sectionTimes',
  'sectionCompliance',
  'sectionWork',
  'sectionIncidents',
  'sectionChanges',
  'sectionInspections',
  'sectionKb',
  'sectionSpares',
  'sectionTop',
];

let dir: string;
let zhFiles: RenderedFile[];
let enFiles: RenderedFile[];

beforeAll(async () => {
  for (const tool of [
    'soffice',
    'pdftotext',
    'pdfinfo',
    'pdftoppm',
    'pdfimages',
  ])
    await requireTool(tool);
  dir = mkdtempSync(join(tmpdir(), 'report-files-'));
  zhFiles = await renderReportFiles(fixtureInput());
  enFiles = await renderReportFiles(fixtureInput({ language: 'en' }));
  for (const [language, files] of [
    ['zh', zhFiles],
    ['en', enFiles],
  ] as const) {
    for (const file of files)
      writeFileSync(join(dir, `${language}-${file.name}`), file.content);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('report.docx', () => {
  let zhPdf: string;
  let enPdf: string;
  let pages: number;

  beforeAll(async () => {
    await convert(
      [join(dir, 'zh-report.docx'), join(dir, 'en-report.docx')],
      'pdf',
      dir,
    );
    zhPdf = join(dir, 'zh-report.pdf');
    enPdf = join(dir, 'en-report.pdf');
    const { stdout } = await run('pdfinfo', [zhPdf]);
    pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
    // For a person to look at: the cover as the court receives it.
    mkdirSync(TEST_RESULTS, { recursive: true });
    await run('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      zhPdf,
      join(TEST_RESULTS, 'report-zh-cover'),
    ]);
  });

  it('opens in LibreOffice with the court, the period, the issue and the headline figures, in Chinese', async () => {
    const text = squeeze(await pdfText(zhPdf));
    for (const expected of [
      fixtureCourt.name,
      fixtureCourt.contractor,
      '2026年11月服务月报',
      '2026-11-01至2026-11-30',
      '2026-10-01至2026-10-31',
      '第1版',
      // 01:30Z is 09:30 in Beijing
      '2026-12-0109:30（北京时间）',
      ...SECTION_KEYS.map(key => squeeze(zh(key))),
      // services 5 (previous 4), compliance 75.0 % (previous 90.0 %), work 1,845 minutes,
      // device coverage 97.7 %, the breached tickets by number
      '合计54+1',
      '75.0%',
      '90.0%',
      '1,845',
      '97.7%',
      'INC-2026-00099',
      'INC-2026-00102',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says in words and shows in tables the spare parts used and the repairs, beside October which had no spares data', async () => {
    const text = squeeze(await pdfText(zhPdf));
    const spares = text.slice(text.lastIndexOf(squeeze(zh('sectionSpares'))));
    for (const expected of [
      // 7 parts used, October "—" (no spares plugin then); 2 repairs from 1 vendor, 5.5 days.
      squeeze(
        zh('sparesSummary', {
          parts: '7',
          previousParts: '—',
          returned: 2,
          vendors: 1,
          averageDays: '5.5',
          repeated: 1,
        }),
      ),
      squeeze(zh('sparesBySystem')),
      'trial-system4',
      squeeze(zh('noSystem')),
      // vendor, returned, average and longest days (LibreOffice lays the headers out first)
      '锐取Reach',
      '25.58',
      'court3-av-host2',
    ]) {
      expect(spares).toContain(expected);
    }
  });

  it('numbers its pages in the footer, from the first page after the cover', async () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(squeeze(await pdfText(zhPdf, 1))).not.toContain('第1页');
    for (let page = 2; page <= pages; page++) {
      expect(squeeze(await pdfText(zhPdf, page))).toContain(
        `第${page}页共${pages}页`,
      );
    }
    expect(
      readFileSync(join(TEST_RESULTS, 'report-zh-cover.png')).length,
    ).toBeGreaterThan(1000);
  });

  it('draws its three charts beside their tables, captioned, and they are not blank', async () => {
    // pdfimages -list: page num type width height ... — the pictures LibreOffice laid out.
    const { stdout } = await run('pdfimages', ['-list', zhPdf]);
    const images = stdout
      .split('\n')
      .slice(2)
      .map(line => line.trim().split(/\s+/))
      // Each PNG comes with its alpha channel as a soft mask ('smask').
      .filter(fields => fields[2] === 'image')
      .map(fields => Number(fields[0]));
    expect(images).toHaveLength(3);
    // Services by type, compliance per level × clock, work per system: each on the page of its
    // table's heading, with the caption that says how to read its bars.
    const expected: Array<[LabelKey, LabelKey]> = [
      ['servicesByType', 'chartCompared'],
      ['complianceByLevel', 'chartOutcomes'],
      ['workBySystem', 'chartCompared'],
    ];
    for (const [i, [title, caption]] of expected.entries()) {
      const text = squeeze(await pdfText(zhPdf, images[i]));
      expect(text).toContain(squeeze(zh(title)));
      expect(text).toContain(squeeze(zh(caption)));
    }
    // The services chart's page as pixels: this period's bars are there, in their teal (a
    // colour nothing else on the page has; headings are blue).
    await run('pdftoppm', [
      '-r',
      '40',
      '-f',
      String(images[0]),
      '-l',
      String(images[0]),
      '-singlefile',
      zhPdf,
      join(dir, 'chart-page'),
    ]);
    const ppm = readFileSync(join(dir, 'chart-page.ppm'));
    // P6 header: magic, width, height, maxval, each followed by one whitespace byte.
    const header = /^P6\s+\d+\s+\d+\s+\d+\s/.exec(
      ppm.subarray(0, 64).toString('latin1'),
    )![0];
    let teal = 0;
    for (let i = header.length; i + 2 < ppm.length; i += 3) {
      const near = (value: number, target: number) =>
        Math.abs(value - target) <= 16;
      if (
        near(ppm[i], 0x1f) &&
        near(ppm[i + 1], 0x7a) &&
        near(ppm[i + 2], 0x8c)
      )
        teal++;
    }
    expect(teal).toBeGreaterThan(100);
  });

  it('is all English when asked for in English, but for the court’s own names', async () => {
    const text = await pdfText(enPdf);
    const flat = squeeze(text);
    for (const expected of [
      'Monthly service report, November 2026',
      '2026-11-01 to 2026-11-30',
      'Version 1',
      '2026-12-01 09:30 (Beijing time)',
      'Page 2 of',
      ...SECTION_KEYS.map(key => en(key)),
    ]) {
      expect(flat).toContain(squeeze(expected));
    }
    for (const key of SECTION_KEYS)
      expect(flat).not.toContain(squeeze(zh(key)));
    expect(flat).not.toContain('本期');
    expect(flat).not.toContain('北京时间');
    expect(flat).toContain(fixtureCourt.name);
  });
});

describe('report.xlsx', () => {
  it('reads back with exceljs and its raw rows recount to the figures', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs's types predate Node's generic Buffer.
    await workbook.xlsx.load(
      fileNamed(zhFiles, 'report.xlsx') as unknown as ExcelJS.Buffer,
    );
    const tickets = workbook.getWorksheet(RAW_SHEETS.tickets)!;
    const headers = (tickets.getRow(1).values as unknown[]).slice(1);
    const column = (header: string) => headers.indexOf(header) + 1;
    const rows = Array.from({ length: tickets.rowCount - 1 }, (_, i) =>
      tickets.getRow(i + 2),
    );
    expect(rows).toHaveLength(fixtureTickets.length);

    const created = rows.map(
      row => row.getCell(column(zh('colCreatedAt'))).value as string,
    );
    expect(created.filter(inPeriod)).toHaveLength(
      fixtureFigures.current.tickets.services.total,
    );

    const breachesInPeriod = rows.flatMap(row =>
      (['clockResponse', 'clockArrival', 'clockResolution'] as const).filter(
        clock => {
          const at = row.getCell(
            column(zh('colClockBreachedAt', { clock: zh(clock) })),
          ).value;
          return inPeriod(at as string | undefined);
        },
      ),
    );
    expect(breachesInPeriod).toHaveLength(
      fixtureFigures.current.tickets.compliance.total.breached,
    );
    expect(breachesInPeriod).toHaveLength(
      fixtureFigures.current.tickets.compliance.breaches.length,
    );

    // Numbers are numbers: INC-2026-00101's response took 10 minutes.
    const inc101 = rows.find(row => row.getCell(1).value === 'INC-2026-00101')!;
    expect(
      inc101.getCell(
        column(zh('colClockElapsed', { clock: zh('clockResponse') })),
      ).value,
    ).toBe(10);
    expect(tickets.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(tickets.getColumn(column(zh('colTitle'))).width).toBeGreaterThan(10);

    const workLogs = workbook.getWorksheet(RAW_SHEETS.workLogs)!;
    let minutes = 0;
    workLogs.eachRow((row, n) => {
      if (n > 1) minutes += row.getCell(6).value as number;
    });
    expect(minutes).toBe(fixtureFigures.current.tickets.workMinutes.total);
    expect(workbook.getWorksheet(RAW_SHEETS.changes)!.rowCount).toBe(
      fixtureChanges.length + 1,
    );

    // A section sheet holds the same figures, as numbers, this period beside the previous one.
    const services = workbook.getWorksheet(`1. ${zh('sectionServices')}`)!;
    let total: unknown[] | undefined;
    services.eachRow(row => {
      if (row.getCell(1).value === zh('total'))
        total = (row.values as unknown[]).slice(1, 4);
    });
    expect(total).toEqual([zh('total'), 5, 4]);
    expect(services.views[0]).toMatchObject({ state: 'frozen' });
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([
      ...SECTION_KEYS.map((key, i) => `${i + 1}. ${zh(key)}`),
      'tickets',
      'changes',
      'work logs',
    ]);
  });

  it('opens in LibreOffice, whose reading of the raw sheets recounts the same', async () => {
    const out = join(dir, 'csv');
    // Every sheet to its own CSV (the last token, -1), UTF-8 (76), as shown.
    await convert(
      [join(dir, 'zh-report.xlsx')],
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      out,
    );
    const [header, ...tickets] = csvRows(
      readFileSync(join(out, 'zh-report-tickets.csv'), 'utf8'),
    );
    expect(tickets).toHaveLength(fixtureTickets.length);
    const created = header.indexOf(zh('colCreatedAt'));
    expect(tickets.filter(row => inPeriod(row[created]))).toHaveLength(
      fixtureFigures.current.tickets.services.total,
    );
    const breachedAt = header
      .map((name, i) =>
        name.endsWith(zh('colClockBreachedAt', { clock: '' })) ? i : -1,
      )
      .filter(i => i >= 0);
    expect(breachedAt).toHaveLength(3);
    expect(
      tickets.flatMap(row => breachedAt.filter(i => inPeriod(row[i]))),
    ).toHaveLength(fixtureFigures.current.tickets.compliance.total.breached);
    // The systems of a ticket about two systems stay in one field.
    const inc102 = tickets.find(row => row[0] === 'INC-2026-00102')!;
    expect(inc102[header.indexOf(zh('colSystems'))]).toBe(
      'trial-system, case-filing',
    );

    const [, ...logs] = csvRows(
      readFileSync(join(out, 'zh-report-work logs.csv'), 'utf8'),
    );
    expect(logs.reduce((sum, row) => sum + Number(row[5]), 0)).toBe(
      fixtureFigures.current.tickets.workMinutes.total,
    );
    const compliance = readFileSync(
      join(out, `zh-report-3. ${zh('sectionCompliance')}.csv`),
      'utf8',
    );
    expect(compliance).toContain('INC-2026-00102');

    // The spares sheet: the parts used this period (none known before), the vendor's turnaround.
    const sparesSheet = `${SECTION_KEYS.indexOf('sectionSpares') + 1}. ${zh(
      'sectionSpares',
    )}`;
    const spares = csvRows(
      readFileSync(join(out, `zh-report-${sparesSheet}.csv`), 'utf8'),
    );
    expect(spares.find(row => row[0] === zh('total'))?.slice(0, 3)).toEqual([
      zh('total'),
      '7',
      '',
    ]);
    expect(spares.find(row => row[0] === '锐取 Reach')?.slice(0, 4)).toEqual([
      '锐取 Reach',
      '2',
      '5.5',
      '8',
    ]);
  });
});

describe('the same input', () => {
  it('gives the same bytes, so the SHA-256 frozen with the report can be checked again', async () => {
    // Rendered again with the machine's clock years later: only Date is faked, timers run.
    jest.useFakeTimers({
      now: new Date('2031-05-05T05:05:05Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    let again: RenderedFile[];
    try {
      expect(new Date().getUTCFullYear()).toBe(2031);
      again = await renderReportFiles(fixtureInput());
    } finally {
      jest.useRealTimers();
    }
    expect(again.map(f => [f.name, f.mediaType, sha256(f.content)])).toEqual(
      zhFiles.map(f => [f.name, f.mediaType, sha256(f.content)]),
    );
    // The files carry the instant, not the render's.
    const later = await renderReportFiles(
      fixtureInput({
        issuedAt: DateTime.fromISO('2026-12-01T01:30:00Z')
          .plus({ hours: 1 })
          .toUTC()
          .toISO()!,
      }),
    );
    for (const name of ['report.docx', 'report.xlsx']) {
      expect(sha256(fileNamed(later, name))).not.toBe(
        sha256(fileNamed(zhFiles, name)),
      );
      expect(sha256(fileNamed(enFiles, name))).not.toBe(
        sha256(fileNamed(zhFiles, name)),
      );
    }
  });
});

describe('a quiet period', () => {
  it('renders with no rows: the tables say so and the raw sheets keep their headers', async () => {
    const quiet = {
      ...fixtureFigures.current,
      tickets: {
        ...fixtureFigures.current.tickets,
        times: [],
        compliance: {
          total: { met: 0, breached: 0, running: 0 },
          byLevel: [],
          bySystem: [],
          breaches: [],
        },
        topDevices: [],
        topSystems: [],
      },
    };
    const files = await renderReportFiles(
      fixtureInput({
        figures: {
          ...fixtureFigures,
          kind: 'week',
          current: quiet,
          previous: quiet,
        },
        tickets: [],
        changes: [],
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      fileNamed(files, 'report.xlsx') as unknown as ExcelJS.Buffer,
    );
    expect(workbook.getWorksheet(RAW_SHEETS.tickets)!.rowCount).toBe(1);
    expect(workbook.getWorksheet(RAW_SHEETS.workLogs)!.rowCount).toBe(1);
    const compliance = workbook.getWorksheet(`3. ${zh('sectionCompliance')}`)!;
    const texts: unknown[] = [];
    compliance.eachRow(row => texts.push(row.getCell(1).value));
    expect(texts).toContain(zh('none'));
    expect(fileNamed(files, 'report.docx').length).toBeGreaterThan(5_000);
  });

  it('without the spares plugin says there is no spares data, and its tables are empty', async () => {
    const { spares: _, ...noSpares } = fixtureFigures.current;
    const files = await renderReportFiles(
      fixtureInput({
        figures: { ...fixtureFigures, current: noSpares, previous: noSpares },
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      fileNamed(files, 'report.xlsx') as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.getWorksheet(
      `${SECTION_KEYS.indexOf('sectionSpares') + 1}. ${zh('sectionSpares')}`,
    )!;
    const texts: unknown[] = [];
    sheet.eachRow(row => texts.push(row.getCell(1).value));
    expect(texts).toContain(zh('sparesNoData'));
    expect(texts.filter(text => text === zh('none'))).toHaveLength(5);
    const docx = join(dir, 'no-spares.docx');
    writeFileSync(docx, fileNamed(files, 'report.docx'));
    await convert([docx], 'pdf', dir);
    expect(squeeze(await pdfText(join(dir, 'no-spares.pdf')))).toContain(
      squeeze(zh('sparesNoData')),
    );
  });
});
