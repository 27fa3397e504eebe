import { Content } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/frontend-plugin-api';
import { ticketRouteRef } from '../../routes';
import { TicketView } from './TicketView';

/** `/tickets/:ticketRef`, by number (INC-2026-00042) or id. */
export function TicketPage() {
  const { ticketRef } = useRouteRefParams(ticketRouteRef);
  return (
    <Content>
      <TicketView key={ticketRef} ticketRef={ticketRef} />
    </Content>
  );
}
