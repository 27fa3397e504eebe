import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont } from 'pdf-lib';
import { readFile } from 'node:fs/promises';

const fontFile = (weight: string) =>
  require.resolve(
    `@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`,
  );

let fontBytes: Promise<[Buffer, Buffer]> | undefined;

/**
 * Noto Sans SC regular and bold, embedded in `doc` as subsets (only the
 * glyphs used), so a Chinese PDF stays small. The font files (10 MB each) are
 * read once per process.
 */
export async function cjkFonts(
  doc: PDFDocument,
): Promise<{ regular: PDFFont; bold: PDFFont }> {
  fontBytes ??= Promise.all([
    readFile(fontFile('400Regular')),
    readFile(fontFile('700Bold')),
  ]);
  const [regular, bold] = await fontBytes;
  doc.registerFontkit(fontkit);
  return {
    regular: await doc.embedFont(regular, { subset: true }),
    bold: await doc.embedFont(bold, { subset: true }),
  };
}
