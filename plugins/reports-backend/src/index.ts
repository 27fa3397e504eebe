/**
 * Court Ops Portal service reports backend: /api/reports.
 *
 * @packageDocumentation
 */
export { reportsPlugin as default } from './plugin';
export { figureSourcesServiceRef } from './service/FigureSources';
export type { FigureSources } from './service/FigureSources';

// What the benchmark (scripts/bench/report-files.ts) renders directly.
export { renderReportFiles } from './files';
