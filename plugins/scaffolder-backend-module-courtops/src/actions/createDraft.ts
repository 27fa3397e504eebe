import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ArchiveApi, documentPage, DraftRequest } from './archiveApi';

const DRAFT_KINDS: [DraftRequest['kind'], ...DraftRequest['kind'][]] = [
  'work-plan',
  'work-summary',
  'weekly',
  'monthly',
];

/** What the step leaves for the template's output. */
interface ArchivedDraft {
  [key: string]: string | number;
  documentUrl: string;
  number: string;
  version: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `courtops:archive:draft`: a DOC-3 draft (work plan, work summary, weekly or monthly report)
 * as a Word file prefilled with the period's figures, archived as version 1 for the ops manager
 * to finish. Safe to retry: the task's id is the request key.
 */
export function createDraftAction(options: { archive: ArchiveApi }) {
  const { archive } = options;
  return createTemplateAction({
    id: 'courtops:archive:draft',
    description:
      '生成工作计划、工作总结、周报或月报草稿（Word，预填期间数据）并归档。Drafts a work plan, work summary, weekly or monthly report as a Word file prefilled with the period’s figures, and archives it.',
    supportsDryRun: true,
    examples: [
      {
        description:
          '生成 2026 年 11 月月报草稿 Draft the monthly report of November 2026',
        example: `steps:
  - id: draft
    action: courtops:archive:draft
    input:
      kind: monthly
      from: '2026-11-01'
      to: '2026-11-30'
output:
  links:
    - title: 打开草稿
      url: \${{ steps.draft.output.documentUrl }}
`,
      },
    ],
    schema: {
      input: {
        kind: z =>
          z
            .enum(DRAFT_KINDS)
            .describe(
              'work-plan 工作计划, work-summary 工作总结, weekly 周报, monthly 月报',
            ),
        from: z =>
          z
            .string()
            .regex(isoDate, 'a date as YYYY-MM-DD')
            .describe('起始日期 First day'),
        to: z =>
          z
            .string()
            .regex(isoDate, 'a date as YYYY-MM-DD')
            .describe('截止日期 Last day'),
      },
      output: {
        documentUrl: z => z.string().describe('The draft’s archive page'),
        number: z => z.string().describe('Its document number'),
        version: z => z.number().describe('The version holding the draft'),
      },
    },
    async handler(ctx) {
      const { kind, from, to } = ctx.input;
      const outputAll = (draft: ArchivedDraft) => {
        ctx.output('documentUrl', draft.documentUrl);
        ctx.output('number', draft.number);
        ctx.output('version', draft.version);
      };
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would draft the ${kind} of ${from} to ${to} as ${
            ctx.user?.ref ?? 'the user'
          }`,
        );
        outputAll({
          documentUrl: '/archive',
          number: 'BG-DRY-RUN',
          version: 0,
        });
        return;
      }
      const draft = await ctx.checkpoint<ArchivedDraft>({
        key: `draft-${kind}-${from}-${to}`,
        fn: async () => {
          const document = await archive.createDraft(
            { kind, from, to, requestKey: ctx.task.id },
            await ctx.getInitiatorCredentials(),
          );
          return {
            documentUrl: documentPage(document.id),
            number: document.number,
            version: document.versions.at(-1)?.version ?? 1,
          };
        },
      });
      ctx.logger.info(`Archived the draft as ${draft.number}`);
      outputAll(draft);
    },
  });
}
