/**
 * The device classes the court maintains, used as `spec.type` of Resource entities. Inspections pick
 * their checklist by class, reports group by it, and asset tags carry the class code.
 */
export const DEVICE_CLASSES = [
  'core-switch',
  'aggregation-switch',
  'access-switch',
  'router',
  'firewall',
  'ups',
  'precision-ac',
  'pdu',
  'pbx',
  'ip-phone-gateway',
  'courtroom-recorder',
  'courtroom-camera',
  'trial-display',
  'conference-codec',
  'led-display',
  'info-kiosk',
  'nvr',
  'camera',
  'access-control',
  'server',
  'storage',
  'pc',
  'printer',
  'antivirus-server',
] as const;

export type DeviceClass = (typeof DEVICE_CLASSES)[number];

export function isDeviceClass(value: unknown): value is DeviceClass {
  return (
    typeof value === 'string' && (DEVICE_CLASSES as readonly string[]).includes(value)
  );
}
