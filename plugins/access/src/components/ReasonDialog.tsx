import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useState } from 'react';
import { accessTranslationRef } from '../translation';

/** Asks for the reason a step records (refuse, revoke, suspend). */
export function ReasonDialog(props: {
  title: string;
  open: boolean;
  onClose(): void;
  onConfirm(reason: string): void;
}) {
  const { t } = useTranslationRef(accessTranslationRef);
  const [reason, setReason] = useState('');
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <TextField
          label={t('field.reason')}
          value={reason}
          onChange={e => setReason(e.target.value)}
          multiline
          fullWidth
          inputProps={{ 'data-testid': 'reason-input' }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('action.cancel')}</Button>
        <Button
          color="primary"
          disabled={reason.trim() === ''}
          onClick={() => props.onConfirm(reason.trim())}
        >
          {t('action.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
