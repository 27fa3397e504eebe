import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Article, ArticleDiff } from '@internal/plugin-kb-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { useAsyncReload } from '@internal/plugin-court-react';
import { kbApiRef } from '../../api';
import { isConflict, messageOf } from '../../errors';
import { formatInstant } from '../../format';
import { kbTranslationRef } from '../../translation';
import { ActorLink } from '../shared/labels';
import { DiffView } from './DiffView';

/**
 * Every save of the article, newest first: who and when, the changes each
 * made, and (for editors) bringing an earlier one back as a new version.
 */
export function ArticleHistory(props: {
  article: Article;
  canRestore: boolean;
  onRestored: () => void;
}) {
  const { article } = props;
  const { t } = useTranslationRef(kbTranslationRef);
  const api = useApi(kbApiRef);
  const versions = useAsyncReload(
    () => api.listVersions(article.id),
    [api, article.id, article.version],
  );
  const [diff, setDiff] = useState<ArticleDiff>();
  const [restoring, setRestoring] = useState<number>();
  const [failure, setFailure] = useState<string>();

  const showChanges = async (version: number) => {
    setFailure(undefined);
    try {
      setDiff(await api.diffVersions(article.id, version - 1, version));
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  const restore = async () => {
    if (restoring === undefined) return;
    setFailure(undefined);
    try {
      await api.restoreVersion(article.id, {
        version: article.version,
        from: restoring,
      });
    } catch (error) {
      setFailure(
        isConflict(error)
          ? t('history.conflict')
          : t('history.failed', { message: messageOf(error) }),
      );
    }
    setRestoring(undefined);
    props.onRestored();
  };

  return (
    <InfoCard title={t('history.title')}>
      {failure && <Alert severity="warning">{failure}</Alert>}
      {versions.error && <ResponseErrorPanel error={versions.error} />}
      {versions.loading && !versions.value && <Progress />}
      <List dense data-testid="article-history">
        {versions.value?.map(v => (
          <ListItem
            key={v.version}
            divider
            data-testid={`version-${v.version}`}
          >
            <ListItemText
              primary={
                <>
                  {t('history.version', { version: String(v.version) })}
                  {v.version === article.version &&
                    ` (${t('history.current')})`}
                  {v.restoredFrom !== undefined &&
                    ` · ${t('history.restoredFrom', {
                      version: String(v.restoredFrom),
                    })}`}
                  {v.fromFile && ` · ${t('history.fromFile')}`}
                </>
              }
              secondary={
                <>
                  {formatInstant(v.at)} · <ActorLink actor={v.author} />
                </>
              }
            />
            {v.version > 1 && (
              <Button
                size="small"
                onClick={() => showChanges(v.version)}
                data-testid={`version-${v.version}-changes`}
              >
                {t('history.compare')}
              </Button>
            )}
            {props.canRestore && v.version !== article.version && (
              <Button
                size="small"
                color="primary"
                onClick={() => setRestoring(v.version)}
                data-testid={`version-${v.version}-restore`}
              >
                {t('history.restore')}
              </Button>
            )}
          </ListItem>
        ))}
      </List>
      <Dialog
        open={diff !== undefined}
        onClose={() => setDiff(undefined)}
        maxWidth="md"
        fullWidth
      >
        {diff && (
          <>
            <DialogTitle>
              {t('history.diffTitle', {
                from: String(diff.from),
                to: String(diff.to),
              })}
            </DialogTitle>
            <DialogContent>
              <DiffView diff={diff} />
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setDiff(undefined)}>
                {t('history.close')}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
      <Dialog
        open={restoring !== undefined}
        onClose={() => setRestoring(undefined)}
      >
        <DialogContent>
          {t('history.restoreConfirm', { version: String(restoring ?? '') })}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRestoring(undefined)}>
            {t('editor.cancel')}
          </Button>
          <Button
            color="primary"
            variant="contained"
            onClick={restore}
            data-testid="restore-confirm"
          >
            {t('history.restore')}
          </Button>
        </DialogActions>
      </Dialog>
    </InfoCard>
  );
}
