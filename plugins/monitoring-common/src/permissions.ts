import { createPermission } from '@backstage/plugin-permission-common';

/** Read alerts, their incidents, the status board and the intake's health. */
export const monitoringReadPermission = createPermission({
  name: 'monitoring.alert.read',
  attributes: { action: 'read' },
});

/** Read what the intake could not place: dead letters and unmapped alerts (the desk). */
export const monitoringIntakeReadPermission = createPermission({
  name: 'monitoring.intake.read',
  attributes: { action: 'read' },
});

export const monitoringPermissions = [
  monitoringReadPermission,
  monitoringIntakeReadPermission,
];
