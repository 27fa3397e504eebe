import {
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import type { Ticket } from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { ticketsTranslationRef } from '../../translation';
import { kbApiRef } from '@internal/plugin-court-react';
import type { Mutate } from './useTicketMutation';

/**
 * On a problem, for those who work it: record the root cause as a
 * known-error article in one step (PRB-1). The knowledge base takes the
 * rest from the ticket and links the article back to it.
 */
export function KnownErrorAction(props: {
  ticket: Ticket;
  canWork: boolean;
  mutate: Mutate;
}) {
  const { ticket, mutate } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  // Offered only where the app has the knowledge base.
  const kb = useApiHolder().get(kbApiRef);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState({ cause: '', workaround: '', fix: '' });
  if (!kb || ticket.type !== 'problem' || !props.canWork) return null;

  const ready = fields.cause.trim() !== '' && fields.workaround.trim() !== '';
  const create = async () => {
    setBusy(true);
    const result = await mutate(() =>
      kb.knownErrorFromTicket({
        ticket: ticket.number,
        cause: fields.cause,
        workaround: fields.workaround,
        fix: fields.fix.trim() || undefined,
      }),
    );
    setBusy(false);
    if (result.ok) setOpen(false);
  };
  const field = (name: keyof typeof fields, required: boolean) => (
    <TextField
      fullWidth
      multiline
      minRows={2}
      margin="normal"
      required={required}
      label={t(`knowledge.${name}`)}
      value={fields[name]}
      inputProps={{ 'data-testid': `known-error-${name}` }}
      onChange={event => setFields({ ...fields, [name]: event.target.value })}
    />
  );

  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        onClick={() => setOpen(true)}
        data-testid="action-known-error"
      >
        {t('knowledge.createKnownError')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle>{t('knowledge.knownErrorTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="textSecondary">
            {t('knowledge.knownErrorHelp')}
          </Typography>
          {field('cause', true)}
          {field('workaround', true)}
          {field('fix', false)}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>
            {t('knowledge.cancel')}
          </Button>
          <Button
            color="primary"
            variant="contained"
            disabled={!ready || busy}
            onClick={create}
            data-testid="known-error-create"
          >
            {t('knowledge.create')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
