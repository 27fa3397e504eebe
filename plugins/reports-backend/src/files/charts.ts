import { PassThrough } from 'node:stream';
import * as PImage from 'pureimage';
import type { Value } from './format';
import { Cell, Compared, isCompared, ReportTable } from './model';

/**
 * Bar charts of the Word report, drawn as PNG without text: the labels are the table's rows
 * beside it and the caption says how to read the bars, so the picture needs no font (the
 * court's Chinese font is megabytes) and every language gets the same image. Only axis-aligned
 * rectangles on whole pixels are drawn, so the same table always gives the same bytes.
 */
export interface ChartImage {
  readonly png: Buffer;
  /** Displayed size in pixels (96 per inch); the PNG has twice as many each way. */
  readonly width: number;
  readonly height: number;
}

/** Fits the text width of the A4 page (16.7 cm). */
const WIDTH = 600;
const ROW = 24;
const MARGIN = 8;
/** Drawn at twice the displayed size, so bars stay sharp in print. */
const SCALE = 2;
const COLOURS = {
  current: '#1F7A8C',
  previous: '#9FCFD8',
  met: '#4E9A57',
  breached: '#C0392B',
  running: '#A6A6A6',
  axis: '#808080',
  background: '#FFFFFF',
};

interface Segment {
  readonly value: number;
  readonly colour: string;
}

/** A row's bars, top to bottom; each bar is segments laid end to end. */
type Bars = ReadonlyArray<readonly Segment[]>;

const numberOf = (value: Value) => (typeof value === 'number' ? value : 0);

const comparedCells = (row: readonly Cell[]): Compared[] =>
  row.filter(isCompared);

/** The bars of each row, and the value that spans the whole plot. */
function barsOf(table: ReportTable): { rows: Bars[]; full: number } {
  if (table.chart === 'outcomes') {
    const rows = table.rows.map(row => {
      const [met, breached, running] = comparedCells(row).map(cell =>
        numberOf(cell.current),
      );
      return [
        [
          { value: met, colour: COLOURS.met },
          { value: breached, colour: COLOURS.breached },
          { value: running, colour: COLOURS.running },
        ],
      ];
    });
    // Each bar is its row's clocks at full width: the split is what it shows.
    return { rows, full: 0 };
  }
  const rows = table.rows.map(row => {
    const [cell] = comparedCells(row);
    return [
      [{ value: numberOf(cell?.current), colour: COLOURS.current }],
      [{ value: numberOf(cell?.previous), colour: COLOURS.previous }],
    ];
  });
  const full = Math.max(
    1,
    ...rows.flatMap(bars => bars.map(bar => bar[0].value)),
  );
  return { rows, full };
}

async function encode(bitmap: PImage.Bitmap): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await PImage.encodePNGToStream(bitmap, out);
  return Buffer.concat(chunks);
}

/** The table's chart, or undefined when it has none or no rows. */
export async function renderChart(
  table: ReportTable,
): Promise<ChartImage | undefined> {
  if (!table.chart || table.rows.length === 0) return undefined;
  const { rows, full } = barsOf(table);
  const height = rows.length * ROW + 2 * MARGIN;
  const bitmap = PImage.make(WIDTH * SCALE, height * SCALE);
  const ctx = bitmap.getContext('2d');
  ctx.imageSmoothingEnabled = false;
  const rect = (colour: string, x: number, y: number, w: number, h: number) => {
    if (w <= 0 || h <= 0) return;
    ctx.fillStyle = colour;
    ctx.fillRect(x * SCALE, y * SCALE, w * SCALE, h * SCALE);
  };
  rect(COLOURS.background, 0, 0, WIDTH, height);
  const left = MARGIN;
  const plot = WIDTH - 2 * MARGIN;
  rows.forEach((bars, i) => {
    const top = MARGIN + i * ROW + 3;
    const barHeight = Math.floor((ROW - 6) / bars.length);
    bars.forEach((segments, j) => {
      const total = segments.reduce((sum, s) => sum + s.value, 0);
      const scale = full > 0 ? full : total;
      if (scale <= 0) return;
      // Ends rounded, not lengths: the segments of a full bar meet and fill it exactly.
      let sum = 0;
      let x = left;
      for (const segment of segments) {
        sum += segment.value;
        const end = left + Math.round((sum / scale) * plot);
        rect(segment.colour, x, top + j * barHeight, end - x, barHeight - 1);
        x = end;
      }
    });
  });
  rect(COLOURS.axis, left - 1, MARGIN, 1, height - 2 * MARGIN);
  return { png: await encode(bitmap), width: WIDTH, height };
}
