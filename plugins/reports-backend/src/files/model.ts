import type {
  ComplianceCounts,
  PeriodFigures,
  Rate,
  ReportFigures,
} from '@internal/plugin-reports-common';
import type { ClockName, PriorityLevel } from '@internal/plugin-sla-common';
import type {
  ServiceRequestCategory,
  TicketChannel,
  TicketType,
} from '@internal/plugin-tickets-common';
import type { LabelKey, Translate } from './labels';
import {
  formatValue,
  localTime,
  minutesOf,
  shortRef,
  Value,
  ValueFormat,
} from './format';

/**
 * The report's sections as plain tables, built once from the figures: the Word document and the
 * Excel workbook both render these, so they cannot disagree on a figure.
 */

/** A figure of this period beside the previous period's. */
export interface Compared {
  readonly current: Value;
  readonly previous: Value;
  /** Overrides the column's format (a table of figures of different kinds). */
  readonly format?: ValueFormat;
}

export type Cell = Value | Compared;

export interface Column {
  readonly header: string;
  readonly format: ValueFormat;
  /** Its cells are `Compared`. */
  readonly compare?: boolean;
}

/**
 * How the Word report pictures a table, from its own cells (so a chart cannot disagree with
 * its table): `compared` draws the first compared column, this period beside the previous;
 * `outcomes` splits each row's bar by its first three compared columns (met, breached,
 * running) in this period.
 */
export type ChartKind = 'compared' | 'outcomes';

export interface ReportTable {
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
  readonly chart?: ChartKind;
}

export interface ReportSection {
  readonly title: string;
  /** A few words on the section, printed before its tables. */
  readonly summary?: string;
  readonly tables: readonly ReportTable[];
}

export function isCompared(cell: Cell): cell is Compared {
  return typeof cell === 'object' && cell !== null;
}

const TYPES: ReadonlyArray<[Exclude<TicketType, 'change'>, LabelKey]> = [
  ['incident', 'typeIncident'],
  ['service-request', 'typeServiceRequest'],
  ['problem', 'typeProblem'],
  ['complaint', 'typeComplaint'],
];
const WORK_TYPES: ReadonlyArray<[TicketType, LabelKey]> = [
  ...TYPES,
  ['change', 'typeChange'],
];
const CATEGORIES: ReadonlyArray<[ServiceRequestCategory, LabelKey]> = [
  ['install', 'categoryInstall'],
  ['configure', 'categoryConfigure'],
  ['training', 'categoryTraining'],
  ['data-adjustment', 'categoryDataAdjustment'],
  ['demo-support', 'categoryDemoSupport'],
  ['spare-part', 'categorySparePart'],
];
const CHANNELS: ReadonlyArray<[TicketChannel, LabelKey]> = [
  ['portal', 'channelPortal'],
  ['phone', 'channelPhone'],
  ['monitoring', 'channelMonitoring'],
  ['inspection', 'channelInspection'],
];
export const CLOCKS: ReadonlyArray<[ClockName, LabelKey]> = [
  ['response', 'clockResponse'],
  ['arrival', 'clockArrival'],
  ['resolution', 'clockResolution'],
];
const LEVELS: readonly PriorityLevel[] = ['L1', 'L2', 'L3', 'L4'];

export function clockLabel(clock: ClockName, t: Translate): string {
  return t(CLOCKS.find(([name]) => name === clock)![1]);
}

/**
 * The rows of a keyed list in both periods: this period's order first, then keys only the
 * previous period had. `missing` is what an absent key means (0 in a full list, unknown in a
 * top-ten list).
 */
function keyed<T>(
  current: readonly T[],
  previous: readonly T[],
  key: (item: T) => string,
  value: (item: T) => number,
  missing: 0 | undefined,
): Array<{ key: string; current: Value; previous: Value }> {
  const before = new Map(previous.map(item => [key(item), value(item)]));
  const now = new Map(current.map(item => [key(item), value(item)]));
  const keys = [...now.keys(), ...[...before.keys()].filter(k => !now.has(k))];
  return keys.map(k => ({
    key: k,
    current: now.has(k) ? now.get(k) : missing,
    previous: before.has(k) ? before.get(k) : missing,
  }));
}

function compared(
  current: Value,
  previous: Value,
  format?: ValueFormat,
): Compared {
  return format ? { current, previous, format } : { current, previous };
}

type Side = PeriodFigures;

/** A figure read from either period. */
function both<T extends Value>(
  figures: ReportFigures,
  read: (side: Side) => T,
  format?: ValueFormat,
): Compared {
  return compared(read(figures.current), read(figures.previous), format);
}

