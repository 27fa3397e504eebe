import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CourtErrorPanel,
  messageOf,
  useAsyncReload,
} from '@internal/plugin-court-react';
import type {
  DutyPost,
  Roster,
  RosterProblem,
  Shift,
} from '@internal/plugin-duty-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { useDutyPermissions, useEngineerNames } from '../../hooks/useDuty';
import { dutyTranslationRef } from '../../translation';
import { AssignDialog, AssignTarget } from './AssignDialog';
import { ProblemList } from './ProblemList';

const PHONE = 'phone';

const isNotFound = (error: unknown) =>
  ResponseError.is(error) && error.statusCode === 404;

/** The gaps the check reports per cell (`date|post` or `date|phone`), where a shift can be added. */
function gapsOf(problems: readonly RosterProblem[]): Set<string> {
  const gaps = new Set<string>();
  for (const problem of problems) {
    if (problem.rule === 'coverage')
      gaps.add(`${problem.date}|${problem.post}`);
    if (problem.rule === 'phone' && problem.have === 0) {
      gaps.add(`${problem.date}|${PHONE}`);
    }
  }
  return gaps;
}

/** The month's roster as a calendar by post; the ops manager generates, fixes and publishes it. */
export function RosterView(props: {
  month: string;
  posts: readonly DutyPost[];
  engineers: readonly string[];
  onMonth: (month: string) => void;
  nextMonth: string;
  previousMonth: string;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const can = useDutyPermissions();
  const engineerName = useEngineerNames();
  const { month } = props;
  const roster = useAsyncReload(() => api.getRoster(month), [api, month]);
  const [target, setTarget] = useState<AssignTarget>();
  const [actionError, setActionError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const postName = (id: string) =>
    props.posts.find(post => post.id === id)?.name ?? id;

  const act = async (action: () => Promise<Roster>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      roster.retry();
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const missing = roster.error && isNotFound(roster.error);
  const value = roster.value;
  const columns = [...props.posts.map(post => post.id), PHONE];
  const gaps = gapsOf(value?.problems ?? []);
  const cellShifts = (date: string, column: string): Shift[] =>
    (value?.shifts ?? []).filter(
      shift =>
        shift.date === date &&
        (column === PHONE ? shift.kind === 'phone' : shift.post === column),
    );

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
        mb={2}
      >
        <Button
          size="small"
          data-testid="month-previous"
          onClick={() => props.onMonth(props.previousMonth)}
        >
          ‹
        </Button>
        <Typography variant="h5" data-testid="roster-month">
          {t('roster.title', { month })}
        </Typography>
        <Button
          size="small"
          data-testid="month-next"
          onClick={() => props.onMonth(props.nextMonth)}
        >
          ›
        </Button>
        {value && (
          <Chip
            size="small"
            data-testid="roster-status"
            color={value.status === 'published' ? 'primary' : 'default'}
            label={t(`status.${value.status}`)}
          />
        )}
        <Box flexGrow={1} />
        {can.manage && (missing || value?.status === 'draft') && (
          <Button
            variant={missing ? 'contained' : 'outlined'}
            color="primary"
            data-testid="roster-generate"
            disabled={busy}
            onClick={() =>
              act(() => api.generateRoster(month, { replace: !missing }))
            }
          >
            {missing ? t('roster.generate') : t('roster.regenerate')}
          </Button>
        )}
        {can.manage && value?.status === 'draft' && (
          <Button
            variant="contained"
            color="primary"
            data-testid="roster-publish"
            disabled={busy}
            onClick={() =>
              act(() =>
                api.publishRoster(month, { expectedVersion: value.version }),
              )
            }
          >
            {t('roster.publish')}
          </Button>
        )}
      </Box>
      {actionError && (
        <Alert
          severity="error"
          data-testid="roster-error"
          style={{ marginBottom: 12 }}
        >
          {actionError}
        </Alert>
      )}
      {roster.loading && !value && <Progress />}
      {missing && (
        <Typography data-testid="roster-missing">
          {t('roster.none', { month })}
        </Typography>
      )}
      {roster.error && !missing && <CourtErrorPanel error={roster.error} />}
      {value && (
        <>
          <ProblemList
            problems={value.problems}
            postName={postName}
            engineerName={engineerName}
          />
          <Table
            size="small"
            data-testid="roster-calendar"
            style={{ marginTop: 12 }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('roster.date')}</TableCell>
                {columns.map(column => (
                  <TableCell key={column}>
                    {column === PHONE ? t('roster.phone') : postName(column)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {value.days.map(day => (
                <TableRow
                  key={day.date}
                  style={
                    day.dayKind === 'working'
                      ? undefined
                      : { background: 'rgba(200, 40, 40, 0.06)' }
                  }
                >
                  <TableCell>
                    {day.date.slice(5)} {t(`dayKind.${day.dayKind}`)}
                  </TableCell>
                  {columns.map(column => (
                    <TableCell
                      key={column}
                      data-testid={`cell-${day.date}-${column}`}
                    >
                      {cellShifts(day.date, column).map(shift => (
                        <Chip
                          key={shift.id}
                          size="small"
                          data-testid={`shift-${shift.id}`}
                          color={shift.engineer ? 'default' : 'secondary'}
                          label={
                            shift.engineer
                              ? engineerName(shift.engineer)
                              : t('roster.vacant')
                          }
                          onClick={
                            can.manage ? () => setTarget({ shift }) : undefined
                          }
                          style={{ margin: 2 }}
                        />
                      ))}
                      {can.manage &&
                        gaps.has(`${day.date}|${column}`) &&
                        // A vacant shift is filled by naming its engineer, not by another.
                        cellShifts(day.date, column).every(s => s.engineer) && (
                          <Button
                            size="small"
                            color="secondary"
                            data-testid={`add-${day.date}-${column}`}
                            onClick={() =>
                              setTarget(
                                column === PHONE
                                  ? { date: day.date, kind: 'phone' }
                                  : {
                                      date: day.date,
                                      kind: 'on-site',
                                      post: column,
                                    },
                              )
                            }
                          >
                            {t('roster.add')}
                          </Button>
                        )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {target && (
        <AssignDialog
          month={month}
          target={target}
          engineers={props.engineers}
          postName={postName}
          engineerName={engineerName}
          onClose={() => setTarget(undefined)}
          onSaved={() => {
            setTarget(undefined);
            roster.retry();
          }}
        />
      )}
    </>
  );
}
