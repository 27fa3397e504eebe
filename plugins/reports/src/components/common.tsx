import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import { ticketRouteRef } from '../routes';

/** A catalog entity (a system, an engineer) by its title rather than its ref. */
export function EntityName(props: { entityRef: string }) {
  const { primaryTitle } = useEntityPresentation(props.entityRef);
  return <>{primaryTitle}</>;
}

/** A ticket's number, linking to the service desk's page of it where the app binds one. */
export function TicketLink(props: { number: string }) {
  const ticket = useRouteRef(ticketRouteRef);
  const path = ticket?.({ ticketRef: props.number });
  return path ? (
    <Link to={path} data-testid={`ticket-link-${props.number}`}>
      {props.number}
    </Link>
  ) : (
    <>{props.number}</>
  );
}
