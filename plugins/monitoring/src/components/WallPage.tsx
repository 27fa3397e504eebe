import { Link, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CourtErrorPanel } from '@internal/plugin-court-react';
import Typography from '@material-ui/core/Typography';
import { useBoard } from '../hooks/useBoard';
import { useMonitoringLinks } from '../hooks/useLinks';
import { monitoringTranslationRef } from '../translation';
import { StatusBoard } from './StatusBoard';

/** The board over the whole screen in big type, for the duty room's wall; live by signal or polling. */
export function WallPage() {
  const { t } = useTranslationRef(monitoringTranslationRef);
  const links = useMonitoringLinks();
  const board = useBoard();
  const root = links.root();
  return (
    <div
      data-testid="monitoring-wall"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1300,
        overflow: 'auto',
        padding: 32,
        background: '#111',
        color: '#fff',
      }}
    >
      <Typography variant="h2" style={{ color: 'inherit', marginBottom: 24 }}>
        {t('page.wall')}
        {root && (
          <Typography
            component="span"
            variant="body1"
            style={{ float: 'right' }}
          >
            <Link to={root} style={{ color: '#bbb' }}>
              {t('board.leaveWall')}
            </Link>
          </Typography>
        )}
      </Typography>
      {board.error && <CourtErrorPanel error={board.error} />}
      {!board.value && !board.error && <Progress />}
      {board.value && (
        <StatusBoard wall tiles={board.value.tiles} titles={board.value.titles} />
      )}
    </div>
  );
}
