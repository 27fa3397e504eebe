import fc from 'fast-check';
import { detectFileKind, kindOfFileName } from './fileKind';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(
    parts.flatMap(p => (typeof p === 'string' ? [...Buffer.from(p)] : p)),
  );

/** A zip's local file header and data, stored (no compression). */
function zipEntry(name: string, data: string, descriptor = false): number[] {
  const nameBytes = [...Buffer.from(name)];
  const dataBytes = [...Buffer.from(data)];
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(descriptor ? 0x08 : 0, 6);
  // With a data descriptor the sizes in the header are zero.
  header.writeUInt32LE(descriptor ? 0 : dataBytes.length, 18);
  header.writeUInt32LE(descriptor ? 0 : dataBytes.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  const trailer = descriptor
    ? [0x50, 0x4b, 0x07, 0x08, ...Array(12).fill(0)]
    : [];
  return [...header, ...nameBytes, ...dataBytes, ...trailer];
}

function zip(names: string[], descriptor = false): Uint8Array {
  return Uint8Array.from(
    names.flatMap(name => zipEntry(name, `<x>${name}</x>`, descriptor)),
  );
}

describe('detectFileKind', () => {
  it('tells PDF, PNG and JPEG by their magic bytes', () => {
    expect(detectFileKind(bytes('%PDF-1.7\n%...'))).toBe('pdf');
    expect(
      detectFileKind(
        bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      ),
    ).toBe('png');
    expect(detectFileKind(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(
      'jpeg',
    );
  });

  it('tells Word from Excel by the entries of the zip, with or without data descriptors', () => {
    for (const descriptor of [false, true]) {
      expect(
        detectFileKind(
          zip(
            ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'],
            descriptor,
          ),
        ),
      ).toBe('docx');
      expect(
        detectFileKind(
          zip(
            ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml'],
            descriptor,
          ),
        ),
      ).toBe('xlsx');
    }
  });

  it('refuses a zip that is not an Office document, and text, and nothing', () => {
    expect(detectFileKind(zip(['readme.txt', 'word/x.xml']))).toBeUndefined();
    expect(
      detectFileKind(zip(['[Content_Types].xml', 'ppt/slide1.xml'])),
    ).toBeUndefined();
    expect(detectFileKind(bytes('hello, PDF'))).toBeUndefined();
    expect(detectFileKind(new Uint8Array())).toBeUndefined();
    expect(detectFileKind(bytes('%PD'))).toBeUndefined();
  });

  it('never throws, and knows a file only by what it starts with', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), random => {
        const kind = detectFileKind(random);
        const head = Buffer.from(random.subarray(0, 5)).toString('latin1');
        expect(kind === 'pdf').toBe(head === '%PDF-');
        const office = kind === 'docx' || kind === 'xlsx';
        expect(office && !head.startsWith('PK\x03\x04')).toBe(false);
        // Whatever follows the magic bytes, the kind stays.
        expect(detectFileKind(bytes('%PDF-', [...random]))).toBe('pdf');
      }),
    );
  });

  it('reads an Office zip whatever other entries it holds, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.xml$/), {
          maxLength: 6,
        }),
        fc.constantFrom('word/document.xml', 'xl/workbook.xml'),
        fc.boolean(),
        (others, part, descriptor) => {
          const clean = others.filter(
            n => !n.startsWith('word/') && !n.startsWith('xl/'),
          );
          const names = ['[Content_Types].xml', ...clean, part];
          expect(detectFileKind(zip(names, descriptor))).toBe(
            part.startsWith('word/') ? 'docx' : 'xlsx',
          );
        },
      ),
    );
  });
});

describe('kindOfFileName', () => {
  it('reads the extension in any case', () => {
    expect(kindOfFileName('季度报告.PDF')).toBe('pdf');
    expect(kindOfFileName('a.b.docx')).toBe('docx');
    expect(kindOfFileName('photo.JPG')).toBe('jpeg');
    expect(kindOfFileName('x.jpeg')).toBe('jpeg');
    expect(kindOfFileName('sheet.xlsx')).toBe('xlsx');
    expect(kindOfFileName('scan.png')).toBe('png');
    expect(kindOfFileName('notes.txt')).toBeUndefined();
    expect(kindOfFileName('pdf')).toBeUndefined();
  });
});
