import ExcelJS from 'exceljs';
import { CLASS_NAMES, partLabel, quarterName, SOURCE_NAMES } from './labels';
import type { CompiledVolume, VolumeInput } from './types';

/**
 * The Excel index of a compiled volume: every document bound, with the page of its register row
 * and of its appended PDF, then the table of contents. Pages are those `compileVolume` placed, so
 * the index is written after the volume.
 */
export async function volumeIndexWorkbook(
  input: VolumeInput,
  compiled: CompiledVolume,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = input.contractor;
  workbook.title = `${input.court} ${quarterName(input.quarter)} 卷内目录`;

  const documents = workbook.addWorksheet('卷内目录', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  documents.columns = [
    { header: '部分', key: 'part', width: 22 },
    { header: '序号', key: 'seq', width: 6 },
    { header: '文档编号', key: 'number', width: 16 },
    { header: '标题', key: 'title', width: 44 },
    { header: '子类', key: 'subClass', width: 12 },
    { header: '日期', key: 'date', width: 12 },
    { header: '来源', key: 'source', width: 10 },
    { header: '登记页', key: 'registerPage', width: 8 },
    { header: '原文起始页', key: 'from', width: 10 },
    { header: '原文页数', key: 'pages', width: 9 },
    { header: '备注', key: 'note', width: 24 },
  ];
  const placed = new Map(compiled.bound.map(b => [b.documentId, b]));
  input.parts.forEach((part, p) =>
    part.entries.forEach((entry, n) => {
      const bound = placed.get(entry.documentId);
      documents.addRow({
        part: `${partLabel(p + 1)} ${CLASS_NAMES[part.documentClass]}`,
        seq: n + 1,
        number: entry.number,
        title: entry.title,
        subClass: entry.subClass ?? '',
        date: entry.date,
        source: SOURCE_NAMES[entry.source],
        registerPage: bound?.registerPage,
        from: bound?.appended?.from,
        pages: bound?.appended?.pages,
        note: bound?.unbound ? `未装订：${bound.unbound}` : '',
      });
    }),
  );
  documents.getRow(1).font = { bold: true };
  documents.autoFilter = { from: 'A1', to: 'K1' };

  const toc = workbook.addWorksheet('目录', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  toc.columns = [
    { header: '标题', key: 'title', width: 60 },
    { header: '页码', key: 'page', width: 8 },
  ];
  for (const entry of compiled.toc) {
    const row = toc.addRow({ title: entry.title, page: entry.page });
    if (entry.level === 1) row.font = { bold: true };
    else row.getCell('title').alignment = { indent: 2 };
  }
  toc.getRow(1).font = { bold: true };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
