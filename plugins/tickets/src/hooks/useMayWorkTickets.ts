import { useApi } from '@backstage/frontend-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ticketWorkPermission } from '@internal/plugin-tickets-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the user works tickets at all (the desk, engineers), and so may file
 * for someone else. The backend asks the same question, about no ticket in
 * particular; usePermission answers DENY to that, so ask the API directly.
 */
export function useMayWorkTickets(): boolean {
  const permissionApi = useApi(permissionApiRef);
  const { value } = useAsync(async () => {
    const { result } = await permissionApi.authorize({
      permission: ticketWorkPermission,
    });
    return result === 'ALLOW';
  }, [permissionApi]);
  return value ?? false;
}
