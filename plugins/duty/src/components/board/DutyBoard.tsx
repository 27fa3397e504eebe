import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel, useAsyncReload } from '@internal/plugin-court-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useInterval from 'react-use/esm/useInterval';
import { dutyApiRef } from '../../api';
import { useEngineerNames } from '../../hooks/useDuty';
import { dateIn, timeIn } from '../../time';
import { dutyTranslationRef } from '../../translation';

/**
 * Today's duty board: who is on site (by post), who is on the phone, who is on leave. The home
 * card shows it small; the wall display big, refreshed every `refreshSeconds`.
 */
export function DutyBoard(props: { big?: boolean; refreshSeconds?: number }) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const engineerName = useEngineerNames();
  const board = useAsyncReload(async () => {
    const [setup, onCall, leave] = await Promise.all([
      api.getSetup(),
      api.onCall(),
      api.listLeave({ status: 'approved' }),
    ]);
    const today = dateIn(onCall.at, setup.zone);
    return {
      setup,
      onCall,
      today,
      onLeave: leave.filter(l => l.from <= today && today <= l.to),
    };
  }, [api]);
  useInterval(
    board.retry,
    props.refreshSeconds ? props.refreshSeconds * 1000 : null,
  );

  const value = board.value;
  const big = Boolean(props.big);
  const heading = big ? 'h3' : 'subtitle1';
  const body = big ? 'h4' : 'body2';
  const postName = (id: string) =>
    value?.setup.posts.find(post => post.id === id)?.name ?? id;

  if (!value) {
    return board.error ? <CourtErrorPanel error={board.error} /> : <Progress />;
  }
  const { onCall } = value;
  return (
    <Box data-testid="duty-board">
      <Typography variant={big ? 'h2' : 'h6'} gutterBottom>
        {t('board.title', {
          date: value.today,
          time: timeIn(onCall.at, value.setup.zone),
        })}
      </Typography>
      <Typography variant={heading}>{t('board.onSite')}</Typography>
      <Box data-testid="board-on-site" mb={big ? 3 : 1}>
        {onCall.onSite.length === 0 && (
          <Typography variant={body}>
            {onCall.onSiteHours ? t('board.nobody') : t('board.outsideHours')}
          </Typography>
        )}
        {value.setup.posts.map(post => {
          const here = onCall.onSite.filter(s => s.post === post.id);
          return here.length === 0 ? null : (
            <Typography variant={body} key={post.id}>
              {postName(post.id)}:{' '}
              {here.map(s => engineerName(s.engineer)).join('、')}
            </Typography>
          );
        })}
      </Box>
      <Typography variant={heading}>{t('board.phone')}</Typography>
      <Box data-testid="board-phone" mb={big ? 3 : 1}>
        <Typography variant={body}>
          {onCall.phone ? engineerName(onCall.phone) : t('board.nobody')}
        </Typography>
      </Box>
      <Typography variant={heading}>{t('board.onLeave')}</Typography>
      <Box data-testid="board-on-leave">
        <Typography variant={body}>
          {value.onLeave.length === 0
            ? t('board.nobody')
            : value.onLeave.map(l => engineerName(l.engineer)).join('、')}
        </Typography>
      </Box>
      {onCall.first && (
        <Typography
          variant={body}
          style={{ marginTop: big ? 24 : 8 }}
          data-testid="board-first"
        >
          {t('board.first', { engineer: engineerName(onCall.first) })}
        </Typography>
      )}
    </Box>
  );
}
