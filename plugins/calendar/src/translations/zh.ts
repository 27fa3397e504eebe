import type { CalendarMessageKey } from '../translation';

// Simplified Chinese: every key of the English messages, no more, no fewer (the type checks it).
const zh: Record<CalendarMessageKey, string> = {
  'page.title': '法定节假日安排',
  'page.intro':
    '国务院办公厅通知中的放假和调休上班日期。按工作日计时的 SLA 和巡检轮次都依此计算。',
  'years.title': '已覆盖的年份',
  'years.year': '年份',
  'years.source': '来源',
  'years.version': '版本',
  'years.saved': '保存',
  'years.open': '打开',
  'source.portal': '门户录入',
  'source.config': '配置文件（sla.officialSchedules）',
  'source.chinese-days': 'chinese-days 数据包',
  'form.title': '{{year}} 年放假安排',
  'form.year': '年份',
  'form.load': '打开年份',
  'form.holidays': '放假',
  'form.makeUpWorkingDays': '调休上班',
  'form.name': '名称',
  'form.start': '放假首日',
  'form.end': '放假末日',
  'form.date': '日期',
  'form.makeUpFor': '对应节日（可选）',
  'form.addHoliday': '添加假期',
  'form.addMakeUp': '添加调休上班日',
  'form.remove': '删除',
  'form.comment': '备注（如通知文号）',
  'form.save': '保存 {{year}} 年',
  'form.saved': '已保存为第 {{version}} 版，一分钟内在所有服务器生效。',
  'form.fromBuiltIn':
    '当前显示来自{{source}}；保存后改为门户录入，并以门户为准。',
  'form.newYear': '该年份尚未覆盖：请在下方录入通知内容。',
  'form.problems': '保存前请更正：',
  'form.readOnly': '只有法院信息中心可以录入放假安排。',
  'form.version': '第 {{version}} 版，{{by}} 保存于 {{at}}',
  'preview.title': '预览',
  'preview.summary': '工作日 {{workingDays}} 天，节假日放假 {{holidays}} 天',
  'preview.holiday': '放假',
  'preview.makeUp': '调休上班',
  'preview.weekend': '周末',
  'preview.workingDay': '工作日',
  'preview.month': '{{month}} 月',
  'preview.weekdays': '一,二,三,四,五,六,日',
  'preview.monthWorkingDays': '工作日 {{count}} 天',
  'banner.nextYear':
    '{{year}} 年法定节假日安排尚未录入。请在 1 月 1 日前录入国务院办公厅通知，否则按工作日计时的 SLA 和巡检轮次将无法安排。',
  'banner.thisYear':
    '缺少 {{year}} 年法定节假日安排：巡检轮次和按工作日计时的 SLA 正在等待录入。',
  'banner.action': '录入 {{year}} 年',
};

export default zh;
