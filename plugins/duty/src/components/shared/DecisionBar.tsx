import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { messageOf } from '@internal/plugin-court-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dutyTranslationRef } from '../../translation';

/**
 * Approve, or refuse with a reason (leave, swaps): the backend says when a reason is missing or
 * the decision is not the caller's to make, and that shows here.
 */
export function DecisionBar(props: {
  /** Prefix of the buttons' test ids: `<prefix>-approve`, `<prefix>-refuse`. */
  testIdPrefix: string;
  decide: (decision: { approve: boolean; reason?: string }) => Promise<void>;
}) {
  const { t } = useTranslationRef(dutyTranslationRef);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const decide = async (approve: boolean) => {
    setError(undefined);
    try {
      await props.decide({ approve, reason: reason.trim() || undefined });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 8 }}
        mt={1}
        alignItems="flex-end"
      >
        <TextField
          label={t('leave.decisionReason')}
          value={reason}
          inputProps={{ 'data-testid': 'decision-reason' }}
          onChange={e => setReason(e.target.value)}
        />
        <Button
          variant="contained"
          color="primary"
          data-testid={`${props.testIdPrefix}-approve`}
          onClick={() => decide(true)}
        >
          {t('leave.approve')}
        </Button>
        <Button
          data-testid={`${props.testIdPrefix}-refuse`}
          onClick={() => decide(false)}
        >
          {t('leave.refuse')}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" data-testid="decision-error">
          {error}
        </Alert>
      )}
    </>
  );
}
