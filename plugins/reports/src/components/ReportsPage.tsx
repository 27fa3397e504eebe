import { Content, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ChoiceField,
  CourtErrorPanel,
  isForbidden,
  messageOf,
  SingleEntityPicker,
  useEntityOptions,
} from '@internal/plugin-court-react';
import {
  previousPeriod,
  REPORT_KINDS,
  type ReportKind,
  type ReportPeriod,
  type ReportScope,
  type ReportSelection,
} from '@internal/plugin-reports-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import PrintIcon from '@material-ui/icons/Print';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reportsApiRef } from '../api';
import { defaultPeriod, periodFor, stepPeriod } from '../period';
import { reportsTranslationRef } from '../translation';
import { Charts } from './Charts';
import { DrillDown } from './DrillDown';
import { IssuedReports } from './IssuedReports';
import {
  BreachTable,
  ComplianceTables,
  FamilyTables,
  TimesTable,
} from './Tables';
import { Tiles } from './Tiles';

const SYSTEM_KINDS = ['system'];

/**
 * On paper the report is the figures alone: the sidebar, the controls and the buttons go, and
 * the page takes the sheet's full width.
 */
const PRINT_CSS = `@media print {
  nav[aria-label="sidebar nav"], .no-print, [class*="BackstageSidebar"] { display: none !important; }
  [class*="BackstageSidebarPage-root"], main { padding-left: 0 !important; margin-left: 0 !important; }
  [data-testid="report-figures"] svg { break-inside: avoid; }
}`;

/** The period on view, and what the picker shows to get there. */
interface PeriodChoice {
  readonly kind: ReportKind;
  readonly period: ReportPeriod;
}

