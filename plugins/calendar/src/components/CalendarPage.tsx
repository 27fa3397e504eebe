import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  calendarScheduleUpdatePermission,
  CoveredYear,
  ScheduleSource,
  YearSchedule,
  yearScheduleSchema,
  YearVersionInfo,
} from '@internal/plugin-calendar-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { DEFAULT_ZONE } from '@internal/plugin-sla-common';
import { DateTime } from 'luxon';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAsyncReload } from '@internal/plugin-court-react';
import { calendarApiRef } from '../api';
import { calendarTranslationRef } from '../translation';
import { ScheduleRows } from './ScheduleRows';
import { YearPreviewGrid } from './YearPreviewGrid';

/** Who saved the version and when, as a person reads it: their name, Beijing time. */
function SavedVersion(props: {
  version: number;
  savedBy: string;
  savedAt: string;
}) {
  const { t } = useTranslationRef(calendarTranslationRef);
  const { primaryTitle } = useEntityPresentation(props.savedBy);
  return (
    <Typography variant="body2" color="textSecondary">
      {t('form.version', {
        version: String(props.version),
        by: primaryTitle,
        at: DateTime.fromISO(props.savedAt)
          .setZone(DEFAULT_ZONE)
          .toFormat('yyyy-MM-dd HH:mm'),
      })}
    </Typography>
  );
}

/** The form's content: a year's schedule and what it was loaded from. */
interface Draft {
  readonly schedule: YearSchedule;
  /** The version the form was opened at; 0 for a year not entered in the portal. */
  readonly expectedVersion: number;
  readonly latest?: YearVersionInfo;
  /** Where the shown schedule came from, if not the portal. */
  readonly builtIn?: ScheduleSource;
}

const isNotFound = (error: unknown) =>
  (error as { response?: { status?: number } }).response?.status === 404;

/**
 * 法定节假日安排: the covered years with their source, and the form where the
 * court IT office enters a year's schedule, checked as it is typed, with a
 * month-grid preview of the year.
 */
