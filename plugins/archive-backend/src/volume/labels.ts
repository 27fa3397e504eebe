import type {
  DocumentClass,
  DocumentSource,
  Quarter,
} from '@internal/plugin-archive-common';
import type { SlaResult, VolumeChange, VolumeIncident } from './types';

/** The volume is handed to the court in Chinese: its fixed words. */
export const CLASS_NAMES: Readonly<Record<DocumentClass, string>> = {
  om: '运维文档',
  project: '项目文档',
  quality: '质量管理文档',
  'service-report': '服务报告文档',
  other: '其他文档',
};

export const SOURCE_NAMES: Readonly<Record<DocumentSource, string>> = {
  contractor: '运维单位',
  court: '法院',
  vendor: '厂商',
  other: '其他',
};

const NUMERALS = [
  '零',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
];

/** 1 → 一, up to 十九, which is more parts and sections than a volume has. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n];
  return `十${NUMERALS[n - 10]}`;
}

/** 2026年第四季度 */
export function quarterName(q: Quarter): string {
  return `${q.year}年第${chineseNumeral(q.quarter)}季度`;
}

/** 第一部分 */
export function partLabel(n: number): string {
  return `第${chineseNumeral(n)}部分`;
}

export const GENERATED_PART_TITLE = '本季度运维工作汇编';

export const GENERATED_SECTIONS = {
  reports: '服务报告',
  changes: '变更登记',
  inspections: '巡检汇总',
  incidents: '故障清单及 SLA 结果',
} as const;

export const RISK_NAMES: Readonly<Record<VolumeChange['risk'], string>> = {
  low: '低',
  medium: '中',
  high: '高',
};

export const DECISION_NAMES = { approved: '批准', rejected: '驳回' } as const;

export const OUTCOME_NAMES: Readonly<
  Record<NonNullable<VolumeChange['outcome']>, string>
> = {
  succeeded: '成功',
  failed: '失败',
  'rolled-back': '已回退',
};

export const CLOCK_NAMES: Readonly<
  Record<VolumeIncident['sla'][number]['clock'], string>
> = {
  response: '响应',
  arrival: '到场',
  resolution: '解决',
};

export const SLA_RESULT_NAMES: Readonly<Record<SlaResult, string>> = {
  met: '达标',
  breached: '超时',
  running: '未结束',
};
