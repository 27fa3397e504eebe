import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type {
  ChangeFact,
  TicketClockFact,
  TicketFact,
} from '@internal/plugin-reports-common';
import {
  localTimeFormatter,
  minutesOf,
  periodText,
  reportTitle,
  shortRef,
  textWidth,
  Value,
  ValueFormat,
} from './format';
import type { Translate } from './labels';
import { CLOCKS, isCompared, ReportSection } from './model';
import type { ReportFilesInput } from './types';
import { stampZipEntries } from './zip';

/** The names of the raw sheets, the same in every language, so a recount script can find them. */
export const RAW_SHEETS = {
  tickets: 'tickets',
  changes: 'changes',
  workLogs: 'work logs',
} as const;

const NUMBER_FORMATS: Record<ValueFormat, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  minutes: '0.0',
  decimal: '0.0',
  percent: '0.0"%"',
};

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDCE6F2' },
};

type SheetWriter = ExcelJS.Worksheet;

/**
 * The style of a plain cell. exceljs gives every new cell a style object of its own and, not
 * having seen that object before, renders its XML to look it up: a month's raw rows paid that
 * once a cell. One shared object is resolved once (Value holds no dates, so every plain cell
 * gets the same General xf either way).
 */
const PLAIN: Partial<ExcelJS.Style> = {};

/** A row to write: its values, the number format of each, and how it looks. */
interface SheetRow {
  readonly values: readonly Value[];
  readonly formats?: readonly ValueFormat[];
  readonly look?: 'sheetTitle' | 'subtitle' | 'tableTitle' | 'header';
}

const LOOKS: Record<NonNullable<SheetRow['look']>, Partial<ExcelJS.Style>> = {
  sheetTitle: { font: { bold: true, size: 14 } },
  subtitle: { font: { size: 12 } },
  tableTitle: { font: { bold: true, size: 12 } },
  header: { font: { bold: true }, fill: HEADER_FILL },
};

/**
 * Writes a sheet of the streaming workbook: rows are written out as they are committed, so a
 * month's raw rows never sit in memory as a cell model. Widths come first in a stream, so they
 * are measured from the rows before any is written. Styles are shared objects: exceljs resolves
 * a style once per object.
 */
function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  frozenRows: number,
  rows: Iterable<SheetRow>,
  widths: readonly number[],
) {
  const sheet: SheetWriter = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: frozenRows }],
  });
  sheet.columns = widths.map(width => ({ width }));
  const numberStyles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (format: ValueFormat | undefined, value: Value) => {
    const numFmt =
      typeof value === 'number' && format ? NUMBER_FORMATS[format] : undefined;
    if (!numFmt) return undefined;
    let style = numberStyles.get(numFmt);
    if (!style) numberStyles.set(numFmt, (style = { numFmt }));
    return style;
  };
  for (const row of rows) {
    const written = sheet.addRow(row.values.map(value => value ?? null));
    const look = row.look ? LOOKS[row.look] : undefined;
    row.values.forEach((value, i) => {
      const style =
        look ??
        styleOf(row.formats?.[i], value) ??
        (value === undefined ? undefined : PLAIN);
      if (style) written.getCell(i + 1).style = style;
    });
    written.commit();
  }
  sheet.commit();
}

/** Column widths from the longest text in each column, within reason; titles do not count. */
function widthsOf(rows: readonly SheetRow[], maximum: number): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    if (row.look && row.look !== 'header') continue;
    row.values.forEach((value, i) => {
      const text = typeof value === 'number' ? value.toFixed(1) : value ?? '';
      widths[i] = Math.max(widths[i] ?? 0, textWidth(text) + 2);
    });
  }
  return Array.from(widths, width =>
    Math.min(maximum, Math.max(8, width ?? 8)),
  );
}

