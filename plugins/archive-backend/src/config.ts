import { Config } from '@backstage/config';
import {
  DOCUMENT_CLASSES,
  DocumentClass,
  subClassSchema,
} from '@internal/plugin-archive-common';
import { readConfigAt } from '@internal/plugin-court-node';
import { Info } from 'luxon';
import { z } from 'zod';

/** Sub-classes the portal files into by itself; a court's list must keep them. */
export const FILED_SUB_CLASSES = {
  changeRecord: '变更记录',
  inspectionRecord: '巡检记录',
  weekly: '周报',
  monthly: '月报',
  quarterly: '季度报告',
  serviceReport: '服务报告',
  workPlan: '工作计划',
  workSummary: '工作总结',
  volume: '季度汇编',
} as const;

const F = FILED_SUB_CLASSES;
const DEFAULT_SUB_CLASSES: Record<DocumentClass, string[]> = {
  om: ['运维手册', '操作规程', '表单', F.changeRecord, F.inspectionRecord],
  project: ['项目文档', '交接文档', '系统说明'],
  quality: ['质量管理制度', '质量检查记录'],
  'service-report': [
    F.weekly,
    F.monthly,
    F.quarterly,
    F.serviceReport,
    F.workPlan,
    F.workSummary,
    F.volume,
  ],
  other: ['来函', '传真', '外来资料'],
};

const subClassList = z
  .array(subClassSchema)
  .min(1)
  .transform(list => [...new Set(list)]);

const schema = z
  .strictObject({
    maxFileMb: z.number().positive().max(1024).default(50),
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
      .default('Asia/Shanghai'),
    subClasses: z
      .strictObject(
        Object.fromEntries(
          DOCUMENT_CLASSES.map(c => [
            c,
            subClassList.default(DEFAULT_SUB_CLASSES[c]),
          ]),
        ) as Record<DocumentClass, z.ZodDefault<typeof subClassList>>,
      )
      .prefault({}),
    /** Who the volume's cover and the drafts name. */
    court: subClassSchema.default('人民法院').pipe(z.string().max(100)),
    contractor: subClassSchema
      .default('运维服务单位')
      .pipe(z.string().max(100)),
    contract: subClassSchema
      .default('信息化运维服务合同')
      .pipe(z.string().max(100)),
    filing: z
      .strictObject({
        enabled: z.boolean().default(true),
        everyMinutes: z.number().int().min(1).max(1440).default(10),
        lookBackDays: z.number().int().min(1).max(400).default(45),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    // What the portal files by itself must stay a known sub-class.
    const needed: [DocumentClass, string][] = [
      ['om', F.changeRecord],
      ['om', F.inspectionRecord],
      ...[
        F.weekly,
        F.monthly,
        F.quarterly,
        F.serviceReport,
        F.workPlan,
        F.workSummary,
        F.volume,
      ].map(s => ['service-report', s] as [DocumentClass, string]),
    ];
    for (const [documentClass, subClass] of needed) {
      if (!config.subClasses[documentClass].includes(subClass)) {
        ctx.addIssue({
          code: 'custom',
          path: ['subClasses', documentClass],
          message: `must include ${subClass}: the portal files documents under it`,
        });
      }
    }
  });

export type ArchiveConfig = z.output<typeof schema>;

/** Reads `archive`; a bad value stops the start naming the key. */
export function readArchiveConfig(config: Config): ArchiveConfig {
  return readConfigAt(config, 'archive', schema);
}
