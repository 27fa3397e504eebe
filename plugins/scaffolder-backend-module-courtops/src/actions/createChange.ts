import { InputError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  assessRisk,
  CHANGE_OUTCOMES,
  ChangeOutcome,
  ChangeWarning,
  createChangeRequestSchema,
  CreateChangeRequest,
  ROLLBACK_DIFFICULTIES,
  RiskLevel,
  RollbackDifficulty,
  TRIAL_IMPACTS,
  TrialImpact,
} from '@internal/plugin-tickets-common';
import { parseInput } from '@internal/plugin-court-node';
import { TicketsService } from '@internal/plugin-tickets-node';
import { examples } from './createChange.examples';

/** What the step leaves for the template's output: the change and what to look out for. */
interface FiledChange {
  [key: string]: string | string[];
  id: string;
  number: string;
  status: string;
  riskLevel: RiskLevel;
  url: string;
  warnings: string[];
}

/** The risk level in the template's Chinese sentence, so no English word sits in it. */
const RISK_LEVEL_ZH: Record<RiskLevel, string> = {
  low: '低',
  medium: '中',
  high: '高',
};

/** A warning as the task page shows it, in Chinese first as the court reads it. */
function describeWarning(warning: ChangeWarning): string {
  return warning.kind === 'overlap'
    ? `窗口与 ${warning.number}「${warning.title}」重叠 (overlaps ${
        warning.number
      } on ${warning.refs.join(', ')})`
    : `处于冻结期「${warning.title}」${
        warning.excepted ? '，已批准例外' : '，须法院批准例外'
      } (freeze "${warning.title}"${
        warning.excepted ? ', excepted' : ', needs an exception'
      })`;
}

/**
 * `courtops:change:create`: files a change request in the tickets family as
 * the user who ran the template. Safe to retry: the filing is a checkpoint of
 * the task, and the tickets API files once per `scaffolder:<task>:<step>`
 * key, so a task recovered after a crash finds the change it filed.
 */