function servicesSection(f: ReportFigures, t: Translate): ReportSection {
  const figure = (title: LabelKey) => ({
    header: t(title),
    format: 'text' as const,
  });
  const count = {
    header: t('count'),
    format: 'integer' as const,
    compare: true,
  };
  return {
    title: t('sectionServices'),
    tables: [
      {
        title: t('servicesTotal'),
        columns: [figure('figure'), count],
        rows: [[t('total'), both(f, s => s.tickets.services.total)]],
      },
      {
        title: t('servicesByType'),
        chart: 'compared',
        columns: [figure('ticketType'), count],
        rows: TYPES.map(([type, label]) => [
          t(label),
          both(f, s => s.tickets.services.byType[type]),
        ]),
      },
      {
        title: t('servicesByCategory'),
        columns: [figure('category'), count],
        rows: CATEGORIES.map(([category, label]) => [
          t(label),
          both(f, s => s.tickets.services.byCategory[category]),
        ]),
      },
      {
        title: t('servicesByChannel'),
        columns: [figure('channel'), count],
        rows: CHANNELS.map(([channel, label]) => [
          t(label),
          both(f, s => s.tickets.services.byChannel[channel]),
        ]),
      },
      {
        title: t('servicesBySystem'),
        columns: [figure('system'), count],
        rows: keyed(
          f.current.tickets.services.bySystem,
          f.previous.tickets.services.bySystem,
          s => s.systemRef,
          s => s.count,
          0,
        ).map(row => [shortRef(row.key), compared(row.current, row.previous)]),
      },
    ],
  };
}

function byClockAndLevel<T extends { clock: ClockName; level: PriorityLevel }>(
  current: readonly T[],
  previous: readonly T[],
): Array<{
  clock: ClockName;
  level: PriorityLevel;
  current?: T;
  previous?: T;
}> {
  const rows = [];
  for (const [clock] of CLOCKS) {
    for (const level of LEVELS) {
      const now = current.find(r => r.clock === clock && r.level === level);
      const before = previous.find(r => r.clock === clock && r.level === level);
      if (now || before)
        rows.push({ clock, level, current: now, previous: before });
    }
  }
  return rows;
}

function timesSection(f: ReportFigures, t: Translate): ReportSection {
  const minutes = (header: LabelKey) => ({
    header: t(header),
    format: 'minutes' as const,
    compare: true,
  });
  return {
    title: t('sectionTimes'),
    tables: [
      {
        title: t('timesByLevel'),
        columns: [
          { header: t('clock'), format: 'text' },
          { header: t('level'), format: 'text' },
          { header: t('count'), format: 'integer', compare: true },
          minutes('mean'),
          minutes('median'),
          minutes('p90'),
          minutes('max'),
          minutes('paused'),
        ],
        rows: byClockAndLevel(
          f.current.tickets.times,
          f.previous.tickets.times,
        ).map(row => [
          clockLabel(row.clock, t),
          row.level,
          compared(
            row.current?.elapsed.count ?? 0,
            row.previous?.elapsed.count ?? 0,
          ),
          compared(
            minutesOf(row.current?.elapsed.meanMs),
            minutesOf(row.previous?.elapsed.meanMs),
          ),
          compared(
            minutesOf(row.current?.elapsed.medianMs),
            minutesOf(row.previous?.elapsed.medianMs),
          ),
          compared(
            minutesOf(row.current?.elapsed.p90Ms),
            minutesOf(row.previous?.elapsed.p90Ms),
          ),
          compared(
            minutesOf(row.current?.elapsed.maxMs),
            minutesOf(row.previous?.elapsed.maxMs),
          ),
          compared(
            minutesOf(row.current?.pausedMs ?? 0),
            minutesOf(row.previous?.pausedMs ?? 0),
          ),
        ]),
      },
    ],
  };
}

function complianceColumns(t: Translate): Column[] {
  return [
    { header: t('met'), format: 'integer', compare: true },
    { header: t('breached'), format: 'integer', compare: true },
    { header: t('running'), format: 'integer', compare: true },
    { header: t('compliancePercent'), format: 'percent', compare: true },
  ];
}

function complianceCells(
  current: ComplianceCounts | undefined,
  previous: ComplianceCounts | undefined,
): Compared[] {
  return [
    compared(current?.met ?? 0, previous?.met ?? 0),
    compared(current?.breached ?? 0, previous?.breached ?? 0),
    compared(current?.running ?? 0, previous?.running ?? 0),
    compared(current?.percent, previous?.percent),
  ];
}

