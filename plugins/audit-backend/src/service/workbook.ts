import { AuditEvent } from '@internal/plugin-audit-common';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';

/** The audit page's export: one row per event, instants in the court's zone, headings in Chinese and English. */
export async function auditWorkbook(
  events: readonly AuditEvent[],
  options: { zone: string; title: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = options.title;
  const sheet = workbook.addWorksheet('审计记录 Audit', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: '序号 Seq', key: 'seq', width: 10 },
    { header: '时间 Time', key: 'time', width: 20 },
    { header: '操作人 Actor', key: 'actor', width: 28 },
    { header: '插件 Plugin', key: 'plugin', width: 12 },
    { header: '操作 Action', key: 'action', width: 24 },
    { header: '对象 Target', key: 'target', width: 28 },
    { header: '结果 Outcome', key: 'outcome', width: 11 },
    { header: '级别 Severity', key: 'severity', width: 9 },
    { header: '请求 Request', key: 'request', width: 40 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '错误 Error', key: 'error', width: 30 },
    { header: '详情 Details', key: 'meta', width: 50 },
  ];
  for (const event of events) {
    sheet.addRow({
      seq: event.seq,
      time: DateTime.fromISO(event.occurredAt, { zone: 'utc' })
        .setZone(options.zone)
        .toFormat('yyyy-MM-dd HH:mm:ss'),
      actor: event.actor ?? '',
      plugin: event.plugin,
      action: event.eventId,
      target: event.target ?? '',
      outcome: event.outcome,
      severity: event.severity,
      request: event.method ? `${event.method} ${event.url ?? ''}` : '',
      ip: event.ip ?? '',
      error: event.error ?? '',
      meta: event.meta === null ? '' : JSON.stringify(event.meta),
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'L1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
