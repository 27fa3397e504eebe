import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { RoundSummary } from '@internal/plugin-inspections-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useLocalize } from '../../hooks/useLanguage';
import { useInspectionLinks } from '../../hooks/useLinks';
import { inspectionsTranslationRef } from '../../translation';

/** A round's name: its building, or the applications checked from the duty room. */
export function useRoundTitle() {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const localize = useLocalize();
  return (round: RoundSummary) =>
    round.building
      ? localize(round.building.name, round.building.nameEn)
      : t('round.applications');
}

/** Rounds as a list a thumb can use: building, who walks it, how far it got. */
export function RoundList(props: {
  rounds: readonly RoundSummary[];
  me?: string;
  empty: string;
}) {
  const { t } = useTranslationRef(inspectionsTranslationRef);
  const links = useInspectionLinks();
  const title = useRoundTitle();
  if (props.rounds.length === 0) {
    return <Typography color="textSecondary">{props.empty}</Typography>;
  }
  // Mine first, then in route order.
  const rounds = [...props.rounds].sort(
    (a, b) => Number(b.assignee === props.me) - Number(a.assignee === props.me),
  );
  return (
    <List disablePadding>
      {rounds.map(round => {
        const path = links.round(round.id);
        return (
          <ListItem
            key={round.id}
            divider
            disableGutters
            data-testid={`round-${round.id}`}
            data-route={round.routeKey}
          >
            <Box width="100%">
              <Box
                display="flex"
                alignItems="center"
                flexWrap="wrap"
                style={{ gap: 8 }}
              >
                <Typography variant="subtitle1">
                  {path ? <Link to={path}>{title(round)}</Link> : title(round)}
                </Typography>
                {round.kind === 'ad-hoc' && (
                  <Chip size="small" label={t('round.adHoc')} />
                )}
                {round.assignee === props.me && (
                  <Chip size="small" color="primary" label={t('today.mine')} />
                )}
                {round.failed > 0 && (
                  <Chip
                    size="small"
                    color="secondary"
                    label={t('today.failed', { count: round.failed })}
                  />
                )}
              </Box>
              <Typography variant="body2" color="textSecondary">
                {round.assignee ? (
                  <EntityRefLink entityRef={round.assignee} />
                ) : (
                  t('round.unassigned')
                )}
                {' · '}
                {t('today.progress', {
                  done: String(round.done),
                  total: String(round.checks),
                })}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={round.checks ? (100 * round.done) / round.checks : 100}
                style={{ marginTop: 4 }}
              />
            </Box>
          </ListItem>
        );
      })}
    </List>
  );
}
