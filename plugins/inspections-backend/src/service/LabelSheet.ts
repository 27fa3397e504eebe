import { LocationRegister } from '@internal/plugin-court-common';
import {
  compareRouteOrder,
  LabelSheetInfo,
  routeKeyOf,
  routeOrderKey,
} from '@internal/plugin-inspections-common';
import QRCode from 'qrcode';
import { InspectedEntity } from './DeviceDirectory';

/** A4 in millimetres, 3 × 8 labels of 70 × 37 mm (the common 24-up label stock). */
const PAGE = { width: 210, height: 297 };
const LABEL = { width: 70, height: 37 };
const COLUMNS = 3;
const ROWS = 8;
export const LABELS_PER_PAGE = COLUMNS * ROWS;
const TOP = (PAGE.height - ROWS * LABEL.height) / 2;
const QR_SIZE = 31;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    c =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' }[
        c
      ]!),
  );

/** Splits text into lines of at most `width` characters (CJK text has no spaces to break at). */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length && out.length < lines; i += width) {
    out.push(text.slice(i, i + width));
  }
  if (text.length > width * lines) {
    out[lines - 1] = `${out[lines - 1].slice(0, width - 1)}…`;
  }
  return out;
}

/** Which devices get labels, in walking order: devices with an asset tag. */
export function labelledDevices(
  entities: readonly InspectedEntity[],
  filter: { system?: string; building?: string },
): InspectedEntity[] {
  return entities
    .filter(
      e =>
        e.kind === 'resource' &&
        e.assetTag &&
        (!filter.system || e.systemRef === filter.system) &&
        (!filter.building || routeKeyOf(e.location) === filter.building),
    )
    .sort((a, b) =>
      compareRouteOrder(
        routeOrderKey(a.location, a.name),
        routeOrderKey(b.location, b.name),
      ),
    );
}

export function sheetInfo(devices: readonly unknown[]): LabelSheetInfo {
  return {
    devices: devices.length,
    pages: Math.max(1, Math.ceil(devices.length / LABELS_PER_PAGE)),
    perPage: LABELS_PER_PAGE,
  };
}

/** The page a label's QR code opens: the scan route of the inspections page. */
export function scanUrl(appBaseUrl: string, device: InspectedEntity): string {
  const [, namespace, name] = /^resource:([^/]+)\/(.+)$/.exec(device.ref) ?? [];
  return `${appBaseUrl}/inspections/scan/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/**
 * One A4 page of asset labels as SVG: asset tag, name, location in Chinese
 * and a QR code that opens the device's scan page in the portal.
 */
export async function labelSheetSvg(options: {
  devices: readonly InspectedEntity[];
  page: number;
  register: LocationRegister;
  appBaseUrl: string;
}): Promise<string> {
  const { devices, page, register, appBaseUrl } = options;
  const onPage = devices.slice(
    (page - 1) * LABELS_PER_PAGE,
    page * LABELS_PER_PAGE,
  );
  const labels = await Promise.all(
    onPage.map(async (device, i) => {
      const x = (i % COLUMNS) * LABEL.width;
      const y = TOP + Math.floor(i / COLUMNS) * LABEL.height;
      const url = scanUrl(appBaseUrl, device);
      const qr = (
        await QRCode.toString(url, {
          type: 'svg',
          margin: 0,
          errorCorrectionLevel: 'M',
        })
      ).replace(
        '<svg ',
        `<svg x="2" y="${
          (LABEL.height - QR_SIZE) / 2
        }" width="${QR_SIZE}" height="${QR_SIZE}" `,
      );
      const location = device.location
        ? register.get(device.location)
        : undefined;
      const where = location
        ? [
            `${location.building} ${location.floor}`,
            ...wrap(location.room, 11, 1),
          ]
        : [];
      const name = wrap(device.title, 10, 2);
      const text = (
        line: string,
        dy: number,
        size: number,
        weight = 'normal',
      ) =>
        `<text x="35" y="${dy}" font-size="${size}" font-weight="${weight}">${escapeXml(
          line,
        )}</text>`;
      return [
        `<g transform="translate(${x} ${y})" data-asset-tag="${escapeXml(
          device.assetTag!,
        )}">`,
        `<rect x="0.5" y="0.5" width="${LABEL.width - 1}" height="${
          LABEL.height - 1
        }" rx="2" fill="none" stroke="#bbb" stroke-width="0.2"/>`,
        qr,
        text(device.assetTag!, 8, 4.2, 'bold'),
        ...name.map((line, n) => text(line, 13.5 + n * 4, 3.2)),
        ...where.map((line, n) => text(line, 23.5 + n * 3.6, 2.8)),
        text('扫码巡检 Scan to inspect', 34, 2.2),
        '</g>',
      ].join('');
    }),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}mm" height="${PAGE.height}mm" viewBox="0 0 ${PAGE.width} ${PAGE.height}" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif">`,
    `<rect width="${PAGE.width}" height="${PAGE.height}" fill="#fff"/>`,
    ...labels,
    '</svg>',
  ].join('\n');
}