/** One sheet per section: its tables one under another, each compared figure in two columns. */
function sectionRows(
  section: ReportSection,
  heading: string,
  t: Translate,
): SheetRow[] {
  const rows: SheetRow[] = [
    { values: [section.title], look: 'sheetTitle' },
    { values: [heading], look: 'subtitle' },
    ...(section.summary ? [{ values: [section.summary] }] : []),
  ];
  for (const table of section.tables) {
    rows.push({ values: [] }, { values: [table.title], look: 'tableTitle' });
    rows.push({
      values: table.columns.flatMap(column =>
        column.compare
          ? [
              `${column.header} · ${t('current')}`,
              `${column.header} · ${t('previous')}`,
            ]
          : [column.header],
      ),
      look: 'header',
    });
    for (const cells of table.rows) {
      const values: Value[] = [];
      const formats: ValueFormat[] = [];
      table.columns.forEach((column, i) => {
        const cell = cells[i];
        if (column.compare && isCompared(cell)) {
          const format = cell.format ?? column.format;
          values.push(cell.current, cell.previous);
          formats.push(format, format);
        } else {
          values.push(isCompared(cell) ? cell.current : cell);
          formats.push(column.format);
        }
      });
      rows.push({ values, formats });
    }
    if (table.rows.length === 0) rows.push({ values: [t('none')] });
  }
  return rows;
}

interface RawColumn<T> {
  readonly header: string;
  readonly format: ValueFormat;
  readonly value: (row: T) => Value;
}

function rawSheet<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: ReadonlyArray<RawColumn<T>>,
  facts: readonly T[],
) {
  const formats = columns.map(column => column.format);
  const rows: SheetRow[] = [
    { values: columns.map(column => column.header), look: 'header' },
    ...facts.map(fact => ({
      values: columns.map(column => column.value(fact)),
      formats,
    })),
  ];
  writeSheet(workbook, name, 1, rows, widthsOf(rows, 40));
}

/** How a clock stands in the facts as held: met, breached, still running, not started. */
export function clockState(clock: TicketClockFact | undefined) {
  if (!clock?.startedAt) return 'stateNotStarted' as const;
  if (
    clock.breachedAt &&
    (!clock.stoppedAt || clock.breachedAt <= clock.stoppedAt)
  ) {
    return 'stateBreached' as const;
  }
  return clock.stoppedAt ? ('stateMet' as const) : ('stateRunning' as const);
}

function ticketColumns(
  t: Translate,
  zone: string,
): Array<RawColumn<TicketFact>> {
  const text = (header: string, value: (row: TicketFact) => Value) => ({
    header,
    format: 'text' as const,
    value,
  });
  const local = localTimeFormatter(zone);
  const time = (
    header: string,
    value: (row: TicketFact) => string | undefined,
  ) => text(header, row => local(value(row)) || undefined);
  const columns: Array<RawColumn<TicketFact>> = [
    text(t('colNumber'), r => r.number),
    text(t('colTitle'), r => r.title),
    text(t('colType'), r => r.type),
    text(t('colCategory'), r => r.category),
    text(t('colChannel'), r => r.channel),
    text(t('colLevel'), r => r.level),
    text(t('colStatus'), r => r.status),
    text(t('colSystems'), r => r.systemRefs.map(shortRef).join(', ')),
    text(t('colEntities'), r => r.entityRefs.map(shortRef).join(', ')),
    text(t('colAssignee'), r =>
      r.assignee ? shortRef(r.assignee) : undefined,
    ),
    time(t('colCreatedAt'), r => r.createdAt),
    time(t('colArrivedAt'), r => r.arrivedAt),
    time(t('colResolvedAt'), r => r.resolvedAt),
    time(t('colClosedAt'), r => r.closedAt),
    {
      header: t('colReopens'),
      format: 'integer',
      value: r => r.reopenedAt.length,
    },
    {
      header: t('colReassignments'),
      format: 'integer',
      value: r => r.reassignments,
    },
    text(t('colKnownError'), r => r.knownErrorArticle),
    {
      header: t('colSatisfaction'),
      format: 'integer',
      value: r => r.satisfaction,
    },
    time(t('colCalledBackAt'), r => r.calledBackAt),
    {
      header: t('colWorkMinutes'),
      format: 'integer',
      value: r => r.workLogs.reduce((sum, log) => sum + log.minutes, 0),
    },
  ];
  for (const [name, label] of CLOCKS) {
    const clockOf = (r: TicketFact) => r.clocks.find(c => c.clock === name);
    const clock = t(label);
    columns.push(
      text(t('colClockState', { clock }), r => t(clockState(clockOf(r)))),
      text(t('colClockLevel', { clock }), r => clockOf(r)?.level),
      time(t('colClockStarted', { clock }), r => clockOf(r)?.startedAt),
      time(t('colClockStopped', { clock }), r => clockOf(r)?.stoppedAt),
      {
        header: t('colClockElapsed', { clock }),
        format: 'minutes',
        value: r => minutesOf(clockOf(r)?.elapsedMs),
      },
      {
        header: t('colClockPaused', { clock }),
        format: 'minutes',
        value: r => minutesOf(clockOf(r)?.pausedMs),
      },
      time(t('colClockBreachedAt', { clock }), r => clockOf(r)?.breachedAt),
    );
  }
  return columns;
}

