/**
 * Device facts (REQUIREMENTS CAT-2) live in annotations under one prefix so that any catalog client
 * (search, scaffolder, other plugins) can read them without knowing our code. Key parameters (CAT-4)
 * are structured, so they live in `spec.keyParameters` instead.
 */
export const COURT_ANNOTATION_PREFIX = 'court-ops.io/';

export const DEVICE_ANNOTATIONS = {
  assetTag: 'court-ops.io/asset-tag',
  location: 'court-ops.io/location',
  vendor: 'court-ops.io/vendor',
  model: 'court-ops.io/model',
  serial: 'court-ops.io/serial',
  warrantyEnd: 'court-ops.io/warranty-end',
  ip: 'court-ops.io/ip',
  inspectionProfile: 'court-ops.io/inspection-profile',
  /** The device's DNS host name, as monitoring tools name it. */
  hostname: 'court-ops.io/hostname',
  /** Ids monitoring tools know the device by (a Zabbix host, an exporter target), comma-separated. */
  monitoringId: 'court-ops.io/monitoring-id',
} as const;

export type DeviceFactName = keyof typeof DEVICE_ANNOTATIONS;

/** Where a person (a catalog User) is reached: docs/catalog-model.md, "People's paging addresses". */
export const USER_ANNOTATIONS = {
  mobile: 'court-ops.io/mobile',
  wecomId: 'court-ops.io/wecom-id',
} as const;
