import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import {
  decodePDFRawStream,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
} from 'pdf-lib';
import { embedCourtFonts, fitText, wrapText } from './fonts';

/** The embedded font program (FontFile2) of a saved PDF. */
async function embeddedFontProgram(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.has(PDFName.of('FontFile2'))) {
      const stream = object.lookup(PDFName.of('FontFile2'));
      if (stream instanceof PDFRawStream) {
        return decodePDFRawStream(stream).decode();
      }
    }
  }
  throw new Error('no embedded TrueType font');
}

describe('embedCourtFonts', () => {
  it('embeds each character with the outline the full font has (no glyph cut at the wrong offset)', async () => {
    const text =
      '某市中级人民法院运维服务文档汇编二〇二六年第四季度巡检记录及病毒查杀统计';
    const doc = await PDFDocument.create();
    const { regular } = await embedCourtFonts(doc);
    doc.addPage().drawText(text, { font: regular, size: 12, x: 20, y: 400 });
    const subset = fontkit.create(await embeddedFontProgram(await doc.save()));
    const full = fontkit.create(
      readFileSync(
        require.resolve(
          '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        ),
      ),
    );
    // The subset numbers glyphs in order of first use after .notdef, and has no cmap of its own.
    const unique = [...new Set(Array.from(text))];
    expect(subset.numGlyphs).toBe(unique.length + 1);
    unique.forEach((char, i) => {
      const expected = full
        .glyphForCodePoint(char.codePointAt(0)!)
        .path.toSVG();
      expect(expected.length).toBeGreaterThan(0);
      expect(subset.getGlyph(i + 1).path.toSVG()).toBe(expected);
    });
  });
});

describe('wrapText and fitText', () => {
  let font: Awaited<ReturnType<typeof embedCourtFonts>>['regular'];
  beforeAll(async () => {
    font = (await embedCourtFonts(await PDFDocument.create())).regular;
  });

  it('breaks Chinese anywhere and Latin between words, never wider than asked, losing nothing', () => {
    const text =
      '核心交换机配置变更记录 CHG-2026-00031 firmware upgrade on the core switch 第三法庭';
    const lines = wrapText(text, font, 10, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines)
      expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(lines).toContain('CHG-2026-00031');
  });

  it('cuts a word wider than the line, and keeps control characters out', () => {
    const lines = wrapText('A'.repeat(80), font, 10, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('A'.repeat(80));
    expect(wrapText('第一行\n第二行', font, 10, 500)).toEqual([
      '第一行 第二行',
    ]);
  });

  it('fits a long title with an ellipsis', () => {
    const fitted = fitText('审判庭音视频设备操作手册'.repeat(5), font, 10, 100);
    expect(fitted.endsWith('…')).toBe(true);
    expect(font.widthOfTextAtSize(fitted, 10)).toBeLessThanOrEqual(100);
    expect(fitText('短标题', font, 10, 100)).toBe('短标题');
  });
});
