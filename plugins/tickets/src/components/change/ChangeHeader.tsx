import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import type { Change } from '@internal/plugin-tickets-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { formatInstant } from '../../format';
import { ticketsTranslationRef } from '../../translation';
import { EmergencyChip, RiskChip, StatusChip } from '../shared/labels';

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  text: { whiteSpace: 'pre-wrap' },
}));

/** Number, status, risk; then what, why, where, when, who, and how to go back. */
export function ChangeHeader(props: { change: Change }) {
  const { change } = props;
  const data = change.change;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const text = (value: string) => <span className={classes.text}>{value}</span>;

  const facts: Record<string, ReactNode> = {
    [t('change.what')]: text(change.description || t('ticket.noDescription')),
    [t('change.reason')]: text(data.reason),
    [t('change.entities')]: (
      <EntityRefLinks entityRefs={[...change.entityRefs]} hideIcons />
    ),
    [t('change.window')]: t('change.windowValue', {
      start: formatInstant(data.window.start),
      end: formatInstant(data.window.end),
    }),
    [t('change.implementer')]: change.assignee ? (
      <EntityRefLink entityRef={change.assignee} hideIcon />
    ) : (
      t('queue.unassigned')
    ),
    [t('change.filedBy')]: (
      <EntityRefLink entityRef={change.createdBy} hideIcon />
    ),
    [t('change.trialImpact')]: t(`trialImpact.${data.risk.trialImpact}`),
    [t('change.rollback')]: t(`rollbackDifficulty.${data.risk.rollback}`),
    [t('change.tested')]: data.risk.testedInSimulation
      ? t('change.yes')
      : t('change.no'),
    [t('change.rollbackPlan')]: text(data.rollbackPlan),
  };
  if (data.emergency && data.outcome) {
    facts[t('change.registeredOutcome')] = t(`status.${data.outcome}`);
  }
  if (data.release) {
    facts[t('change.release')] = t('change.releaseVersion', {
      software: data.release.software,
      from: data.release.fromVersion ?? '—',
      to: data.release.toVersion,
    });
    facts[t('change.requirementAnalysis')] = text(
      data.release.requirementAnalysis,
    );
    facts[t('change.trialFeedback')] = text(data.release.trialFeedback);
    facts[t('change.simulationTest')] = text(data.release.simulationTest);
  }
  if (data.decidedBy && data.decidedAt) {
    facts[t('change.decidedBy')] = (
      <>
        <EntityRefLink entityRef={data.decidedBy} hideIcon />{' '}
        {formatInstant(data.decidedAt)}
      </>
    );
  }
  if (data.decisionComment) {
    facts[t('change.decisionComment')] = text(data.decisionComment);
  }
  if (data.freezeException) {
    facts[t('change.freezeException')] = t('change.yes');
  }
  if (data.startedAt)
    facts[t('change.started')] = formatInstant(data.startedAt);
  if (data.finishedAt) {
    facts[t('change.finished')] = formatInstant(data.finishedAt);
  }

  return (
    <InfoCard>
      <div data-testid="change-header">
        <div className={classes.title}>
          <Typography variant="h5" component="h1" data-testid="change-number">
            {change.number}
          </Typography>
          <Chip size="small" label={t('type.change')} />
          <StatusChip status={change.status} testId="change-status" />
          <RiskChip risk={data.riskLevel} testId="change-risk" />
          {data.emergency && <EmergencyChip />}
        </div>
        <Typography variant="h6" gutterBottom data-testid="change-heading">
          {change.title}
        </Typography>
        {data.emergency && (
          <Typography variant="body2" color="textSecondary" paragraph>
            {t('change.emergencyNote')}
          </Typography>
        )}
        <StructuredMetadataTable metadata={facts} />
      </div>
    </InfoCard>
  );
}
