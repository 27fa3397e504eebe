import { createPermission } from '@backstage/plugin-permission-common';

/** See the official schedules the portal works with and where each year comes from. */
export const calendarScheduleReadPermission = createPermission({
  name: 'calendar.schedule.read',
  attributes: { action: 'read' },
});

/** Enter or correct a year's official schedule (the court IT office). */
export const calendarScheduleUpdatePermission = createPermission({
  name: 'calendar.schedule.update',
  attributes: { action: 'update' },
});

/**
 * Be warned that next year's schedule is missing: the home-page banner and
 * the daily notification (ops managers and the court IT office).
 */
export const calendarWarningReadPermission = createPermission({
  name: 'calendar.warning.read',
  attributes: { action: 'read' },
});

export const calendarPermissions = [
  calendarScheduleReadPermission,
  calendarScheduleUpdatePermission,
  calendarWarningReadPermission,
];
