import { MonthlyAccessList } from '@internal/plugin-access-common';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';

const STATE_ZH: Record<string, string> = {
  requested: '待审批',
  approved: '已批准',
  live: '生效中',
  expired: '已到期',
  refused: '已拒绝',
  revoked: '已撤销',
};

const SCOPE_ZH: Record<string, string> = {
  'view-screen': '在场查看屏幕',
  'remote-session': '远程会话',
  'copy-files': '拷贝文件',
  'read-database': '读取数据库',
};

/** The month's grants and uses for the IT office: one sheet each, times in the court's zone. */
export async function monthlyWorkbook(
  list: MonthlyAccessList,
): Promise<Buffer> {
  const local = (iso?: string) =>
    iso
      ? DateTime.fromISO(iso, { zone: 'utc' })
          .setZone(list.zone)
          .toFormat('yyyy-MM-dd HH:mm')
      : '';
  const workbook = new ExcelJS.Workbook();
  const grants = workbook.addWorksheet(`${list.month} 访问授权`);
  grants.addRow([
    '授权编号',
    '设备或系统',
    '设备责任人',
    '工单',
    '范围',
    '理由',
    '申请人',
    '申请时间',
    '开始',
    '结束',
    '状态',
    '审批人',
    '审批时间',
    '说明',
    '使用次数',
    '被拒或标记的使用',
  ]).font = { bold: true };
  const uses = workbook.addWorksheet(`${list.month} 使用记录`);
  uses.addRow([
    '授权编号',
    '设备或系统',
    '工程师',
    '开始',
    '结束',
    '被拒绝',
    '标记',
  ]).font = { bold: true };
  for (const grant of list.grants) {
    grants.addRow([
      grant.id,
      grant.entityRef,
      grant.ownerRef ?? '',
      grant.ticket,
      grant.scopes.map(s => SCOPE_ZH[s] ?? s).join('、'),
      grant.reason,
      grant.requestedBy,
      local(grant.requestedAt),
      local(grant.startsAt),
      local(grant.endsAt),
      STATE_ZH[grant.state] ?? grant.state,
      grant.decidedBy ?? '',
      local(grant.decidedAt),
      grant.note ?? '',
      grant.uses.filter(u => !u.refused).length,
      grant.uses.filter(u => u.flag).length,
    ]);
    for (const use of grant.uses) {
      uses.addRow([
        grant.id,
        grant.entityRef,
        use.engineer,
        local(use.startedAt),
        local(use.endedAt),
        use.refused ? '是' : '否',
        use.flag ?? '',
      ]);
    }
  }
  for (const sheet of [grants, uses]) {
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach(column => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
