import fontkit, { Font, Subset } from '@pdf-lib/fontkit';
import { promises as fs } from 'node:fs';
import { PDFDocument, PDFFont } from 'pdf-lib';

/** What fontkit's TrueType subset keeps while it collects glyphs (not in its typings). */
interface TrueTypeSubset extends Subset {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

/**
 * fontkit, but its TrueType subsets pad every glyph to an even length. Noto Sans SC stores
 * glyphs of odd length; fontkit copies them as they are and then writes a short `loca`, whose
 * offsets are halved, so every glyph after an odd one is cut wrong and most characters vanish
 * when the page is drawn (the text still extracts). An even length keeps each offset exact.
 */
const evenGlyphFontkit = {
  create(buffer: Uint8Array, postscriptName?: string): Font {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as TrueTypeSubset;
      const addGlyph = subset._addGlyph.bind(subset);
      subset._addGlyph = gid => {
        const index = addGlyph(gid);
        const glyph = subset.glyf[index];
        if (glyph.length % 2 === 1) {
          // fontkit's bundle has its own Buffer class and accepts no other.
          const padded = (glyph.constructor as typeof Buffer).alloc(
            glyph.length + 1,
          );
          padded.set(glyph);
          subset.glyf[index] = padded;
          subset.offset += 1;
        }
        return index;
      };
      return subset;
    };
    return font;
  },
};

/** The two weights of Noto Sans SC the archive writes its PDFs with (CJK and Latin alike). */
export interface CourtFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

const FONT_FILES = {
  regular:
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/**
 * Embeds Noto Sans SC as subsets: only the glyphs used are written, so a volume carries tens of
 * kilobytes of font, not the 10 MB files. The names carry the PDF subset tag (`ABCDEF+`) so
 * readers and `pdffonts` know them for subsets.
 */
export async function embedCourtFonts(doc: PDFDocument): Promise<CourtFonts> {
  doc.registerFontkit(evenGlyphFontkit);
  const [regular, bold] = await Promise.all([
    fs.readFile(require.resolve(FONT_FILES.regular)),
    fs.readFile(require.resolve(FONT_FILES.bold)),
  ]);
  return {
    regular: await doc.embedFont(regular, {
      subset: true,
      customName: 'CORTRG+NotoSansSC-Regular',
    }),
    bold: await doc.embedFont(bold, {
      subset: true,
      customName: 'CORTBD+NotoSansSC-Bold',
    }),
  };
}

/** Drops what no font can draw (control characters, line breaks) from text bound for a PDF. */
export function printable(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ');
}

/**
 * Splits text into lines no wider than `width`: CJK breaks between any two characters, Latin
 * words move to the next line whole unless a word alone is too wide.
 */
export function wrapText(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of printable(text).match(/[A-Za-z0-9@._\-/:]+ ?|\s|./gu) ??
    []) {
    const candidate = line + token;
    if (font.widthOfTextAtSize(candidate.trimEnd(), size) <= width) {
      line = candidate;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    // A token wider than the line on its own is cut character by character.
    while (
      font.widthOfTextAtSize(line.trimEnd(), size) > width &&
      line.length > 1
    ) {
      let cut = line.length - 1;
      while (
        cut > 1 &&
        font.widthOfTextAtSize(line.slice(0, cut), size) > width
      )
        cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** `text` cut to fit `width`, with an ellipsis when it was cut. */
export function fitText(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
): string {
  const clean = printable(text);
  if (font.widthOfTextAtSize(clean, size) <= width) return clean;
  const chars = Array.from(clean);
  let end = chars.length;
  while (
    end > 0 &&
    font.widthOfTextAtSize(`${chars.slice(0, end).join('')}…`, size) > width
  )
    end--;
  return `${chars.slice(0, end).join('')}…`;
}
