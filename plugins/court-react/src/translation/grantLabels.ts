/**
 * How an access grant's state and scopes are named, for every family that shows grants (the
 * access pages, the ticket page). Each family spreads these into its own messages.
 */
export const grantLabelMessages = {
  grantState: {
    requested: 'Requested',
    approved: 'Approved',
    live: 'Live',
    expired: 'Expired',
    refused: 'Refused',
    revoked: 'Revoked',
  },
  grantScope: {
    'view-screen': 'View the screen (user present)',
    'remote-session': 'Remote session',
    'copy-files': 'Copy files',
    'read-database': 'Read a database',
  },
} as const;

/** The same labels in Simplified Chinese, keyed as the translation API flattens them. */
export const grantLabelMessagesZh = {
  'grantState.requested': '待审批',
  'grantState.approved': '已批准',
  'grantState.live': '生效中',
  'grantState.expired': '已到期',
  'grantState.refused': '已拒绝',
  'grantState.revoked': '已撤销',
  'grantScope.view-screen': '在场查看屏幕',
  'grantScope.remote-session': '远程会话',
  'grantScope.copy-files': '拷贝文件',
  'grantScope.read-database': '读取数据库',
} as const;