function complianceSection(f: ReportFigures, t: Translate): ReportSection {
  const now = f.current.tickets.compliance;
  const before = f.previous.tickets.compliance;
  const systemClocks = [];
  const systems = [
    ...new Set([...now.bySystem, ...before.bySystem].map(r => r.systemRef)),
  ];
  for (const systemRef of systems) {
    for (const [clock] of CLOCKS) {
      const current = now.bySystem.find(
        r => r.systemRef === systemRef && r.clock === clock,
      );
      const previous = before.bySystem.find(
        r => r.systemRef === systemRef && r.clock === clock,
      );
      if (current || previous)
        systemClocks.push({ systemRef, clock, current, previous });
    }
  }
  return {
    title: t('sectionCompliance'),
    tables: [
      {
        title: t('complianceTotal'),
        columns: [
          { header: t('figure'), format: 'text' },
          ...complianceColumns(t),
        ],
        rows: [[t('total'), ...complianceCells(now.total, before.total)]],
      },
      {
        title: t('complianceByLevel'),
        chart: 'outcomes',
        columns: [
          { header: t('clock'), format: 'text' },
          { header: t('level'), format: 'text' },
          ...complianceColumns(t),
        ],
        rows: byClockAndLevel(now.byLevel, before.byLevel).map(row => [
          clockLabel(row.clock, t),
          row.level,
          ...complianceCells(row.current, row.previous),
        ]),
      },
      {
        title: t('complianceBySystem'),
        columns: [
          { header: t('system'), format: 'text' },
          { header: t('clock'), format: 'text' },
          ...complianceColumns(t),
        ],
        rows: systemClocks.map(row => [
          shortRef(row.systemRef),
          clockLabel(row.clock, t),
          ...complianceCells(row.current, row.previous),
        ]),
      },
      {
        title: t('breachList'),
        columns: [
          { header: t('ticketNumber'), format: 'text' },
          { header: t('title'), format: 'text' },
          { header: t('clock'), format: 'text' },
          { header: t('level'), format: 'text' },
          { header: t('systems'), format: 'text' },
          { header: t('breachedAt'), format: 'text' },
        ],
        rows: now.breaches.map(breach => [
          breach.number,
          breach.title,
          clockLabel(breach.clock, t),
          breach.level,
          breach.systemRefs.map(shortRef).join(', '),
          localTime(breach.breachedAt, f.zone),
        ]),
      },
    ],
  };
}

function workSection(f: ReportFigures, t: Translate): ReportSection {
  const columns = (first: LabelKey): Column[] => [
    { header: t(first), format: 'text' },
    { header: t('minutes'), format: 'integer', compare: true },
    { header: t('hours'), format: 'decimal', compare: true },
  ];
  const cells = (current: Value, previous: Value): Compared[] => [
    compared(current, previous),
    compared(
      typeof current === 'number' ? current / 60 : undefined,
      typeof previous === 'number' ? previous / 60 : undefined,
    ),
  ];
  const now = f.current.tickets.workMinutes;
  const before = f.previous.tickets.workMinutes;
  return {
    title: t('sectionWork'),
    tables: [
      {
        title: t('workTotal'),
        columns: columns('figure'),
        rows: [[t('total'), ...cells(now.total, before.total)]],
      },
      {
        title: t('workByEngineer'),
        columns: columns('engineer'),
        rows: keyed(
          now.byEngineer,
          before.byEngineer,
          r => r.engineer,
          r => r.minutes,
          0,
        ).map(row => [shortRef(row.key), ...cells(row.current, row.previous)]),
      },
      {
        title: t('workByType'),
        columns: columns('ticketType'),
        rows: WORK_TYPES.map(([type, label]) => [
          t(label),
          ...cells(now.byType[type], before.byType[type]),
        ]),
      },
      {
        title: t('workBySystem'),
        chart: 'compared',
        columns: columns('system'),
        rows: keyed(
          now.bySystem,
          before.bySystem,
          r => r.systemRef,
          r => r.minutes,
          0,
        ).map(row => [shortRef(row.key), ...cells(row.current, row.previous)]),
      },
    ],
  };
}

function rateRow(label: string, current: Rate, previous: Rate): Cell[] {
  return [
    label,
    compared(current.part, previous.part),
    compared(current.whole, previous.whole),
    compared(current.percent, previous.percent),
  ];
}

const rateColumns = (t: Translate): Column[] => [
  { header: t('figure'), format: 'text' },
  { header: t('part'), format: 'integer', compare: true },
  { header: t('whole'), format: 'integer', compare: true },
  { header: t('percent'), format: 'percent', compare: true },
];

