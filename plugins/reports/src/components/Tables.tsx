import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type {
  ComplianceCounts,
  PeriodFigures,
  ReportSelection,
} from '@internal/plugin-reports-common';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { formatDuration, formatInstant, formatPercent } from '../format';
import { reportsTranslationRef } from '../translation';
import { EntityName, TicketLink } from './common';

type Drill = (selection: ReportSelection, label: string) => void;

const OUTCOMES = ['met', 'breached', 'running'] as const;

function Section(props: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div data-testid={props.testId} style={{ marginTop: 24 }}>
      <Typography variant="h6">{props.title}</Typography>
      <Table size="small">{props.children}</Table>
    </div>
  );
}

/** A count that lists its tickets when clicked; a zero has nothing to list. */
function DrillCell(props: {
  value: number;
  testId: string;
  onClick: () => void;
}) {
  return (
    <TableCell align="right">
      {props.value === 0 ? (
        0
      ) : (
        <Link
          component="button"
          variant="body2"
          data-testid={props.testId}
          onClick={props.onClick}
        >
          {props.value}
        </Link>
      )}
    </TableCell>
  );
}

function OutcomeHeads() {
  const { t } = useTranslationRef(reportsTranslationRef);
  return (
    <>
      {OUTCOMES.map(outcome => (
        <TableCell key={outcome} align="right">
          {t(`outcome.${outcome}`)}
        </TableCell>
      ))}
      <TableCell align="right">{t('table.percent')}</TableCell>
    </>
  );
}

function OutcomeCells(props: {
  counts: ComplianceCounts;
  testId: string;
  selection: Omit<
    Extract<ReportSelection, { figure: 'compliance' }>,
    'outcome'
  >;
  label: string;
  onDrill: Drill;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  return (
    <>
      {OUTCOMES.map(outcome => (
        <DrillCell
          key={outcome}
          value={props.counts[outcome]}
          testId={`${props.testId}-${outcome}`}
          onClick={() =>
            props.onDrill(
              { ...props.selection, outcome },
              `${props.label} · ${t(`outcome.${outcome}`)}`,
            )
          }
        />
      ))}
      <TableCell align="right">
        {formatPercent(props.counts.percent) ?? t('tile.none')}
      </TableCell>
    </>
  );
}

/** SLA compliance per level × clock, and per system × clock (SLA-5). */
export function ComplianceTables(props: {
  figures: PeriodFigures;
  onDrill: Drill;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const { compliance } = props.figures.tickets;
  return (
    <>
      <Section
        title={t('table.complianceByLevel')}
        testId="compliance-by-level"
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('table.clock')}</TableCell>
            <TableCell>{t('table.level')}</TableCell>
            <OutcomeHeads />
          </TableRow>
        </TableHead>
        <TableBody>
          {compliance.byLevel.map(row => (
            <TableRow key={`${row.clock}-${row.level}`}>
              <TableCell>{t(`clock.${row.clock}`)}</TableCell>
              <TableCell>{row.level}</TableCell>
              <OutcomeCells
                counts={row}
                testId={`level-${row.clock}-${row.level}`}
                selection={{
                  figure: 'compliance',
                  clock: row.clock,
                  level: row.level,
                }}
                label={`${t(`clock.${row.clock}`)} ${row.level}`}
                onDrill={props.onDrill}
              />
            </TableRow>
          ))}
        </TableBody>
      </Section>
      <Section
        title={t('table.complianceBySystem')}
        testId="compliance-by-system"
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('table.system')}</TableCell>
            <TableCell>{t('table.clock')}</TableCell>
            <OutcomeHeads />
          </TableRow>
        </TableHead>
        <TableBody>
          {compliance.bySystem.map(row => (
            <TableRow key={`${row.systemRef}-${row.clock}`}>
              <TableCell>
                <EntityName entityRef={row.systemRef} />
              </TableCell>
              <TableCell>{t(`clock.${row.clock}`)}</TableCell>
              <OutcomeCells
                counts={row}
                testId={`system-${row.systemRef}-${row.clock}`}
                selection={{
                  figure: 'compliance',
                  clock: row.clock,
                  systemRef: row.systemRef,
                }}
                label={`${row.systemRef} ${t(`clock.${row.clock}`)}`}
                onDrill={props.onDrill}
              />
            </TableRow>
          ))}
        </TableBody>
      </Section>
    </>
  );
}

