import { createPermission } from '@backstage/plugin-permission-common';

/** See rosters, today's duty board and who is on call now. */
export const dutyRosterReadPermission = createPermission({
  name: 'duty.roster.read',
  attributes: { action: 'read' },
});

/** Generate, edit and publish rosters; approve swaps (the ops manager). */
export const dutyRosterManagePermission = createPermission({
  name: 'duty.roster.manage',
  attributes: { action: 'update' },
});

/** Stand shifts: request swaps and leave, check in and out, keep a calendar feed. */
export const dutyShiftStandPermission = createPermission({
  name: 'duty.shift.stand',
  attributes: { action: 'create' },
});

/** Decide leave for the court: the court IT office. */
export const dutyLeaveApproveCourtPermission = createPermission({
  name: 'duty.leave.approve-court',
  attributes: { action: 'update' },
});

/** Decide leave for the contractor: the ops manager. */
export const dutyLeaveApproveContractorPermission = createPermission({
  name: 'duty.leave.approve-contractor',
  attributes: { action: 'update' },
});

/** Read everyone's attendance and download the monthly sheet. */
export const dutyAttendanceReadPermission = createPermission({
  name: 'duty.attendance.read',
  attributes: { action: 'read' },
});

/** See major-event plans (重点保障), their rounds and in-event tickets. */
export const dutyMajorEventReadPermission = createPermission({
  name: 'duty.major-event.read',
  attributes: { action: 'read' },
});

/** Create and edit major-event plans and write their summaries. */
export const dutyMajorEventManagePermission = createPermission({
  name: 'duty.major-event.manage',
  attributes: { action: 'update' },
});

export const dutyPermissions = [
  dutyRosterReadPermission,
  dutyRosterManagePermission,
  dutyShiftStandPermission,
  dutyLeaveApproveCourtPermission,
  dutyLeaveApproveContractorPermission,
  dutyAttendanceReadPermission,
  dutyMajorEventReadPermission,
  dutyMajorEventManagePermission,
];
