import type { AuditMessageKey } from '../translation';

// Simplified Chinese: every key of the English messages, no more, no fewer (the type checks it).
const zh: Record<AuditMessageKey, string> = {
  'page.title': '审计记录',
  'page.subtitle':
    '门户中的每一次操作：谁、何时（北京时间）、做了什么；每条记录都带有上一条的哈希值，记录被修改或删除都会被发现。',
  'filter.actor': '人员',
  'filter.actorHelp': '例如 user:default/lina',
  'filter.plugin': '插件',
  'filter.target': '对象（设备或单据）',
  'filter.targetHelp': '例如 INC-2026-00042 或 resource:default/core-switch-01',
  'filter.action': '操作',
  'filter.outcome': '结果',
  'filter.any': '全部',
  'filter.from': '起始日期',
  'filter.to': '截止日期（含）',
  'filter.search': '查询',
  'filter.export': '导出 Excel',
  'column.time': '时间',
  'column.actor': '人员',
  'column.plugin': '插件',
  'column.action': '操作',
  'column.target': '对象',
  'column.outcome': '结果',
  'column.request': '请求',
  'outcome.initiated': '已开始',
  'outcome.succeeded': '成功',
  'outcome.failed': '失败',
  'list.empty': '没有符合条件的记录。',
  'list.more': '显示更多',
  'list.checkpoint': '保留期检查点：已清理 {{pruned}} 条较早的记录',
  'verify.title': '完整性',
  'verify.never': '哈希链尚未校验。',
  'verify.ok': '{{at}} 校验通过：共 {{rows}} 条记录，完整无缺。',
  'verify.broken': '{{at}} 校验失败，第 {{seq}} 条记录有误：{{reason}}',
  'verify.now': '立即校验',
  'verify.running': '正在校验…',
};

export default zh;
