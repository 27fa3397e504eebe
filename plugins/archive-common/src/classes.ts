/**
 * The five classes every document is recorded and archived in (DOC-1), each with the prefix of
 * its document numbers. Sub-classes come from configuration (`archive.subClasses`).
 */
export type DocumentClass =
  | 'om' // 运维文档: manuals, procedures, forms
  | 'project' // 项目文档: of the systems handed over for O&M
  | 'quality' // 质量管理文档
  | 'service-report' // 服务报告文档
  | 'other'; // 其他: letters, faxes, outside material

export const DOCUMENT_CLASSES: readonly DocumentClass[] = [
  'om',
  'project',
  'quality',
  'service-report',
  'other',
];

/** Number prefix per class: YW-2026-0001 (运维), XM, ZL, BG (报告), QT. */
export const CLASS_PREFIXES: Readonly<Record<DocumentClass, string>> = {
  om: 'YW',
  project: 'XM',
  quality: 'ZL',
  'service-report': 'BG',
  other: 'QT',
};

/** A document's number: class prefix, year, sequence gapless per class and year. */
export function documentNumber(
  documentClass: DocumentClass,
  year: number,
  sequence: number,
): string {
  return `${CLASS_PREFIXES[documentClass]}-${year}-${String(sequence).padStart(
    4,
    '0',
  )}`;
}
