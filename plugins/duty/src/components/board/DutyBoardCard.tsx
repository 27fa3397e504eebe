import { Link } from '@backstage/core-components';
import { useRouteRef, useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { boardRouteRef } from '../../routes';
import { dutyTranslationRef } from '../../translation';
import { DutyBoard } from './DutyBoard';

/** Home card: today's duty board, with the way to the wall display. */
export function DutyBoardCard() {
  const { t } = useTranslationRef(dutyTranslationRef);
  const board = useRouteRef(boardRouteRef);
  return (
    <div data-testid="duty-board-card">
      <DutyBoard refreshSeconds={300} />
      {board && (
        <Typography variant="body2" style={{ marginTop: 8 }}>
          <Link to={board()}>{t('board.wall')}</Link>
        </Typography>
      )}
    </div>
  );
}
