import { Link } from '@backstage/core-components';
import type { ReactNode } from 'react';

/** An incident at the service desk: a link where the app has the desk's page, its number where not. */
export function TicketLink(props: {
  to?: string;
  testId: string;
  children: ReactNode;
}) {
  return props.to ? (
    <Link to={props.to} data-testid={props.testId}>
      {props.children}
    </Link>
  ) : (
    <span data-testid={props.testId}>{props.children}</span>
  );
}
