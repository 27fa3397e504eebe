import type {
  AttendanceRecord,
  DutyConfig,
} from '@internal/plugin-duty-common';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';

const FLAG_LABELS: Record<AttendanceRecord['flag'], string> = {
  'on-time': '正常',
  late: '迟到',
  missing: '缺勤',
  upcoming: '未开始',
};

/**
 * The month's attendance sheet: a summary per engineer and post (shifts, on time, late,
 * missing), then every shift with its check-in and check-out, in the court's time.
 */
export async function attendanceWorkbook(
  month: string,
  records: readonly AttendanceRecord[],
  config: Pick<DutyConfig, 'zone' | 'posts'>,
): Promise<Buffer> {
  const local = (instant?: string) =>
    instant
      ? DateTime.fromISO(instant)
          .setZone(config.zone)
          .toFormat('yyyy-MM-dd HH:mm')
      : '';
  const postName = (record: AttendanceRecord) =>
    record.shift.kind === 'phone'
      ? '电话值班'
      : config.posts.find(p => p.id === record.shift.post)?.name ??
        record.shift.post ??
        '';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Court Ops Portal';

  const summary = workbook.addWorksheet(`${month} 汇总`);
  summary.columns = [
    { header: '工程师 Engineer', key: 'engineer', width: 28 },
    { header: '岗位 Post', key: 'post', width: 18 },
    { header: '班次 Shifts', key: 'shifts', width: 10 },
    { header: '正常 On time', key: 'onTime', width: 10 },
    { header: '迟到 Late', key: 'late', width: 10 },
    { header: '缺勤 Missing', key: 'missing', width: 10 },
  ];
  const totals = new Map<
    string,
    {
      engineer: string;
      post: string;
      shifts: number;
      onTime: number;
      late: number;
      missing: number;
    }
  >();
  for (const record of records) {
    if (!record.shift.engineer) continue;
    const key = `${record.shift.engineer}\u0000${postName(record)}`;
    const row = totals.get(key) ?? {
      engineer: record.shift.engineer,
      post: postName(record),
      shifts: 0,
      onTime: 0,
      late: 0,
      missing: 0,
    };
    row.shifts += 1;
    if (record.flag === 'on-time') row.onTime += 1;
    if (record.flag === 'late') row.late += 1;
    if (record.flag === 'missing') row.missing += 1;
    totals.set(key, row);
  }
  summary.addRows(
    [...totals.values()].sort(
      (a, b) =>
        a.engineer.localeCompare(b.engineer) || a.post.localeCompare(b.post),
    ),
  );

  const detail = workbook.addWorksheet(`${month} 明细`);
  detail.columns = [
    { header: '日期 Date', key: 'date', width: 12 },
    { header: '岗位 Post', key: 'post', width: 18 },
    { header: '工程师 Engineer', key: 'engineer', width: 28 },
    { header: '开始 Starts', key: 'starts', width: 18 },
    { header: '结束 Ends', key: 'ends', width: 18 },
    { header: '签到 Checked in', key: 'checkedIn', width: 18 },
    { header: '签退 Checked out', key: 'checkedOut', width: 18 },
    { header: '方式 Method', key: 'method', width: 10 },
    { header: '状态 Status', key: 'flag', width: 10 },
  ];
  for (const record of records) {
    detail.addRow({
      date: record.shift.date,
      post: postName(record),
      engineer: record.shift.engineer ?? '（空缺）',
      starts: local(record.shift.startsAt),
      ends: local(record.shift.endsAt),
      checkedIn: local(record.checkedInAt),
      checkedOut: local(record.checkedOutAt),
      method: record.method ?? '',
      flag: FLAG_LABELS[record.flag],
    });
  }
  for (const sheet of [summary, detail]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
