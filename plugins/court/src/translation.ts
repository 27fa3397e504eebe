import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Every string the court's catalog pages add, in English; Chinese lives in translations/zh.ts. */
export const courtMessages = {
  deviceFacts: {
    title: 'Device facts',
    assetTag: 'Asset tag',
    deviceClass: 'Device class',
    location: 'Location',
    vendorModel: 'Vendor / model',
    serial: 'Serial number',
    ip: 'IP address',
    notNetworked: 'Not networked',
    warranty: 'Warranty',
    warrantyActive: 'Until {{date}} ({{days}} days left)',
    warrantyExpiring: 'Until {{date}}: ends in {{days}} days',
    warrantyExpired: 'Expired on {{date}} ({{days}} days ago)',
    warrantyUnknown: 'Not recorded',
    inspectionProfile: 'Inspection profile',
    system: 'System',
    maintainer: 'Maintained by',
    unknownLocation: '{{id}} (not in the location register)',
  },
  systemDevices: {
    title: 'Devices of this system',
    name: 'Device',
    empty: 'No devices are registered under this system.',
  },
  deviceClass: {
    'core-switch': 'Core switch',
    'aggregation-switch': 'Aggregation switch',
    'access-switch': 'Access switch',
    router: 'Router',
    firewall: 'Firewall',
    ups: 'UPS',
    'precision-ac': 'Precision air conditioner',
    pdu: 'Power distribution unit',
    pbx: 'PBX',
    'ip-phone-gateway': 'IP phone gateway',
    'courtroom-recorder': 'Courtroom recorder',
    'courtroom-camera': 'Courtroom camera',
    'trial-display': 'Trial display',
    'conference-codec': 'Conference codec',
    'led-display': 'LED display',
    'info-kiosk': 'Information kiosk',
    nvr: 'Network video recorder',
    camera: 'Camera',
    'access-control': 'Access control',
    server: 'Server',
    storage: 'Storage',
    pc: 'PC',
    printer: 'Printer',
    'antivirus-server': 'Antivirus server',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type CourtMessageKey = MessageKey<typeof courtMessages>;

export const courtTranslationRef = createTranslationRef({
  id: 'court',
  messages: courtMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