function PeriodControls(props: {
  choice: PeriodChoice;
  system: string;
  onChoice: (choice: PeriodChoice) => void;
  onSystem: (system: string) => void;
}) {
  const { t } = useTranslationRef(reportsTranslationRef);
  const { choice } = props;
  const systems = useEntityOptions(SYSTEM_KINDS);
  const previous = previousPeriod(choice.period, choice.kind);
  const dateField = (
    testId: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
  ) => (
    <TextField
      type="date"
      fullWidth
      label={label}
      value={value}
      InputLabelProps={{ shrink: true }}
      inputProps={{ 'data-testid': testId }}
      onChange={event => event.target.value && onChange(event.target.value)}
    />
  );
  return (
    <Box mb={2}>
      <Grid container spacing={2} alignItems="center" className="no-print">
        <Grid item xs={12} sm={2}>
          <ChoiceField
            label={t('period.kind')}
            value={choice.kind}
            testId="period-kind"
            onChange={value => {
              const kind = value as ReportKind;
              props.onChoice({
                kind,
                period: periodFor(kind, choice.period.from, choice.period),
              });
            }}
          >
            {REPORT_KINDS.map(kind => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </ChoiceField>
        </Grid>
        {choice.kind === 'custom' ? (
          <>
            <Grid item xs={6} sm={2}>
              {dateField(
                'period-from',
                t('period.from'),
                choice.period.from,
                from =>
                  props.onChoice({
                    kind: 'custom',
                    period: { ...choice.period, from },
                  }),
              )}
            </Grid>
            <Grid item xs={6} sm={2}>
              {dateField('period-to', t('period.to'), choice.period.to, to =>
                props.onChoice({
                  kind: 'custom',
                  period: { ...choice.period, to },
                }),
              )}
            </Grid>
          </>
        ) : (
          <Grid item xs={12} sm={3}>
            {dateField('period-day', t('period.day'), choice.period.from, day =>
              props.onChoice({
                kind: choice.kind,
                period: periodFor(choice.kind, day, choice.period),
              }),
            )}
          </Grid>
        )}
        <Grid item>
          <Button
            data-testid="period-previous"
            onClick={() =>
              props.onChoice({
                ...choice,
                period: stepPeriod(choice.kind, choice.period, -1),
              })
            }
          >
            ‹ {t('period.previous')}
          </Button>
          <Button
            data-testid="period-next"
            onClick={() =>
              props.onChoice({
                ...choice,
                period: stepPeriod(choice.kind, choice.period, 1),
              })
            }
          >
            {t('period.next')} ›
          </Button>
        </Grid>
        <Grid item xs={12} sm={3}>
          <SingleEntityPicker
            label={t('period.scope')}
            helperText={t('period.scopeHelp')}
            options={systems.options}
            loading={systems.loading}
            testId="report-scope"
            value={props.system}
            onChange={props.onSystem}
          />
        </Grid>
      </Grid>
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="period-range"
      >
        {t('period.range', {
          from: choice.period.from,
          to: choice.period.to,
          previousFrom: previous.from,
          previousTo: previous.to,
        })}
      </Typography>
    </Box>
  );
}

/**
 * 服务报告: a period's figures for the court or one system beside the previous period's, with
 * charts, tables and the tickets behind each count; issuing and acknowledging the report.
 */
export function ReportsPage() {
  const { t } = useTranslationRef(reportsTranslationRef);
  const api = useApi(reportsApiRef);
  const [choice, setChoice] = useState<PeriodChoice>(() => ({
    kind: 'month',
    period: defaultPeriod(),
  }));
  const [system, setSystem] = useState('');
  const [drill, setDrill] = useState<{
    selection: ReportSelection;
    label: string;
  }>();
  const scope: ReportScope = useMemo(
    () => ({
      kind: choice.kind,
      from: choice.period.from,
      to: choice.period.to,
      system: system || undefined,
    }),
    [choice, system],
  );
  const figures = useAsync(() => api.getFigures(scope), [api, scope]);
  // The period's rows load once the first count is opened, and again for another period.
  const rowsWanted = drill !== undefined;
  const rows = useAsync(
    async () => (rowsWanted ? api.getRows(scope) : undefined),
    [api, scope, rowsWanted],
  );
  const change = (next: () => void) => {
    setDrill(undefined);
    next();
  };

  const forbidden = figures.error && isForbidden(figures.error);
  return (
    <Content>
      <style>{PRINT_CSS}</style>
      {forbidden ? (
        <CourtErrorPanel error={figures.error!} />
      ) : (
        <>
          <Box display="flex" justifyContent="flex-end" className="no-print">
            <Button
              startIcon={<PrintIcon />}
              data-testid="print-report"
              onClick={() => window.print()}
            >
              {t('page.print')}
            </Button>
          </Box>
          <PeriodControls
            choice={choice}
            system={system}
            onChoice={next => change(() => setChoice(next))}
            onSystem={next => change(() => setSystem(next))}
          />
          {figures.loading && <Progress />}
          {figures.error && (
            <Alert severity="error" data-testid="figures-error">
              {messageOf(figures.error)}
            </Alert>
          )}
          {figures.value && !figures.loading && (
            <div data-testid="report-figures">
              <Tiles
                current={figures.value.current}
                previous={figures.value.previous}
                onDrill={(selection, label) => setDrill({ selection, label })}
              />
              {drill && (
                <Box mt={2}>
                  <DrillDown
                    label={drill.label}
                    selection={drill.selection}
                    period={choice.period}
                    zone={figures.value.zone}
                    rows={rows}
                    onClose={() => setDrill(undefined)}
                  />
                </Box>
              )}
              <Charts figures={figures.value.current} />
              <ComplianceTables
                figures={figures.value.current}
                onDrill={(selection, label) => setDrill({ selection, label })}
              />
              <BreachTable figures={figures.value.current} />
              <TimesTable figures={figures.value.current} />
              <FamilyTables
                current={figures.value.current}
                previous={figures.value.previous}
              />
            </div>
          )}
          <Box mt={3}>
            <IssuedReports scope={scope} />
          </Box>
        </>
      )}
    </Content>
  );
}
