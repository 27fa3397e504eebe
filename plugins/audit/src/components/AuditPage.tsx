import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AUDIT_OUTCOMES,
  AuditEvent,
  AuditOutcome,
  AuditQuery,
  auditVerifyPermission,
  AuditVerification,
} from '@internal/plugin-audit-common';
import {
  CourtErrorPanel,
  messageOf,
  PermittedOnly,
} from '@internal/plugin-court-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { DateTime } from 'luxon';
import { FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { auditApiRef } from '../api';
import { auditTranslationRef } from '../translation';

/** The court's zone: the page shows and takes Beijing time. */
const ZONE = 'Asia/Shanghai';

const beijing = (instant: string) =>
  DateTime.fromISO(instant, { zone: 'utc' })
    .setZone(ZONE)
    .toFormat('yyyy-MM-dd HH:mm:ss');

interface Filters {
  actor: string;
  plugin: string;
  target: string;
  action: string;
  outcome: '' | AuditOutcome;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = {
  actor: '',
  plugin: '',
  target: '',
  action: '',
  outcome: '',
  from: '',
  to: '',
};

/** The API query of the form: dates are whole Beijing days, `to` inclusive. */
export function queryOf(filters: Filters): AuditQuery {
  const day = (date: string) => DateTime.fromISO(date, { zone: ZONE });
  const text = (value: string) => value.trim() || undefined;
  return {
    actor: text(filters.actor),
    plugin: text(filters.plugin),
    target: text(filters.target),
    action: text(filters.action),
    outcome: filters.outcome || undefined,
    from: filters.from ? day(filters.from).toISO()! : undefined,
    to: filters.to ? day(filters.to).plus({ days: 1 }).toISO()! : undefined,
  };
}

function Verification() {
  const { t } = useTranslationRef(auditTranslationRef);
  const api = useApi(auditApiRef);
  const [last, setLast] = useState<AuditVerification>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.lastVerification().then(setLast, e => setError(messageOf(e)));
  }, [api]);
  const verify = async () => {
    setRunning(true);
    setError(undefined);
    try {
      setLast(await api.verify());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };
  let status = <Alert severity="info">{t('verify.never')}</Alert>;
  if (last?.verdict.ok) {
    status = (
      <Alert severity="success" data-testid="verify-ok">
        {t('verify.ok', {
          at: beijing(last.checkedAt),
          rows: String(last.verdict.rows),
        })}
      </Alert>
    );
  } else if (last && !last.verdict.ok) {
    status = (
      <Alert severity="error" data-testid="verify-broken">
        {t('verify.broken', {
          at: beijing(last.checkedAt),
          seq: String(last.verdict.firstBadSeq),
          reason: last.verdict.reason,
        })}
      </Alert>
    );
  }
  return (
    <InfoCard title={t('verify.title')}>
      {status}
      {error && <Alert severity="error">{error}</Alert>}
      <PermittedOnly permission={auditVerifyPermission}>
        <Box mt={1}>
          <Button variant="outlined" disabled={running} onClick={verify}>
            {running ? t('verify.running') : t('verify.now')}
          </Button>
        </Box>
      </PermittedOnly>
    </InfoCard>
  );
}

function EventRow(props: { event: AuditEvent }) {
  const { t } = useTranslationRef(auditTranslationRef);
  const { event } = props;
  const outcome = (AUDIT_OUTCOMES as readonly string[]).includes(event.outcome)
    ? t(`outcome.${event.outcome as AuditOutcome}`)
    : event.outcome;
  const pruned =
    event.kind === 'checkpoint'
      ? String((event.meta as { pruned?: number } | null)?.pruned ?? '')
      : undefined;
  return (
    <TableRow>
      <TableCell>{beijing(event.occurredAt)}</TableCell>
      <TableCell>{event.actor ?? ''}</TableCell>
      <TableCell>{event.plugin}</TableCell>
      <TableCell>
        {pruned !== undefined
          ? t('list.checkpoint', { pruned })
          : event.eventId}
      </TableCell>
      <TableCell>{event.target ?? ''}</TableCell>
      <TableCell>{outcome}</TableCell>
      <TableCell>
        {event.method ? `${event.method} ${event.url ?? ''}` : ''}
      </TableCell>
    </TableRow>
  );
}

/** 审计记录: the court IT office's view of everything done in the portal. */
export function AuditPage() {
  const { t } = useTranslationRef(auditTranslationRef);
  const api = useApi(auditApiRef);
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  const [query, setQuery] = useState<AuditQuery>({});
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<Error>();
  const [exportError, setExportError] = useState<string>();

  // Only the newest request's answer is shown: a search sent while the first list is still
  // coming would otherwise be overwritten by it, the rows no longer matching the filter.
  const newest = useRef(0);
  const load = useCallback(
    async (next: AuditQuery, after?: string) => {
      const request = ++newest.current;
      try {
        const page = await api.listEvents({ ...next, cursor: after });
        if (request !== newest.current) return;
        setEvents(previous =>
          after ? [...previous, ...page.items] : [...page.items],
        );
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (e) {
        if (request === newest.current) setError(e as Error);
      }
    },
    [api],
  );

  useEffect(() => {
    load(query);
  }, [load, query]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(queryOf(form));
  };

  const download = async () => {
    setExportError(undefined);
    try {
      const blob = await api.exportEvents(query);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'audit.xlsx';
      anchor.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setExportError(messageOf(e));
    }
  };

  const field = (key: keyof Filters, help?: string) => ({
    id: `audit-filter-${key}`,
    value: form[key],
    onChange: (e: { target: { value: string } }) =>
      setForm({ ...form, [key]: e.target.value }),
    helperText: help,
    size: 'small' as const,
    variant: 'outlined' as const,
  });

  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>
        {error ? (
          <CourtErrorPanel error={error} />
        ) : (
          <>
            <Verification />
            <Box
              component="form"
              onSubmit={search}
              display="flex"
              flexWrap="wrap"
              style={{ gap: 8 }}
              my={2}
            >
              <TextField
                label={t('filter.actor')}
                {...field('actor', t('filter.actorHelp'))}
              />
              <TextField label={t('filter.plugin')} {...field('plugin')} />
              <TextField
                label={t('filter.target')}
                {...field('target', t('filter.targetHelp'))}
              />
              <TextField label={t('filter.action')} {...field('action')} />
              <TextField
                select
                label={t('filter.outcome')}
                style={{ minWidth: 120 }}
                {...field('outcome')}
              >
                <MenuItem value="">{t('filter.any')}</MenuItem>
                {AUDIT_OUTCOMES.map(o => (
                  <MenuItem key={o} value={o}>
                    {t(`outcome.${o}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                type="date"
                label={t('filter.from')}
                InputLabelProps={{ shrink: true }}
                {...field('from')}
              />
              <TextField
                type="date"
                label={t('filter.to')}
                InputLabelProps={{ shrink: true }}
                {...field('to')}
              />
              <Button type="submit" variant="contained" color="primary">
                {t('filter.search')}
              </Button>
              <Button variant="outlined" onClick={download}>
                {t('filter.export')}
              </Button>
            </Box>
            {exportError && <Alert severity="error">{exportError}</Alert>}
            <Table size="small" data-testid="audit-events">
              <TableHead>
                <TableRow>
                  <TableCell>{t('column.time')}</TableCell>
                  <TableCell>{t('column.actor')}</TableCell>
                  <TableCell>{t('column.plugin')}</TableCell>
                  <TableCell>{t('column.action')}</TableCell>
                  <TableCell>{t('column.target')}</TableCell>
                  <TableCell>{t('column.outcome')}</TableCell>
                  <TableCell>{t('column.request')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {events.map(event => (
                  <EventRow key={event.seq} event={event} />
                ))}
              </TableBody>
            </Table>
            {events.length === 0 && <Box my={2}>{t('list.empty')}</Box>}
            {cursor && (
              <Button onClick={() => load(query, cursor)}>
                {t('list.more')}
              </Button>
            )}
          </>
        )}
      </Content>
    </Page>
  );
}
