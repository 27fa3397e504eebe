import { InfoCard, Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  linkRequestSchema,
  TICKET_LINK_RELATIONS,
  type Ticket,
  type TicketLink,
  type TicketLinkKind,
  type TicketLinkRelation,
} from '@internal/plugin-tickets-common';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { ticketsApiRef } from '../../api';
import { formatInstant } from '../../format';
import { useTicketLinks } from '../../hooks/useTicketLinks';
import { ticketsTranslationRef } from '../../translation';
import type { Mutate } from './useTicketMutation';

const KINDS: readonly TicketLinkKind[] = ['ticket', 'article'];

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
  },
}));

function LinkLine(props: { link: TicketLink }) {
  const { link } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const links = useTicketLinks();
  const href =
    link.kind === 'ticket'
      ? links.ticket(link.target)
      : links.article(link.target);
  return (
    <ListItem divider>
      <ListItemText
        primary={
          <>
            {t(`linkRelation.${link.relation}`)} · {t(`linkKind.${link.kind}`)}{' '}
            {href ? <Link to={href}>{link.target}</Link> : link.target}
          </>
        }
        secondary={formatInstant(link.createdAt)}
      />
    </ListItem>
  );
}

/** Related tickets and knowledge articles, and a form to add one. */
export function LinksCard(props: {
  ticket: Ticket;
  links: readonly TicketLink[];
  canLink: boolean;
  mutate: Mutate;
}) {
  const { ticket, mutate } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const classes = useStyles();
  const api = useApi(ticketsApiRef);
  const [kind, setKind] = useState<TicketLinkKind>('ticket');
  const [target, setTarget] = useState('');
  const [relation, setRelation] = useState<TicketLinkRelation>('related');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const request = linkRequestSchema.safeParse({
    kind,
    target: target.trim(),
    relation,
  });

  const submit = async () => {
    setAttempted(true);
    if (!request.success) return;
    setBusy(true);
    const result = await mutate(() => api.addLink(ticket.id, request.data));
    setBusy(false);
    if (result.ok) {
      setTarget('');
      setAttempted(false);
    }
  };

  return (
    <InfoCard title={t('links.title')}>
      <List dense data-testid="ticket-links">
        {props.links.length === 0 ? (
          <ListItem>
            <ListItemText secondary={t('links.empty')} />
          </ListItem>
        ) : (
          props.links.map(link => (
            <LinkLine
              key={`${link.kind}:${link.target}:${link.relation}`}
              link={link}
            />
          ))
        )}
      </List>
      {props.canLink && (
        <div className={classes.form}>
          <TextField
            select
            label={t('links.kind')}
            value={kind}
            SelectProps={{ native: true }}
            inputProps={{ 'data-testid': 'link-kind' }}
            onChange={event => {
              const next = event.target.value as TicketLinkKind;
              setKind(next);
              // The article linked from a ticket is most often the one that solved it.
              setRelation(next === 'article' ? 'solved-by' : 'related');
            }}
          >
            {KINDS.map(value => (
              <option key={value} value={value}>
                {t(`linkKind.${value}`)}
              </option>
            ))}
          </TextField>
          <TextField
            select
            label={t('links.relation')}
            value={relation}
            SelectProps={{ native: true }}
            inputProps={{ 'data-testid': 'link-relation' }}
            onChange={event =>
              setRelation(event.target.value as TicketLinkRelation)
            }
          >
            {TICKET_LINK_RELATIONS.map(value => (
              <option key={value} value={value}>
                {t(`linkRelation.${value}`)}
              </option>
            ))}
          </TextField>
          <TextField
            label={t('links.target')}
            value={target}
            error={attempted && !request.success}
            helperText={
              attempted && !request.success ? t('links.invalid') : undefined
            }
            inputProps={{ 'data-testid': 'link-target' }}
            onChange={event => setTarget(event.target.value)}
          />
          <Button
            color="primary"
            variant="outlined"
            disabled={busy}
            onClick={submit}
            data-testid="link-submit"
          >
            {t('links.submit')}
          </Button>
        </div>
      )}
    </InfoCard>
  );
}