function incidentsSection(f: ReportFigures, t: Translate): ReportSection {
  const now = f.current.tickets;
  const before = f.previous.tickets;
  const scores = ['1', '2', '3', '4', '5'] as const;
  return {
    title: t('sectionIncidents'),
    tables: [
      {
        title: t('rates'),
        columns: rateColumns(t),
        rows: (
          [
            ['incidentResolution', 'incidentResolution'],
            ['problemResolution', 'problemResolution'],
            ['firstContactResolution', 'firstContactResolution'],
            ['reopen', 'reopen'],
          ] as const
        ).map(([rate, label]) =>
          rateRow(t(label), now.rates[rate], before.rates[rate]),
        ),
      },
      {
        title: t('satisfaction'),
        columns: [
          { header: t('figure'), format: 'text' },
          { header: t('count'), format: 'integer', compare: true },
        ],
        rows: [
          [t('satisfactionCount'), both(f, s => s.tickets.satisfaction.count)],
          [
            t('satisfactionMean'),
            both(f, s => s.tickets.satisfaction.mean, 'decimal'),
          ],
          ...scores.map(score => [
            t('satisfactionScore', { score }),
            both(f, s => s.tickets.satisfaction.distribution[score]),
          ]),
        ],
      },
    ],
  };
}

function changesSection(f: ReportFigures, t: Translate): ReportSection {
  const counts = [
    ['filed', 'filed'],
    ['approved', 'approved'],
    ['rejected', 'rejected'],
    ['succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['rolledBack', 'rolledBack'],
    ['emergency', 'emergency'],
  ] as const;
  return {
    title: t('sectionChanges'),
    tables: [
      {
        title: t('changeCounts'),
        columns: [
          { header: t('figure'), format: 'text' },
          { header: t('count'), format: 'integer', compare: true },
        ],
        rows: counts.map(([figure, label]) => [
          t(label),
          both(f, s => s.tickets.changes[figure]),
        ]),
      },
      {
        title: t('successRate'),
        columns: rateColumns(t),
        rows: [
          rateRow(
            t('successRate'),
            f.current.tickets.changes.successRate,
            f.previous.tickets.changes.successRate,
          ),
        ],
      },
    ],
  };
}

function inspectionsSection(f: ReportFigures, t: Translate): ReportSection {
  const valueColumns: Column[] = [
    { header: t('figure'), format: 'text' },
    { header: t('count'), format: 'integer', compare: true },
  ];
  return {
    title: t('sectionInspections'),
    tables: [
      {
        title: t('inspectionRounds'),
        columns: valueColumns,
        rows: [
          [t('roundsPlanned'), both(f, s => s.inspections.roundsPlanned)],
          [t('roundsDone'), both(f, s => s.inspections.roundsDone)],
          [t('devicesDue'), both(f, s => s.inspections.deviceCoverage.devices)],
          [
            t('devicesInspected'),
            both(f, s => s.inspections.deviceCoverage.inspected),
          ],
          [
            t('deviceCoverage'),
            both(f, s => s.inspections.deviceCoverage.percent, 'percent'),
          ],
          [t('failedItems'), both(f, s => s.inspections.failedItems)],
          [t('incidentsOpened'), both(f, s => s.inspections.incidentsOpened)],
        ],
      },
      {
        title: t('viruses'),
        columns: valueColumns,
        rows: [
          [t('virusChecks'), both(f, s => s.inspections.viruses.checks)],
          [t('virusPcs'), both(f, s => s.inspections.viruses.pcs)],
          [t('infectedPcs'), both(f, s => s.inspections.viruses.infectedPcs)],
          [t('virusesFound'), both(f, s => s.inspections.viruses.virusesFound)],
        ],
      },
    ],
  };
}

function kbSection(f: ReportFigures, t: Translate): ReportSection {
  return {
    title: t('sectionKb'),
    tables: [
      {
        title: t('kbCounts'),
        columns: [
          { header: t('figure'), format: 'text' },
          { header: t('count'), format: 'integer', compare: true },
        ],
        rows: [
          [t('articlesAdded'), both(f, s => s.kb.articlesAdded)],
          [t('articlesUpdated'), both(f, s => s.kb.articlesUpdated)],
          [t('knownErrors'), both(f, s => s.kb.knownErrorsFromProblems)],
        ],
      },
    ],
  };
}

/**
 * The spares family's figures: parts used (per month and system), repair turnaround per
 * vendor and devices sent more than once. A period without the spares plugin has no data,
 * said in words, and its tables are empty; so is the previous side of a compared figure.
 */
function sparesSection(f: ReportFigures, t: Translate): ReportSection {
  const now = f.current.spares;
  const before = f.previous.spares;
  const text = (header: LabelKey) => ({
    header: t(header),
    format: 'text' as const,
  });
  const partsUsed = {
    header: t('partsUsed'),
    format: 'integer' as const,
    compare: true,
  };
  const systemName = (ref: string) => (ref ? shortRef(ref) : t('noSystem'));
  const parts = (side: typeof now) => side?.partsUsed.total;
  const returned = (now?.repairTurnaround ?? []).reduce(
    (n, r) => n + r.returned,
    0,
  );
  const daysOut = (now?.repairTurnaround ?? []).reduce(
    (n, r) => n + r.averageDays * r.returned,
    0,
  );
  const words = {
    parts: formatValue(parts(now), 'integer'),
    previousParts: formatValue(parts(before), 'integer'),
    returned,
    vendors: now?.repairTurnaround.length ?? 0,
    averageDays: formatValue(
      returned ? daysOut / returned : undefined,
      'decimal',
    ),
    repeated: now?.repeatedRepairs.length ?? 0,
  };
  let summary = t('sparesNoData');
  if (now) {
    summary = t(returned ? 'sparesSummary' : 'sparesSummaryNoRepairs', words);
  }
  return {
    title: t('sectionSpares'),
    summary,
    tables: [
      {
        title: t('sparesUsed'),
        columns: [text('figure'), partsUsed],
        rows: now ? [[t('total'), compared(parts(now), parts(before))]] : [],
      },
      {
        title: t('sparesByMonth'),
        columns: [text('month'), { ...partsUsed, compare: false }],
        rows: (now?.partsUsed.byMonth ?? []).map(m => [m.month, m.quantity]),
      },
      {
        title: t('sparesBySystem'),
        columns: [text('system'), partsUsed],
        rows: now
          ? keyed(
              now.partsUsed.bySystem,
              before?.partsUsed.bySystem ?? [],
              s => s.system,
              s => s.quantity,
              before ? 0 : undefined,
            ).map(row => [
              systemName(row.key),
              compared(row.current, row.previous),
            ])
          : [],
      },
      {
        title: t('repairTurnaround'),
        columns: [
          text('vendor'),
          { header: t('repairsReturned'), format: 'integer' },
          { header: t('averageDays'), format: 'decimal' },
          { header: t('longestDays'), format: 'integer' },
        ],
        rows: (now?.repairTurnaround ?? []).map(r => [
          r.vendorName,
          r.returned,
          r.averageDays,
          r.longestDays,
        ]),
      },
      {
        title: t('repeatedRepairs'),
        columns: [text('device'), { header: t('repairs'), format: 'integer' }],
        rows: (now?.repeatedRepairs ?? []).map(r => [
          shortRef(r.deviceRef),
          r.repairs,
        ]),
      },
    ],
  };
}

function topSection(f: ReportFigures, t: Translate): ReportSection {
  const incidents: Column = {
    header: t('incidents'),
    format: 'integer',
    compare: true,
  };
  // Only this period's top ten are listed; the previous figure is known only if it was in its top ten.
  return {
    title: t('sectionTop'),
    tables: [
      {
        title: t('topDevices'),
        columns: [{ header: t('device'), format: 'text' }, incidents],
        rows: keyed(
          f.current.tickets.topDevices,
          f.previous.tickets.topDevices,
          r => r.entityRef,
          r => r.incidents,
          undefined,
        )
          .slice(0, f.current.tickets.topDevices.length)
          .map(row => [shortRef(row.key), compared(row.current, row.previous)]),
      },
      {
        title: t('topSystems'),
        columns: [{ header: t('system'), format: 'text' }, incidents],
        rows: keyed(
          f.current.tickets.topSystems,
          f.previous.tickets.topSystems,
          r => r.systemRef,
          r => r.incidents,
          undefined,
        )
          .slice(0, f.current.tickets.topSystems.length)
          .map(row => [shortRef(row.key), compared(row.current, row.previous)]),
      },
    ],
  };
}

/** The report's sections in the order the court reads them, numbered (a sheet name cannot clash with a raw sheet's). */
export function reportSections(
  figures: ReportFigures,
  t: Translate,
): ReportSection[] {
  return [
    servicesSection,
    timesSection,
    complianceSection,
    workSection,
    incidentsSection,
    changesSection,
    inspectionsSection,
    kbSection,
    sparesSection,
    topSection,
  ]
    .map(section => section(figures, t))
    .map((section, i) => ({ ...section, title: `${i + 1}. ${section.title}` }));
}
