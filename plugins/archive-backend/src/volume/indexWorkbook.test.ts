import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileVolume } from './compileVolume';
import { volumeIndexWorkbook } from './indexWorkbook';
import { fixtureInput } from './__testUtils__/fixture';

jest.setTimeout(60_000);

describe('volumeIndexWorkbook', () => {
  it('lists every bound document with the pages the volume placed it on, and the TOC', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'volume-index-'));
    try {
      const input = await fixtureInput();
      const compiled = await compileVolume(input, join(dir, 'v.pdf'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await volumeIndexWorkbook(
          input,
          compiled,
        )) as unknown as ExcelJS.Buffer,
      );

      const rows = workbook
        .getWorksheet('卷内目录')!
        .getSheetValues()
        .slice(2)
        .map(row => (row as unknown[]).slice(1));
      expect(rows).toHaveLength(12);
      expect(rows.map(r => r[2])).toEqual(
        input.parts.flatMap(p => p.entries.map(e => e.number)),
      );
      const manual = rows.find(r => r[2] === 'YW-2026-0102')!;
      expect(manual).toEqual([
        '第一部分 运维文档',
        2,
        'YW-2026-0102',
        '审判庭音视频设备操作手册',
        '',
        '2026-10-15',
        '运维单位',
        3,
        4,
        3,
        '',
      ]);
      const plain = rows.find(r => r[2] === 'ZL-2026-0013')!;
      expect(plain.slice(6, 10)).toEqual(['厂商', 7, undefined, undefined]);

      const toc = workbook
        .getWorksheet('目录')!
        .getSheetValues()
        .slice(2)
        .map(row => (row as unknown[]).slice(1));
      expect(toc).toEqual(compiled.toc.map(e => [e.title, e.page]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
