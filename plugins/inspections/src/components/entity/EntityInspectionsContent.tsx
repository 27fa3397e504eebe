import { InfoCard, Link, Progress, Table } from '@backstage/core-components';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  EntityInspections,
  FailedItem,
  formatAnswer,
  InspectionCheck,
  inspectionRoundRunPermission,
} from '@internal/plugin-inspections-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { inspectionsApiRef } from '../../api';
import { messageOf } from '../../errors';
import { useLocalize } from '../../hooks/useLanguage';
import { useInspectionLinks } from '../../hooks/useLinks';
import { TicketLink } from '../shared/TicketLink';
import { inspectionsTranslationRef } from '../../translation';
import { StatusChip } from '../shared/StatusChip';

/** The latest check that has answers, with its template's labels. */
function LastResults(props: { data: EntityInspections }) {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const localize = useLocalize();
  const check = props.data.history.find(c => c.results.length > 0);
  if (!check) {
    return (
      <Typography color="textSecondary">{t('entity.noResults')}</Typography>
    );
  }
  const template = props.data.templates.find(
    tpl =>
      tpl.id === check.template.id && tpl.version === check.template.version,
  );
  return (
    <>
      <Typography variant="caption" color="textSecondary">
        {check.dueDate} · {check.deviceTitle}
      </Typography>
      <List dense disablePadding>
        {(template?.items ?? []).map(item => {
          const result = check.results.find(r => r.itemId === item.id);
          return (
            <ListItem key={item.id} disableGutters>
              <ListItemText
                primary={localize(item.label, item.labelEn)}
                secondary={
                  result
                    ? `${formatAnswer(item, result.value)} · ${t(
                        `verdict.${result.verdict}`,
                      )}`
                    : '–'
                }
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
}

/** "Inspections" on a system or device: next due, last results, history, failures. */
export function EntityInspectionsContent() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const api = useApi(inspectionsApiRef);
  const links = useInspectionLinks();
  const navigate = useNavigate();
  const localize = useLocalize();
  const canRun = usePermission({ permission: inspectionRoundRunPermission });
  const [startError, setStartError] = useState<string>();
  const data = useAsync(() => api.getEntityInspections(ref), [api, ref]);
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';

  const inspectNow = async () => {
    try {
      const round = await api.startAdHocRound({ devices: [ref] });
      const path = links.round(round.id);
      if (path) navigate(path);
    } catch (e) {
      setStartError(messageOf(e));
    }
  };

  if (data.error) return <CourtErrorPanel error={data.error} />;
  if (!data.value) return <Progress />;
  const value = data.value;

  return (
    <Grid container spacing={3} data-testid="entity-inspections">
      <Grid item xs={12} md={6}>
        <InfoCard
          title={t('entity.nextDue')}
          action={
            !isSystem && canRun.allowed ? (
              <Button
                variant="contained"
                color="primary"
                onClick={inspectNow}
                data-testid="inspect-now"
              >
                {t('entity.inspectNow')}
              </Button>
            ) : undefined
          }
        >
          {startError && <Alert severity="error">{startError}</Alert>}
          {value.nextDue.length === 0 ? (
            <Typography color="textSecondary">{t('entity.noPlan')}</Typography>
          ) : (
            <List dense disablePadding data-testid="next-due">
              {value.nextDue.map(next => {
                const path =
                  next.open &&
                  links.round(next.open.roundId, next.open.checkId);
                return (
                  <ListItem key={next.planId} disableGutters>
                    <ListItemText
                      primary={localize(next.planTitle, next.planTitleEn)}
                      secondary={
                        next.date === undefined ? (
                          <span data-testid="next-due-unknown">
                            {t('entity.unknownUntil', {
                              year: String(next.unknownUntil),
                            })}
                          </span>
                        ) : (
                          <>
                            {path ? (
                              <Link to={path}>{next.date}</Link>
                            ) : (
                              next.date
                            )}
                            {next.open &&
                              ` · ${t('entity.openCheck', {
                                date: next.date,
                              })}`}
                            {next.open?.overdue && ` · ${t('entity.overdue')}`}
                          </>
                        )
                      }
                    />
                  </ListItem>
                );
              })}
            </List>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('entity.lastResults')}>
          <LastResults data={value} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={t('entity.failures')}>
          {value.failures.length === 0 ? (
            <Typography color="textSecondary">
              {t('entity.noFailures')}
            </Typography>
          ) : (
            <Table<FailedItem>
              options={{
                paging: false,
                search: false,
                toolbar: false,
                padding: 'dense',
              }}
              data={value.failures}
              columns={[
                { title: t('entity.date'), field: 'dueDate' },
                ...(isSystem
                  ? [
                      {
                        title: t('coverage.device'),
                        render: (row: FailedItem) => (
                          <EntityRefLink
                            entityRef={row.deviceRef}
                            title={row.deviceTitle}
                          />
                        ),
                      },
                    ]
                  : []),
                {
                  title: t('entity.item'),
                  render: row => (
                    <span data-testid={`failure-${row.itemId}`}>
                      {localize(row.label, row.labelEn)}
                    </span>
                  ),
                },
                {
                  title: t('entity.answer'),
                  render: row =>
                    `${row.answer} · ${t(`verdict.${row.verdict}`)}`,
                },
                {
                  title: t('entity.incident'),
                  render: row =>
                    row.incident ? (
                      <TicketLink
                        to={links.ticket(row.incident.number)}
                        testId={`failure-incident-${row.itemId}`}
                      >
                        {row.incident.number}
                      </TicketLink>
                    ) : (
                      '–'
                    ),
                },
              ]}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={t('entity.history')}>
          <Table<InspectionCheck>
            options={{
              paging: true,
              pageSize: 10,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            data={value.history}
            columns={[
              {
                title: t('entity.date'),
                render: row => {
                  const path = links.round(row.roundId, row.id);
                  return path ? (
                    <Link to={path}>{row.dueDate}</Link>
                  ) : (
                    row.dueDate
                  );
                },
              },
              ...(isSystem
                ? [
                    {
                      title: t('coverage.device'),
                      render: (row: InspectionCheck) => (
                        <EntityRefLink
                          entityRef={row.deviceRef}
                          title={row.deviceTitle}
                        />
                      ),
                    },
                  ]
                : []),
              {
                title: t('entity.status'),
                render: row => <StatusChip status={row.status} />,
              },
              {
                title: t('entity.by'),
                render: row =>
                  row.completedBy ? (
                    <EntityRefLink entityRef={row.completedBy} />
                  ) : (
                    '–'
                  ),
              },
            ]}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
