import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { StormFiled } from './IntakeService';

/**
 * The desk's notification that a storm's incident was filed. Its topic `alert-storm` is what
 * paging pages as an alert storm, at any hour (docs/paging.md); the scope keeps one per
 * recipient and one page however often it is sent.
 */
export function stormNotification(
  storm: StormFiled,
  recipients: readonly string[],
): NotificationSendOptions {
  return {
    recipients: { type: 'entity', entityRef: [...recipients] },
    payload: {
      title: `告警风暴 Alert storm: ${storm.systemRef}`,
      description: `${storm.systemRef} 一分钟内告警过多，已归入一张工单 ${storm.ticketNumber}。Too many alerts of ${storm.systemRef} within a minute: they are handled in ${storm.ticketNumber}.`,
      link: `/tickets/${storm.ticketNumber}`,
      severity: 'critical',
      topic: 'alert-storm',
      scope: `monitoring:storm:${storm.stormId}`,
    },
  };
}
