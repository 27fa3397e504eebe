import { renderExcel } from './excel';
import { labelsOf } from './labels';
import { reportSections } from './model';
import type { RenderedFile, ReportFilesInput } from './types';
import { renderWord } from './word';

export type { RenderedFile, ReportFilesInput } from './types';
export { RAW_SHEETS } from './excel';

export const WORD_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const EXCEL_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The files of an issued report: `report.docx` for reading and signing, `report.xlsx` with the
 * same figures and the rows behind them for recounting. The same input gives the same bytes, so
 * the SHA-256 frozen with the report can be checked again at any time.
 */
export async function renderReportFiles(
  input: ReportFilesInput,
): Promise<RenderedFile[]> {
  const t = labelsOf(input.language);
  const sections = reportSections(input.figures, t);
  const [word, excel] = await Promise.all([
    renderWord(input, sections, t),
    renderExcel(input, sections, t),
  ]);
  return [
    { name: 'report.docx', mediaType: WORD_MEDIA_TYPE, content: word },
    { name: 'report.xlsx', mediaType: EXCEL_MEDIA_TYPE, content: excel },
  ];
}