function changeColumns(
  t: Translate,
  zone: string,
): Array<RawColumn<ChangeFact>> {
  const text = (header: string, value: (row: ChangeFact) => Value) => ({
    header,
    format: 'text' as const,
    value,
  });
  const local = localTimeFormatter(zone);
  const time = (
    header: string,
    value: (row: ChangeFact) => string | undefined,
  ) => text(header, row => local(value(row)) || undefined);
  return [
    text(t('colNumber'), r => r.number),
    text(t('colTitle'), r => r.title),
    text(t('colStatus'), r => r.status),
    text(t('colEmergency'), r => t(r.emergency ? 'yes' : 'no')),
    text(t('colRisk'), r => r.risk),
    text(t('colSystems'), r => r.systemRefs.map(shortRef).join(', ')),
    text(t('colEntities'), r => r.entityRefs.map(shortRef).join(', ')),
    time(t('colFiledAt'), r => r.filedAt),
    text(t('colDecision'), r => r.decision),
    time(t('colDecidedAt'), r => r.decidedAt),
    text(t('colOutcome'), r => r.outcome),
    time(t('colFinishedAt'), r => r.finishedAt),
    {
      header: t('colWorkMinutes'),
      format: 'integer',
      value: r => r.workLogs.reduce((sum, log) => sum + log.minutes, 0),
    },
  ];
}

interface WorkLogRow {
  readonly record: string;
  readonly type: string;
  readonly systemRefs: readonly string[];
  readonly engineer: string;
  readonly workDate: string;
  readonly minutes: number;
}

function workLogColumns(t: Translate): Array<RawColumn<WorkLogRow>> {
  return [
    { header: t('colRecord'), format: 'text', value: r => r.record },
    { header: t('colRecordType'), format: 'text', value: r => r.type },
    {
      header: t('colSystems'),
      format: 'text',
      value: r => r.systemRefs.map(shortRef).join(', '),
    },
    {
      header: t('colEngineer'),
      format: 'text',
      value: r => shortRef(r.engineer),
    },
    { header: t('colWorkDate'), format: 'text', value: r => r.workDate },
    { header: t('colMinutes'), format: 'integer', value: r => r.minutes },
  ];
}

export async function renderExcel(
  input: ReportFilesInput,
  sections: readonly ReportSection[],
  t: Translate,
): Promise<Buffer> {
  const { figures } = input;
  const title = `${input.court.name} ${reportTitle(
    figures.kind,
    figures.current.period,
    t,
  )}`;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const issuedAt = new Date(input.issuedAt);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    // The fastest deflate: a busy month's raw rows are a few megabytes either way, and the
    // default level spends a third of the render on a fifth of the size.
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = input.court.contractor;
  workbook.lastModifiedBy = shortRef(input.issuedBy);
  workbook.created = issuedAt;
  workbook.modified = issuedAt;
  workbook.title = title;

  const heading = `${title} · ${periodText(figures.current.period, t)} · ${t(
    'versionNumber',
    { version: input.version },
  )}`;
  for (const section of sections) {
    const rows = sectionRows(section, heading, t);
    writeSheet(workbook, section.title, 2, rows, widthsOf(rows, 60));
  }

  rawSheet(
    workbook,
    RAW_SHEETS.tickets,
    ticketColumns(t, figures.zone),
    input.tickets,
  );
  rawSheet(
    workbook,
    RAW_SHEETS.changes,
    changeColumns(t, figures.zone),
    input.changes,
  );
  const workLogs: WorkLogRow[] = [
    ...input.tickets.flatMap(ticket =>
      ticket.workLogs.map(log => ({
        record: ticket.number,
        type: ticket.type,
        systemRefs: ticket.systemRefs,
        ...log,
      })),
    ),
    ...input.changes.flatMap(change =>
      change.workLogs.map(log => ({
        record: change.number,
        type: 'change',
        systemRefs: change.systemRefs,
        ...log,
      })),
    ),
  ];
  rawSheet(workbook, RAW_SHEETS.workLogs, workLogColumns(t), workLogs);

  await workbook.commit();
  return stampZipEntries(Buffer.concat(chunks), input.issuedAt, figures.zone);
}
