import ExcelJS from 'exceljs';
import type {
  ChangeFact,
  TicketClockFact,
  TicketFact,
} from '@internal/plugin-reports-common';
import {
  localTime,
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

/** Column widths from the longest text in each column, within reason. */
function fitColumns(sheet: ExcelJS.Worksheet, minimum = 8, maximum = 60) {
  const widths: number[] = [];
  sheet.eachRow(row => {
    row.eachCell((cell, col) => {
      // Sheet and table titles run across the columns; they do not size the first one.
      if (cell.font?.size && cell.font.size > 11) return;
      const value = cell.value;
      const text =
        typeof value === 'number'
          ? value.toFixed(1)
          : typeof value === 'string'
          ? value
          : '';
      widths[col] = Math.max(widths[col] ?? 0, textWidth(text) + 2);
    });
  });
  widths.forEach((width, col) => {
    sheet.getColumn(col).width = Math.min(maximum, Math.max(minimum, width));
  });
}

function header(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell(cell => {
    cell.fill = HEADER_FILL;
  });
}

function setValue(cell: ExcelJS.Cell, value: Value, format: ValueFormat) {
  if (value === undefined) return;
  cell.value = value;
  const numFmt = typeof value === 'number' ? NUMBER_FORMATS[format] : undefined;
  if (numFmt) cell.numFmt = numFmt;
}

/** One sheet per section: its tables one under another, each compared figure in two columns. */
function sectionSheet(
  workbook: ExcelJS.Workbook,
  section: ReportSection,
  heading: string,
  t: Translate,
) {
  const sheet = workbook.addWorksheet(section.title, {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.addRow([section.title]).font = { bold: true, size: 14 };
  sheet.addRow([heading]).font = { size: 12 };
  for (const table of section.tables) {
    sheet.addRow([]);
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    header(
      sheet.addRow(
        table.columns.flatMap(column =>
          column.compare
            ? [
                `${column.header} · ${t('current')}`,
                `${column.header} · ${t('previous')}`,
              ]
            : [column.header],
        ),
      ),
    );
    for (const cells of table.rows) {
      const row = sheet.addRow([]);
      let col = 1;
      table.columns.forEach((column, i) => {
        const cell = cells[i];
        if (column.compare && isCompared(cell)) {
          const format = cell.format ?? column.format;
          setValue(row.getCell(col++), cell.current, format);
          setValue(row.getCell(col++), cell.previous, format);
        } else {
          setValue(
            row.getCell(col++),
            isCompared(cell) ? cell.current : cell,
            column.format,
          );
        }
      });
    }
    if (table.rows.length === 0) sheet.addRow([t('none')]);
  }
  fitColumns(sheet);
}

interface RawColumn<T> {
  readonly header: string;
  readonly format: ValueFormat;
  readonly value: (row: T) => Value;
}

function rawSheet<T>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: ReadonlyArray<RawColumn<T>>,
  rows: readonly T[],
) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map(column => ({
    header: column.header,
    style: NUMBER_FORMATS[column.format]
      ? { numFmt: NUMBER_FORMATS[column.format] }
      : {},
  }));
  header(sheet.getRow(1));
  for (const row of rows)
    sheet.addRow(columns.map(column => column.value(row) ?? null));
  fitColumns(sheet, 8, 40);
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
  const time = (
    header: string,
    value: (row: TicketFact) => string | undefined,
  ) => text(header, row => localTime(value(row), zone) || undefined);
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
  const time = (
    header: string,
    value: (row: ChangeFact) => string | undefined,
  ) => text(header, row => localTime(value(row), zone) || undefined);
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
  const workbook = new ExcelJS.Workbook();
  const issuedAt = new Date(input.issuedAt);
  workbook.creator = input.court.contractor;
  workbook.lastModifiedBy = shortRef(input.issuedBy);
  workbook.created = issuedAt;
  workbook.modified = issuedAt;
  workbook.title = `${input.court.name} ${reportTitle(
    figures.kind,
    figures.current.period,
    t,
  )}`;

  const heading = `${input.court.name} ${reportTitle(
    figures.kind,
    figures.current.period,
    t,
  )} · ${periodText(figures.current.period, t)} · ${t('versionNumber', {
    version: input.version,
  })}`;
  for (const section of sections) sectionSheet(workbook, section, heading, t);

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

  const written = await workbook.xlsx.writeBuffer();
  return stampZipEntries(Buffer.from(written), input.issuedAt, figures.zone);
}
