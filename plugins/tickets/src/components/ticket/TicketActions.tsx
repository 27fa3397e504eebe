import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  allowedActions,
  ticketActionRequestSchema,
  type Ticket,
  type TicketAction,
  type TicketActionRequest,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { ticketsTranslationRef } from '../../translation';
import { ActionDialog, actionCandidate } from './ActionDialog';
import type { Mutate } from './useTicketMutation';

/** Actions that need nothing but a click: the engineer's check-ins. */
const ONE_CLICK: readonly TicketAction[] = [
  'acknowledge',
  'arrive',
  'start-work',
  'resume',
];

const useStyles = makeStyles(theme => ({
  bar: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/**
 * The lifecycle actions open to this ticket in its status, for those who
 * work tickets. Each sends the version the page read.
 */
export function TicketActions(props: {
  ticket: Ticket;
  canWork: boolean;
  mutate: Mutate;
}) {
  const { ticket, mutate } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const api = useApi(ticketsApiRef);
  const [dialog, setDialog] = useState<TicketAction>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const actions = allowedActions(ticket.type, ticket.status);
  if (!props.canWork || actions.length === 0) return null;

  const send = async (request: TicketActionRequest) => {
    setBusy(true);
    const result = await mutate(() => api.act(ticket.id, request));
    setBusy(false);
    // A conflict reloads the ticket, whose actions may now differ: start again from the page.
    if (result.ok || result.conflict) {
      setDialog(undefined);
      setFailure(undefined);
    } else {
      setFailure(result.message);
    }
  };

  const start = (action: TicketAction) => {
    if (ONE_CLICK.includes(action)) {
      send(
        ticketActionRequestSchema.parse(
          actionCandidate(action, {}, ticket.version),
        ),
      );
    } else {
      setFailure(undefined);
      setDialog(action);
    }
  };

  return (
    <div className={classes.bar} data-testid="ticket-actions">
      {actions.map(action => (
        <Button
          key={action}
          variant="outlined"
          color="primary"
          disabled={busy}
          onClick={() => start(action)}
          data-testid={`action-${action}`}
        >
          {t(`action.${action}`)}
        </Button>
      ))}
      {dialog && (
        <ActionDialog
          action={dialog}
          ticket={ticket}
          busy={busy}
          failure={failure}
          onCancel={() => setDialog(undefined)}
          onConfirm={send}
        />
      )}
    </div>
  );
}
