import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { PriorityLevel } from '@internal/plugin-sla-common';
import type { RiskLevel, TicketStatus } from '@internal/plugin-tickets-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ticketsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  L1: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  L2: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  L3: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  L4: {},
}));

/** 一级 … 四级, red to grey. */
export function LevelChip(props: { level: PriorityLevel; testId?: string }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={t(`level.${props.level}`)}
      className={classes[props.level]}
      data-testid={props.testId}
      data-level={props.level}
    />
  );
}

/** Statuses with nothing left to do, drawn outlined. */
const CLOSED: readonly TicketStatus[] = [
  'resolved',
  'closed',
  'rejected',
  'succeeded',
  'failed',
  'rolled-back',
];

export function StatusChip(props: { status: TicketStatus; testId?: string }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  return (
    <Chip
      size="small"
      variant={CLOSED.includes(props.status) ? 'outlined' : 'default'}
      label={t(`status.${props.status}`)}
      data-testid={props.testId}
      data-status={props.status}
    />
  );
}

const RISK_LEVEL: Record<RiskLevel, PriorityLevel> = {
  high: 'L1',
  medium: 'L2',
  low: 'L4',
};

/** 高 / 中 / 低风险, coloured as the levels are. */
export function RiskChip(props: { risk: RiskLevel; testId?: string }) {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={t(`risk.${props.risk}`)}
      className={classes[RISK_LEVEL[props.risk]]}
      data-testid={props.testId}
      data-risk={props.risk}
    />
  );
}

/** 紧急: an emergency change, done first and approved afterwards. */
export function EmergencyChip() {
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={t('changes.emergency')}
      className={classes.L1}
      data-testid="change-emergency"
    />
  );
}
