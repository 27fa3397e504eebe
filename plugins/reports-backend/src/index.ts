/**
 * Court Ops Portal service reports backend: /api/reports.
 *
 * @packageDocumentation
 */
export { reportsPlugin as default } from './plugin';
export { figureSourcesServiceRef } from './service/FigureSources';
export type { FigureSources } from './service/FigureSources';
