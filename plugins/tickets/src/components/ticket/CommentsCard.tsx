import { InfoCard } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  commentRequestSchema,
  type Ticket,
  type TicketEventRecord,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { ticketsTranslationRef } from '../../translation';
import { EventLine } from './TicketTimeline';
import type { Mutate } from './useTicketMutation';

/** The conversation on a ticket, and a box to add to it for those who may update it. */
export function CommentsCard(props: {
  ticket: Ticket;
  events: readonly TicketEventRecord[];
  canComment: boolean;
  mutate: Mutate;
}) {
  const { ticket, mutate } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const api = useApi(ticketsApiRef);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const comments = props.events.filter(event => event.type === 'commented');
  const request = commentRequestSchema.safeParse({ body });

  const submit = async () => {
    if (!request.success) return;
    setBusy(true);
    const result = await mutate(() => api.addComment(ticket.id, request.data));
    setBusy(false);
    if (result.ok) setBody('');
  };

  return (
    <InfoCard title={t('comments.title')}>
      <List dense data-testid="ticket-comments">
        {comments.length === 0 ? (
          <ListItem>
            <ListItemText secondary={t('comments.empty')} />
          </ListItem>
        ) : (
          comments.map(event => <EventLine key={event.seq} event={event} />)
        )}
      </List>
      {props.canComment && (
        <>
          <TextField
            fullWidth
            multiline
            minRows={2}
            label={t('comments.body')}
            value={body}
            inputProps={{ 'data-testid': 'comment-body' }}
            onChange={event => setBody(event.target.value)}
          />
          <Button
            color="primary"
            disabled={busy || !request.success}
            onClick={submit}
            data-testid="comment-submit"
          >
            {t('comments.submit')}
          </Button>
        </>
      )}
    </InfoCard>
  );
}
