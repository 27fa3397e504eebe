import type { InspectionFigures } from '@internal/plugin-reports-common';
import type { ChangeDetail } from '@internal/plugin-tickets-common';
import { DateTime } from 'luxon';
import { RecordLine, textPdf } from '../pdf/textPdf';

const OUTCOMES: Record<string, string> = {
  succeeded: '成功',
  failed: '失败',
  'rolled-back': '已回退',
};

/** An instant as the court reads it: 2026-11-30 10:00 (Asia/Shanghai). */
function local(instant: string | undefined, zone: string): string {
  return instant
    ? DateTime.fromISO(instant, { zone: 'utc' })
        .setZone(zone)
        .toFormat('yyyy-MM-dd HH:mm')
    : '';
}

/** A finished change was approved; an emergency one may be approved only afterwards. */
function approvalOf(data: ChangeDetail['change']['change']): string {
  if (data.decidedAt) return '批准';
  return data.emergency ? '待事后审批（紧急变更）' : '';
}

/** The change record (变更记录) of a finished change: approval, window, parameter edits, outcome. */
export function changeRecordPdf(
  detail: ChangeDetail,
  zone: string,
): Promise<Uint8Array> {
  const { change } = detail;
  const data = change.change;
  const lines: RecordLine[] = [
    { label: '变更编号', value: change.number },
    { label: '类型', value: data.emergency ? '紧急变更' : '常规变更' },
    { label: '涉及系统', value: change.systemRefs.join('、') },
    { label: '涉及设备', value: change.entityRefs.join('、') },
    { label: '风险等级', value: data.riskLevel },
    { heading: '变更原因' },
    { text: data.reason },
    { heading: '变更内容' },
    { text: change.description },
    { heading: '审批' },
    { label: '审批结论', value: approvalOf(data) },
    { label: '审批人', value: data.decidedBy ?? '' },
    { label: '审批时间', value: local(data.decidedAt, zone) },
    { label: '审批意见', value: data.decisionComment ?? '' },
    { heading: '变更窗口' },
    {
      label: '计划窗口',
      value: `${local(data.window.start, zone)} ～ ${local(
        data.window.end,
        zone,
      )}`,
    },
    { label: '实际开始', value: local(data.startedAt, zone) },
    { label: '实际结束', value: local(data.finishedAt, zone) },
    { heading: '参数变更' },
    ...(data.parameterEdits.length === 0
      ? [{ text: '无' }]
      : data.parameterEdits.map(edit => ({
          text: `${edit.device} ${edit.parameter}: ${edit.oldValue} → ${
            edit.newValue
          }${edit.appliedAt ? `（${local(edit.appliedAt, zone)} 登记）` : ''}`,
        }))),
    { heading: '回退方案' },
    { text: data.rollbackPlan },
    { heading: '结果' },
    { label: '变更结果', value: data.outcome ? OUTCOMES[data.outcome] : '' },
  ];
  return textPdf(`变更记录 ${change.number} ${change.title}`, lines);
}

/** A month's inspection record and virus statistics (巡检记录与病毒统计). */
export function inspectionRecordPdf(
  month: string,
  figures: InspectionFigures,
): Promise<Uint8Array> {
  const coverage = figures.deviceCoverage;
  const lines: RecordLine[] = [
    { heading: '巡检' },
    { label: '计划巡检轮次', value: String(figures.roundsPlanned) },
    { label: '完成巡检轮次', value: String(figures.roundsDone) },
    {
      label: '设备覆盖',
      value: `${coverage.inspected} / ${coverage.devices}${
        coverage.percent !== undefined ? `（${coverage.percent}%）` : ''
      }`,
    },
    { label: '不合格项', value: String(figures.failedItems) },
    { label: '转为故障工单', value: String(figures.incidentsOpened) },
    { heading: '病毒统计' },
    { label: '查杀次数', value: String(figures.viruses.checks) },
    { label: '检查终端数', value: String(figures.viruses.pcs) },
    { label: '感染终端数', value: String(figures.viruses.infectedPcs) },
    { label: '发现病毒数', value: String(figures.viruses.virusesFound) },
  ];
  return textPdf(`${month.replace('-', '年')}月 巡检记录与病毒统计`, lines);
}
