import { Content, Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { ticketReadAllPermission } from '@internal/plugin-tickets-common';
import { DeskQueue } from './DeskQueue';
import { RequesterView } from './RequesterView';

/** `/tickets`: the desk's queue, or for court staff their own tickets. */
export function ServiceDeskPage() {
  const readAll = usePermission({ permission: ticketReadAllPermission });
  if (readAll.loading) return <Progress />;
  return (
    <Content>{readAll.allowed ? <DeskQueue /> : <RequesterView />}</Content>
  );
}
