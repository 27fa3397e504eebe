import { createPermission } from '@backstage/plugin-permission-common';

/** Read part types, stock, movements, repairs and the vendor directory. */
export const sparesReadPermission = createPermission({
  name: 'spares.stock.read',
  attributes: { action: 'read' },
});

/** Receive, issue, return and count parts: the contractor's team. */
export const sparesMovePermission = createPermission({
  name: 'spares.stock.move',
  attributes: { action: 'update' },
});

/** Send devices or parts to a vendor for repair, record their updates and return. */
export const sparesRepairPermission = createPermission({
  name: 'spares.repair.manage',
  attributes: { action: 'update' },
});

/** Keep the part types (and their minimum levels), store locations and vendors: the ops manager. */
export const sparesManagePermission = createPermission({
  name: 'spares.register.manage',
  attributes: { action: 'update' },
});

export const sparesPermissions = [
  sparesReadPermission,
  sparesMovePermission,
  sparesRepairPermission,
  sparesManagePermission,
];