export function createChangeAction(options: { tickets: TicketsService }) {
  const { tickets } = options;
  return createTemplateAction({
    id: 'courtops:change:create',
    description:
      '提交变更申请（或登记已实施的紧急变更），由运行模板的用户提交。Files a change request (or registers an emergency change done first) in the court’s ticket family, as the user who runs the template.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        title: z =>
          z.string().describe('变更标题 Title: what changes, in one line'),
        description: z =>
          z.string().optional().describe('变更内容 What the change does'),
        reason: z => z.string().describe('变更原因 Why it is needed'),
        entityRefs: z =>
          z
            .array(z.string())
            .min(1)
            .describe(
              '涉及的系统和设备 Systems and devices it touches (System and Resource entity refs)',
            ),
        risk: z =>
          z
            .object({
              trialImpact: z.enum(
                TRIAL_IMPACTS as [TrialImpact, ...TrialImpact[]],
              ),
              rollback: z.enum(
                ROLLBACK_DIFFICULTIES as [
                  RollbackDifficulty,
                  ...RollbackDifficulty[],
                ],
              ),
              testedInSimulation: z.boolean(),
            })
            .describe(
              '风险问题 Risk answers: effect on trials in session, rollback difficulty, tested in a simulated environment',
            ),
        rollbackPlan: z => z.string().describe('回退方案 Rollback plan'),
        window: z =>
          z
            .object({ start: z.string(), end: z.string() })
            .describe(
              '计划窗口 Planned window, ISO 8601 instants; for an emergency change, when it was done',
            ),
        implementer: z =>
          z
            .string()
            .optional()
            .describe(
              '实施人 User entity ref; defaults to the user who runs the template',
            ),
        emergency: z =>
          z
            .boolean()
            .optional()
            .describe('紧急变更 Done first, approved afterwards'),
        outcome: z =>
          z
            .enum(CHANGE_OUTCOMES as [ChangeOutcome, ...ChangeOutcome[]])
            .optional()
            .describe('紧急变更结果 How an emergency change ended'),
        parameterEdits: z =>
          z
            .array(
              z
                .object({
                  device: z.string(),
                  parameter: z.string(),
                  oldValue: z.string().optional(),
                  newValue: z.string(),
                })
                // The court's picker keeps the catalog's rule beside an edit; the handler drops it.
                .passthrough(),
            )
            .optional()
            .describe(
              '关键参数修改 Key-parameter edits: device, parameter, old value (defaults to the register’s), new value',
            ),
        release: z =>
          z
            .object({
              software: z.string(),
              fromVersion: z.string().optional(),
              toVersion: z.string(),
              requirementAnalysis: z.string(),
              trialFeedback: z.string(),
              simulationTest: z.string(),
            })
            .optional()
            .describe(
              '软件发布 A software release (CHG-5): requirement analysis, trial feedback, simulation test',
            ),
        submit: z =>
          z
            .boolean()
            .optional()
            .describe('提交审批 False keeps it a draft; default true'),
      },
      output: {
        id: z => z.string().describe('The change’s id'),
        number: z =>
          z.string().describe('The change’s number, e.g. CHG-2026-00001'),
        status: z => z.string().describe('submitted, or draft'),
        riskLevel: z => z.string().describe('low, medium or high'),
        riskLevelZh: z =>
          z.string().describe('风险等级 低、中 or 高, for the Chinese sentence'),
        url: z => z.string().describe('The change page in the portal'),
        warnings: z =>
          z.array(z.string()).describe('Overlapping changes and freezes'),
      },
    },
    async handler(ctx) {
      const outputAll = (change: FiledChange) => {
        ctx.output('id', change.id);
        ctx.output('number', change.number);
        ctx.output('status', change.status);
        ctx.output('riskLevel', change.riskLevel);
        ctx.output('riskLevelZh', RISK_LEVEL_ZH[change.riskLevel]);
        ctx.output('url', change.url);
        ctx.output('warnings', change.warnings);
      };
      const stepKey = `scaffolder:${ctx.task.id}:${ctx.step?.id ?? 'change'}`;
      const request: CreateChangeRequest = {
        ...ctx.input,
        // Form fields left empty arrive as empty strings; the API wants them absent.
        description: ctx.input.description ?? '',
        implementer: ctx.input.implementer || undefined,
        // Only the edit's own fields: a form field may keep more for the review step.
        parameterEdits: (ctx.input.parameterEdits ?? []).map(edit => ({
          device: edit.device,
          parameter: edit.parameter,
          oldValue: edit.oldValue || undefined,
          newValue: edit.newValue,
        })),
        release: ctx.input.release && {
          ...ctx.input.release,
          fromVersion: ctx.input.release.fromVersion || undefined,
        },
        sourceRef: stepKey,
      };
      // The API's own rules, so a bad input fails here naming the field, before anything is filed.
      const parsed = parseInput(createChangeRequestSchema, request, 'input');

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would file "${parsed.title}" (risk ${assessRisk(
            parsed.risk,
          )}, ${parsed.parameterEdits.length} key-parameter edits) as ${
            ctx.user?.ref ?? 'the user'
          }`,
        );
        const preview: FiledChange = {
          id: 'dry-run',
          number: 'CHG-DRY-RUN',
          status: parsed.emergency || parsed.submit ? 'submitted' : 'draft',
          riskLevel: assessRisk(parsed.risk),
          url: '/changes',
          warnings: [],
        };
        outputAll(preview);
        return;
      }

      const filed = await ctx.checkpoint<FiledChange>({
        key: 'change-filed',
        fn: async () => {
          // As the user who ran the template, not as the scaffolder: the change is theirs.
          const client = tickets.as(await ctx.getInitiatorCredentials());
          const detail = await client.fileChange(request).catch(error => {
            // Say what the tickets API said, e.g. `body.window.start: …`.
            throw ResponseError.is(error)
              ? new InputError(error.body.error.message)
              : error;
          });
          return {
            id: detail.change.id,
            number: detail.change.number,
            status: detail.change.status,
            riskLevel: detail.change.change.riskLevel,
            url: `/changes/${detail.change.number}`,
            // A fresh array: the templating engine refuses arrays of another realm
            // (fetch's parsed JSON is one under Jest).
            warnings: Array.from(detail.warnings, describeWarning),
          };
        },
      });
      ctx.logger.info(`Filed ${filed.number} (${filed.status})`);
      for (const warning of filed.warnings) ctx.logger.warn(warning);
      outputAll(filed);
    },
  });
}
