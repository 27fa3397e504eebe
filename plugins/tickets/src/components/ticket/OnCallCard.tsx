import { InfoCard } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { USER_ANNOTATIONS } from '@internal/plugin-court-common';
import type {
  Ticket,
  TicketEventRecord,
} from '@internal/plugin-tickets-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { formatInstant, useDurationFormat } from '../../format';
import { ticketsTranslationRef } from '../../translation';
import { ClockCountdown } from '../clocks/ClockCountdown';

/**
 * The engineer on phone duty a ticket filed outside on-site hours went to (SLA-3), with how to
 * reach them and the arrival clock: they owe the court an engineer on site within its target
 * (30 minutes for an emergency). Shown while the ticket is still theirs.
 */
export function OnCallCard(props: {
  ticket: Ticket;
  events: readonly TicketEventRecord[];
}) {
  const { ticket, events } = props;
  const filed = events.find(event => event.type === 'created');
  const engineer =
    filed?.type === 'created' && filed.phoneDuty ? filed.assignee : undefined;
  if (!engineer || engineer !== ticket.assignee) return null;
  return <OnCallEngineer ticket={ticket} engineer={engineer} />;
}

function OnCallEngineer(props: { ticket: Ticket; engineer: string }) {
  const { ticket, engineer } = props;
  const { t } = useTranslationRef(ticketsTranslationRef);
  const format = useDurationFormat();
  const catalog = useApi(catalogApiRef);
  const user = useAsync(
    () => catalog.getEntityByRef(engineer),
    [catalog, engineer],
  );
  const mobile = user.value?.metadata.annotations?.[USER_ANNOTATIONS.mobile];
  const arrival = ticket.clocks?.arrival;

  return (
    <InfoCard title={t('onCall.title')}>
      <div data-testid="on-call">
        <Typography variant="body2" color="textSecondary">
          {t('onCall.filedOutsideHours')}
        </Typography>
        <Typography variant="h6" data-testid="on-call-engineer">
          {/* The entity itself once read, so its display name shows at once. */}
          <EntityRefLink entityRef={user.value ?? engineer} hideIcon />
        </Typography>
        <Typography variant="body1" data-testid="on-call-mobile">
          {mobile ? (
            <a href={`tel:${mobile}`}>{t('onCall.mobile', { mobile })}</a>
          ) : (
            !user.loading && t('onCall.noMobile')
          )}
        </Typography>
        {arrival && arrival.state !== 'not-applicable' && (
          <div data-testid="on-call-arrival">
            <Typography variant="subtitle2">
              {arrival.targetMs === undefined
                ? t('onCall.arrival')
                : t('onCall.arrivalWithin', {
                    target: format.span(arrival.targetMs),
                  })}{' '}
              <ClockCountdown clock={arrival} asOf={ticket.asOf} />
            </Typography>
            {arrival.state === 'running' && arrival.dueAt && (
              <Typography variant="body2" color="textSecondary">
                {t('onCall.arriveBy', { at: formatInstant(arrival.dueAt) })}
              </Typography>
            )}
          </div>
        )}
      </div>
    </InfoCard>
  );
}
