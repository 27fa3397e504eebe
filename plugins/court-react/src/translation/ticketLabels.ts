/**
 * How a ticket's type and status are named, for every family that shows tickets (the service
 * desk, the reports). Each family spreads these into its own messages, so the words are the
 * same everywhere and stand in one place.
 */
export const ticketLabelMessages = {
  type: {
    incident: 'Incident',
    'service-request': 'Service request',
    problem: 'Problem',
    complaint: 'Complaint',
    change: 'Change',
  },
  status: {
    new: 'New',
    acknowledged: 'Acknowledged',
    'on-site': 'On site',
    'in-progress': 'In progress',
    pending: 'Pending',
    resolved: 'Resolved',
    closed: 'Closed',
    draft: 'Draft',
    submitted: 'Awaiting approval',
    approved: 'Approved',
    rejected: 'Rejected',
    scheduled: 'Scheduled',
    succeeded: 'Succeeded',
    failed: 'Failed',
    'rolled-back': 'Rolled back',
  },
} as const;

/** The same labels in Simplified Chinese, keyed as the translation API flattens them. */
export const ticketLabelMessagesZh = {
  'type.incident': '故障',
  'type.service-request': '服务请求',
  'type.problem': '问题',
  'type.complaint': '投诉',
  'type.change': '变更',
  'status.new': '新建',
  'status.acknowledged': '已响应',
  'status.on-site': '已到场',
  'status.in-progress': '处理中',
  'status.pending': '挂起',
  'status.resolved': '已解决',
  'status.closed': '已关闭',
  'status.draft': '草稿',
  'status.submitted': '待审批',
  'status.approved': '已批准',
  'status.rejected': '已驳回',
  'status.scheduled': '已排期',
  'status.succeeded': '成功',
  'status.failed': '失败',
  'status.rolled-back': '已回退',
} as const;
