import { DateTime } from 'luxon';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * The zip packages docx and exceljs write stamp each entry with the moment they were written.
 * An issued file must hash the same every time it is rendered, so every entry gets `instant`
 * (as local time in `zone`, the way zip tools read it). The stamps are outside the compressed
 * data and its CRC, so nothing else changes.
 */
export function stampZipEntries(
  zip: Buffer,
  instant: string,
  zone: string,
): Buffer {
  const at = DateTime.fromISO(instant, { zone });
  const dosTime =
    (at.hour << 11) | (at.minute << 5) | Math.floor(at.second / 2);
  const dosDate = ((at.year - 1980) << 9) | (at.month << 5) | at.day;
  const out = Buffer.from(zip);

  let end = out.length - 22;
  while (end >= 0 && out.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0)
    throw new Error('not a zip package: no end of central directory');
  const entries = out.readUInt16LE(end + 10);
  let entry = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(entry) !== CENTRAL_HEADER) {
      throw new Error(`not a zip package: bad central directory entry ${i}`);
    }
    out.writeUInt16LE(dosTime, entry + 12);
    out.writeUInt16LE(dosDate, entry + 14);
    const local = out.readUInt32LE(entry + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) {
      throw new Error(`not a zip package: bad local header of entry ${i}`);
    }
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    entry +=
      46 +
      out.readUInt16LE(entry + 28) +
      out.readUInt16LE(entry + 30) +
      out.readUInt16LE(entry + 32);
  }
  return out;
}
