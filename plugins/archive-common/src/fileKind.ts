import type { FileKind } from './types';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return (
    bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
  );
}

/** Where the next local file header starts, from `from` on; -1 when none. */
function nextLocalHeader(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 4 <= bytes.length; i++) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x03 &&
      bytes[i + 3] === 0x04
    ) {
      return i;
    }
  }
  return -1;
}

/**
 * The names of a zip's entries, read from their local file headers (no
 * central directory needed). An entry written with a data descriptor (bit 3)
 * does not say its size up front, so the next header is searched for.
 */
function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const names: string[] = [];
  let at = 0;
  while (at >= 0 && at + 30 <= bytes.length) {
    const flags = view.getUint16(at + 6, true);
    const compressedSize = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const nameStart = at + 30;
    if (nameStart + nameLength > bytes.length) break;
    names.push(
      decoder.decode(bytes.subarray(nameStart, nameStart + nameLength)),
    );
    const dataStart = nameStart + nameLength + extraLength;
    at =
      flags & 0x08
        ? nextLocalHeader(bytes, dataStart)
        : nextLocalHeader(bytes, dataStart + compressedSize);
  }
  return names;
}

/**
 * What a file is by its content: the magic bytes, and for the Office formats
 * (zips) whether it holds `[Content_Types].xml` with `word/` or `xl/` parts.
 * Undefined for anything else (including a zip that is neither).
 */
export function detectFileKind(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    const names = zipEntryNames(bytes);
    if (!names.includes('[Content_Types].xml')) return undefined;
    if (names.some(n => n.startsWith('word/'))) return 'docx';
    if (names.some(n => n.startsWith('xl/'))) return 'xlsx';
  }
  return undefined;
}

const EXTENSIONS: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
};

/** The kind a file name claims by its extension (case-insensitive). */
export function kindOfFileName(fileName: string): FileKind | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return match ? EXTENSIONS[match[1].toLowerCase()] : undefined;
}
