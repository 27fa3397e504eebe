import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { NotImplementedError } from '@backstage/errors';
import {
  ChangeFact,
  ReportFigures,
  ReportLanguage,
  TicketFact,
} from '@internal/plugin-reports-common';

/** What the Word and Excel files of an issued report are made from (src/files). */
export interface ReportFilesInput {
  readonly figures: ReportFigures;
  readonly tickets: readonly TicketFact[];
  readonly changes: readonly ChangeFact[];
  readonly language: ReportLanguage;
  readonly version: number;
  /** Display name or entity ref. */
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly court: { readonly name: string; readonly contractor: string };
}

export interface RenderedFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** Renders a report's files; `renderReportFiles` of src/files in production. */
export type ReportRenderer = (
  input: ReportFilesInput,
) => Promise<RenderedFile[]>;

/**
 * The renderer of the reports plugin. The Word and Excel renderer (src/files) is not in this
 * branch yet, so the default refuses to issue rather than freeze a report without its files.
 */
export const reportRendererServiceRef = createServiceRef<ReportRenderer>({
  id: 'courtops.reports.renderer',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => async () => {
        throw new NotImplementedError(
          'issuing needs the Word and Excel renderer (src/files), which this build does not have',
        );
      },
    }),
});
