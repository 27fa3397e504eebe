import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DOCUMENT_CLASSES,
  DocumentClass,
} from '@internal/plugin-archive-common';
import { CourtClock } from '@internal/plugin-court-node';
import { ArchiveApi } from './archiveApi';

/** The last quarter that has ended at `now` in the court's zone. */
export function lastEndedQuarter(
  now: ReturnType<CourtClock['now']>,
  zone: string,
): { year: number; quarter: number } {
  const previous = now.setZone(zone).startOf('quarter').minus({ quarters: 1 });
  return { year: previous.year, quarter: previous.quarter };
}

/** An empty form field arrives as '' or not at all. */
const blank = (value: unknown) =>
  value === undefined || value === null || value === '';

/** What the step leaves for the template's output. */
interface CompiledVolume {
  [key: string]: string | number;
  documentUrl: string;
  number: string;
  version: number;
  pages: number;
  quarter: string;
}

/**
 * `courtops:archive:compile-volume`: compiles a quarter's bound volume in the archive as the user
 * who runs the template (only the ops manager may). Safe to retry: the task's id is the request
 * key, so the archive adds one version per task however often the step runs.
 */
export function compileVolumeAction(options: {
  archive: ArchiveApi;
  clock: CourtClock;
  zone: string;
}) {
  const { archive, clock, zone } = options;
  return createTemplateAction({
    id: 'courtops:archive:compile-volume',
    description:
      '编制季度文档汇编（PDF 合订本与 Excel 索引）并归档，由运行模板的用户编制。Compiles the quarter’s bound volume (PDF and Excel index) and archives it, as the user who runs the template.',
    supportsDryRun: true,
    examples: [
      {
        description:
          '编制 2026 年第三季度文档汇编 Compile the volume of 2026 Q3',
        example: `steps:
  - id: compile
    action: courtops:archive:compile-volume
    input:
      year: 2026
      quarter: 3
      classes: [om, service-report]
output:
  links:
    - title: 查看汇编
      url: \${{ steps.compile.output.documentUrl }}
`,
      },
    ],
    schema: {
      input: {
        year: z =>
          z
            .union([z.number().int().min(2000).max(2100), z.literal('')])
            .optional()
            .describe(
              '年份 Year; empty with the quarter: the last ended quarter',
            ),
        quarter: z =>
          z
            .union([z.number().int().min(1).max(4), z.literal('')])
            .optional()
            .describe(
              '季度 Quarter 1–4; empty with the year: the last ended quarter',
            ),
        classes: z =>
          z
            .array(
              z.enum(DOCUMENT_CLASSES as [DocumentClass, ...DocumentClass[]]),
            )
            .optional()
            .describe('分类 The classes to bind; empty: all five'),
      },
      output: {
        documentUrl: z => z.string().describe('The volume’s archive page'),
        number: z =>
          z.string().describe('Its document number, e.g. BG-2026-0012'),
        version: z => z.number().describe('The version this task compiled'),
        pages: z => z.number().describe('Pages of the bound PDF'),
        quarter: z => z.string().describe('The quarter compiled, e.g. 2026-Q3'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      if (blank(input.year) !== blank(input.quarter)) {
        throw new InputError(
          `input.${
            blank(input.year) ? 'year' : 'quarter'
          }: give both the year and the quarter, or neither for the last ended quarter`,
        );
      }
      const { year, quarter } =
        blank(input.year) || blank(input.quarter)
          ? lastEndedQuarter(clock.now(), zone)
          : { year: Number(input.year), quarter: Number(input.quarter) };
      const classes = input.classes?.length ? input.classes : undefined;
      const outputAll = (volume: CompiledVolume) => {
        ctx.output('documentUrl', volume.documentUrl);
        ctx.output('number', volume.number);
        ctx.output('version', volume.version);
        ctx.output('pages', volume.pages);
        ctx.output('quarter', volume.quarter);
      };

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would compile the volume of ${year}-Q${quarter} (${
            classes?.join(', ') ?? 'all classes'
          }) as ${ctx.user?.ref ?? 'the user'}`,
        );
        outputAll({
          documentUrl: '/archive',
          number: 'BG-DRY-RUN',
          version: 0,
          pages: 0,
          quarter: `${year}-Q${quarter}`,
        });
        return;
      }

      const compiled = await ctx.checkpoint<CompiledVolume>({
        key: `volume-${year}-Q${quarter}`,
        fn: async () => {
          // As the user who ran the template: the archive checks they may compile volumes.
          const volume = await archive.compileVolume(
            { year, quarter, classes, requestKey: ctx.task.id },
            await ctx.getInitiatorCredentials(),
          );
          return {
            documentUrl: volume.url,
            number: volume.number,
            version: volume.version,
            pages: volume.pages,
            quarter: `${year}-Q${quarter}`,
          };
        },
      });
      ctx.logger.info(
        `Compiled ${compiled.quarter} as ${compiled.number} version ${compiled.version} (${compiled.pages} pages)`,
      );
      outputAll(compiled);
    },
  });
}
