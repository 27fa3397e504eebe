import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { messageOf } from '@internal/plugin-court-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dutyApiRef } from '../../api';
import { dutyTranslationRef } from '../../translation';

/** The personal iCalendar feed: made (shown once, replacing the last) or revoked. */
export function CalendarFeedPanel() {
  const { t } = useTranslationRef(dutyTranslationRef);
  const api = useApi(dutyApiRef);
  const [url, setUrl] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Box mt={3}>
      <Typography variant="h6">{t('feed.title')}</Typography>
      <Typography variant="body2" gutterBottom>
        {t('feed.help')}
      </Typography>
      <Box display="flex" style={{ gap: 8 }} flexWrap="wrap">
        <Button
          variant="outlined"
          data-testid="feed-create"
          onClick={() =>
            run(async () => setUrl((await api.createCalendarFeed()).url))
          }
        >
          {t('feed.create')}
        </Button>
        <Button
          data-testid="feed-revoke"
          onClick={() =>
            run(async () => {
              await api.revokeCalendarFeed();
              setUrl(undefined);
              setNotice(t('feed.revoked'));
            })
          }
        >
          {t('feed.revoke')}
        </Button>
      </Box>
      {url && (
        <TextField
          fullWidth
          margin="dense"
          label={t('feed.url')}
          value={url}
          helperText={t('feed.once')}
          inputProps={{ readOnly: true, 'data-testid': 'feed-url' }}
        />
      )}
      {notice && <Alert severity="info">{notice}</Alert>}
      {error && <Alert severity="error">{error}</Alert>}
    </Box>
  );
}