/** Every breach of the period, each linking to its ticket. */
export function BreachTable(props: { figures: PeriodFigures }) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const { breaches } = props.figures.tickets.compliance;
  return (
    <Section title={t('table.breaches')} testId="breaches">
      <TableHead>
        <TableRow>
          <TableCell>{t('table.ticket')}</TableCell>
          <TableCell>{t('table.title')}</TableCell>
          <TableCell>{t('table.clock')}</TableCell>
          <TableCell>{t('table.level')}</TableCell>
          <TableCell>{t('table.system')}</TableCell>
          <TableCell>{t('table.breachedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {breaches.length === 0 && (
          <TableRow>
            <TableCell colSpan={6}>{t('table.none')}</TableCell>
          </TableRow>
        )}
        {breaches.map(breach => (
          <TableRow key={`${breach.ticketId}-${breach.clock}`}>
            <TableCell>
              <TicketLink number={breach.number} />
            </TableCell>
            <TableCell>{breach.title}</TableCell>
            <TableCell>{t(`clock.${breach.clock}`)}</TableCell>
            <TableCell>{breach.level}</TableCell>
            <TableCell>
              {breach.systemRefs.map((ref, i) => (
                <span key={ref}>
                  {i > 0 && '、'}
                  <EntityName entityRef={ref} />
                </span>
              ))}
            </TableCell>
            <TableCell>{formatInstant(breach.breachedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Section>
  );
}

/** Response, arrival and resolution times per level (h:mm). */
export function TimesTable(props: { figures: PeriodFigures }) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const none = t('tile.none');
  return (
    <Section title={t('table.times')} testId="times">
      <TableHead>
        <TableRow>
          <TableCell>{t('table.clock')}</TableCell>
          <TableCell>{t('table.level')}</TableCell>
          <TableCell align="right">{t('table.count')}</TableCell>
          <TableCell align="right">{t('table.mean')}</TableCell>
          <TableCell align="right">{t('table.median')}</TableCell>
          <TableCell align="right">{t('table.p90')}</TableCell>
          <TableCell align="right">{t('table.max')}</TableCell>
          <TableCell align="right">{t('table.paused')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.figures.tickets.times.map(row => (
          <TableRow key={`${row.clock}-${row.level}`}>
            <TableCell>{t(`clock.${row.clock}`)}</TableCell>
            <TableCell>{row.level}</TableCell>
            <TableCell align="right">{row.elapsed.count}</TableCell>
            <TableCell align="right">
              {formatDuration(row.elapsed.meanMs) ?? none}
            </TableCell>
            <TableCell align="right">
              {formatDuration(row.elapsed.medianMs) ?? none}
            </TableCell>
            <TableCell align="right">
              {formatDuration(row.elapsed.p90Ms) ?? none}
            </TableCell>
            <TableCell align="right">
              {formatDuration(row.elapsed.maxMs) ?? none}
            </TableCell>
            <TableCell align="right">{formatDuration(row.pausedMs)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Section>
  );
}

/** Rows of figures with this period beside the previous one. */
function ComparisonTable(props: {
  title: string;
  testId: string;
  rows: ReadonlyArray<{
    key: string;
    label: string;
    current?: string | number;
    previous?: string | number;
  }>;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  return (
    <Section title={props.title} testId={props.testId}>
      <TableHead>
        <TableRow>
          <TableCell>{t('table.figure')}</TableCell>
          <TableCell align="right">{t('table.current')}</TableCell>
          <TableCell align="right">{t('table.previous')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.key} data-testid={`${props.testId}-${row.key}`}>
            <TableCell>{row.label}</TableCell>
            <TableCell align="right">{row.current ?? t('tile.none')}</TableCell>
            <TableCell align="right">
              {row.previous ?? t('tile.none')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Section>
  );
}

const CHANGE_COUNTS = [
  'filed',
  'approved',
  'rejected',
  'succeeded',
  'failed',
  'rolledBack',
  'emergency',
] as const;

/** Changes, inspections and the knowledge base, each beside the previous period. */
export function FamilyTables(props: {
  current: PeriodFigures;
  previous: PeriodFigures;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const { current, previous } = props;
  const pair = (
    key: string,
    label: string,
    of: (f: PeriodFigures) => string | number | undefined,
  ) => ({ key, label, current: of(current), previous: of(previous) });
  return (
    <>
      <ComparisonTable
        title={t('table.changes')}
        testId="changes"
        rows={[
          ...CHANGE_COUNTS.map(key =>
            pair(key, t(`changes.${key}`), f => f.tickets.changes[key]),
          ),
          pair('successRate', t('changes.successRate'), f =>
            formatPercent(f.tickets.changes.successRate.percent),
          ),
        ]}
      />
      <ComparisonTable
        title={t('table.inspections')}
        testId="inspections"
        rows={[
          pair(
            'roundsPlanned',
            t('inspections.roundsPlanned'),
            f => f.inspections.roundsPlanned,
          ),
          pair(
            'roundsDone',
            t('inspections.roundsDone'),
            f => f.inspections.roundsDone,
          ),
          pair('coverage', t('inspections.coverage'), f =>
            formatPercent(f.inspections.deviceCoverage.percent),
          ),
          pair(
            'failedItems',
            t('inspections.failedItems'),
            f => f.inspections.failedItems,
          ),
          pair(
            'incidentsOpened',
            t('inspections.incidentsOpened'),
            f => f.inspections.incidentsOpened,
          ),
          pair(
            'virusChecks',
            t('inspections.virusChecks'),
            f => f.inspections.viruses.checks,
          ),
          pair(
            'infectedPcs',
            t('inspections.infectedPcs'),
            f => f.inspections.viruses.infectedPcs,
          ),
          pair(
            'virusesFound',
            t('inspections.virusesFound'),
            f => f.inspections.viruses.virusesFound,
          ),
        ]}
      />
      <ComparisonTable
        title={t('table.kb')}
        testId="kb"
        rows={[
          pair('articlesAdded', t('kb.articlesAdded'), f => f.kb.articlesAdded),
          pair(
            'articlesUpdated',
            t('kb.articlesUpdated'),
            f => f.kb.articlesUpdated,
          ),
          pair(
            'knownErrors',
            t('kb.knownErrors'),
            f => f.kb.knownErrorsFromProblems,
          ),
        ]}
      />
    </>
  );
}