export function CalendarPage() {
  const { t } = useTranslationRef(calendarTranslationRef);
  const api = useApi(calendarApiRef);
  const canUpdate = usePermission({
    permission: calendarScheduleUpdatePermission,
  });
  const years = useAsyncReload(() => api.listYears(), [api]);
  const [yearText, setYearText] = useState('');
  const [draft, setDraft] = useState<Draft>();
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const open = useCallback(
    async (year: number) => {
      setMessage(undefined);
      setYearText(String(year));
      const known = years.value?.years.find(y => y.year === year);
      try {
        const entered = await api.getYear(year);
        setDraft({
          schedule: entered.schedule,
          expectedVersion: entered.latest.version,
          latest: entered.latest,
        });
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (known) {
        setDraft({
          schedule: await api.getBuiltInYear(year),
          expectedVersion: 0,
          builtIn: known.source,
        });
      } else {
        setDraft({
          schedule: { year, holidays: [], makeUpWorkingDays: [] },
          expectedVersion: 0,
        });
      }
    },
    [api, years.value],
  );

  // First the year after the last covered one: the one the court needs next.
  useEffect(() => {
    if (draft || !years.value) return;
    const last = Math.max(...years.value.years.map(y => y.year));
    open(last + 1).catch(error =>
      setMessage({ ok: false, text: String(error.message ?? error) }),
    );
  }, [years.value, draft, open]);

  const issues = useMemo(() => {
    if (!draft) return [];
    const result = yearScheduleSchema.safeParse(draft.schedule);
    return result.success
      ? []
      : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`);
  }, [draft]);

  if (years.error) return <ResponseErrorPanel error={years.error} />;
  if (!years.value) return <Progress />;

  const readOnly = !canUpdate.allowed;
  const edit = (change: (s: YearSchedule) => YearSchedule) =>
    setDraft(d => d && { ...d, schedule: change(d.schedule) });
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setMessage(undefined);
    try {
      const saved = await api.saveYear(draft.schedule.year, {
        schedule: draft.schedule,
        expectedVersion: draft.expectedVersion,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setDraft({
        schedule: saved.schedule,
        expectedVersion: saved.latest.version,
        latest: saved.latest,
      });
      setComment('');
      setMessage({
        ok: true,
        text: t('form.saved', { version: String(saved.latest.version) }),
      });
      years.retry();
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setSaving(false);
    }
  };

  const year = draft?.schedule.year;
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Typography paragraph>{t('page.intro')}</Typography>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title={t('years.title')} noPadding>
            <div data-testid="covered-years">
              <Table<CoveredYear>
                options={{
                  paging: true,
                  pageSize: 10,
                  search: false,
                  toolbar: false,
                  padding: 'dense',
                }}
                data={[...years.value.years]}
                columns={[
                  { title: t('years.year'), field: 'year' },
                  {
                    title: t('years.source'),
                    render: y => (
                      <span data-testid={`source-${y.year}`}>
                        {t(`source.${y.source}`)}
                        {y.latest && ` · v${y.latest.version}`}
                      </span>
                    ),
                  },
                  {
                    title: '',
                    render: y => (
                      <Button size="small" onClick={() => open(y.year)}>
                        {t('years.open')}
                      </Button>
                    ),
                  },
                ]}
              />
            </div>
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={8}>
          <InfoCard title={year ? t('form.title', { year: String(year) }) : ''}>
            <form
              data-testid="schedule-form"
              onSubmit={event => {
                event.preventDefault();
                save();
              }}
            >
              <Grid container spacing={2} alignItems="center">
                <Grid item>
                  <TextField
                    label={t('form.year')}
                    value={yearText}
                    onChange={e => setYearText(e.target.value)}
                    inputProps={{
                      'data-testid': 'year-input',
                      inputMode: 'numeric',
                    }}
                    size="small"
                  />
                </Grid>
                <Grid item>
                  <Button
                    variant="outlined"
                    disabled={!/^\d{4}$/.test(yearText)}
                    onClick={() => open(Number(yearText))}
                  >
                    {t('form.load')}
                  </Button>
                </Grid>
              </Grid>
              {draft?.latest && (
                <SavedVersion
                  version={draft.latest.version}
                  savedBy={draft.latest.savedBy}
                  savedAt={draft.latest.savedAt}
                />
              )}
              {draft?.builtIn && (
                <Alert severity="info">
                  {t('form.fromBuiltIn', {
                    source: t(`source.${draft.builtIn}`),
                  })}
                </Alert>
              )}
              {draft && !draft.builtIn && !draft.latest && (
                <Alert severity="warning">{t('form.newYear')}</Alert>
              )}
              {readOnly && <Alert severity="info">{t('form.readOnly')}</Alert>}
              {draft && (
                <>
                  <ScheduleRows
                    title={t('form.holidays')}
                    testId="holiday"
                    rows={draft.schedule.holidays}
                    fields={[
                      { name: 'name', label: t('form.name'), width: 4 },
                      {
                        name: 'start',
                        label: t('form.start'),
                        date: true,
                        width: 3,
                      },
                      {
                        name: 'end',
                        label: t('form.end'),
                        date: true,
                        width: 3,
                      },
                    ]}
                    update={(h, field, value) => ({
                      ...h,
                      [field]: value,
                      // A one-day holiday needs only its start typed.
                      ...(field === 'start' && !h.end ? { end: value } : {}),
                    })}
                    blank={{ name: '', start: '', end: '' }}
                    onRows={change =>
                      edit(s => ({ ...s, holidays: change(s.holidays) }))
                    }
                    readOnly={readOnly}
                    addLabel={t('form.addHoliday')}
                  />
                  <ScheduleRows
                    title={t('form.makeUpWorkingDays')}
                    testId="makeup"
                    rows={draft.schedule.makeUpWorkingDays}
                    fields={[
                      {
                        name: 'date',
                        label: t('form.date'),
                        date: true,
                        width: 4,
                      },
                      { name: 'name', label: t('form.makeUpFor'), width: 4 },
                    ]}
                    update={(m, field, value) =>
                      // The name is optional: an emptied one is left out.
                      field === 'name' && value === ''
                        ? { date: m.date }
                        : { ...m, [field]: value }
                    }
                    blank={{ date: '' }}
                    onRows={change =>
                      edit(s => ({
                        ...s,
                        makeUpWorkingDays: change(s.makeUpWorkingDays),
                      }))
                    }
                    readOnly={readOnly}
                    addLabel={t('form.addMakeUp')}
                  />
                  {issues.length > 0 && (
                    <Alert severity="error" data-testid="schedule-issues">
                      {t('form.problems')}
                      <ul>
                        {issues.map(issue => (
                          <li key={issue}>{issue}</li>
                        ))}
                      </ul>
                    </Alert>
                  )}
                  {!readOnly && (
                    <Grid
                      container
                      spacing={2}
                      alignItems="center"
                      style={{ marginTop: 8 }}
                    >
                      <Grid item xs={8}>
                        <TextField
                          label={t('form.comment')}
                          value={comment}
                          onChange={e => setComment(e.target.value)}
                          fullWidth
                        />
                      </Grid>
                      <Grid item xs={4}>
                        <Button
                          type="submit"
                          variant="contained"
                          color="primary"
                          disabled={saving || issues.length > 0}
                          data-testid="save-schedule"
                        >
                          {t('form.save', { year: String(year) })}
                        </Button>
                      </Grid>
                    </Grid>
                  )}
                  {message && (
                    <Alert
                      severity={message.ok ? 'success' : 'error'}
                      data-testid="save-message"
                      style={{ marginTop: 8 }}
                    >
                      {message.text}
                    </Alert>
                  )}
                </>
              )}
            </form>
          </InfoCard>
        </Grid>
        {draft && (
          <Grid item xs={12}>
            <InfoCard title={t('preview.title')}>
              <YearPreviewGrid schedule={draft.schedule} />
            </InfoCard>
          </Grid>
        )}
      </Grid>
    </Content>
  );
}
