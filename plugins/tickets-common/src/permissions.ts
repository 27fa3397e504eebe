import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of a ticket, for conditional decisions (e.g. "own tickets"). */
export const TICKET_RESOURCE_TYPE = 'ticket';

/** File a ticket. */
export const ticketCreatePermission = createPermission({
  name: 'tickets.ticket.create',
  attributes: { action: 'create' },
});

/** Read one ticket, or see it in a list; court staff are limited to their own. */
export const ticketReadPermission = createPermission({
  name: 'tickets.ticket.read',
  attributes: { action: 'read' },
  resourceType: TICKET_RESOURCE_TYPE,
});

/** See the desk's whole picture: the full queue and SLA compliance figures. */
export const ticketReadAllPermission = createPermission({
  name: 'tickets.ticket.read-all',
  attributes: { action: 'read' },
});

/** Edit a ticket's description and entities, comment on it, link it. */
export const ticketUpdatePermission = createPermission({
  name: 'tickets.ticket.update',
  attributes: { action: 'update' },
  resourceType: TICKET_RESOURCE_TYPE,
});

/**
 * Work a ticket: lifecycle actions (acknowledge … close), assignment, work
 * logs and call-backs. The O&M team's, not the reporter's.
 */
export const ticketWorkPermission = createPermission({
  name: 'tickets.ticket.work',
  attributes: { action: 'update' },
  resourceType: TICKET_RESOURCE_TYPE,
});

/**
 * File a change request (CHG-1). Carrying a change out (schedule, start,
 * succeed, fail, roll back, register a parameter edit) is `tickets.ticket.work`
 * on it, as for every record of the family.
 */
export const changeCreatePermission = createPermission({
  name: 'tickets.change.create',
  attributes: { action: 'create' },
});

/** Approve or reject a change, and let one into a freeze (CHG-2): the court IT office's. */
export const changeApprovePermission = createPermission({
  name: 'tickets.change.approve',
  attributes: { action: 'update' },
});

/** Declare and lift change freeze periods: the court IT office's. */
export const changeFreezeManagePermission = createPermission({
  name: 'tickets.change.freeze',
  attributes: { action: 'update' },
});

export const ticketPermissions = [
  ticketCreatePermission,
  ticketReadPermission,
  ticketReadAllPermission,
  ticketUpdatePermission,
  ticketWorkPermission,
  changeCreatePermission,
  changeApprovePermission,
  changeFreezeManagePermission,
];
