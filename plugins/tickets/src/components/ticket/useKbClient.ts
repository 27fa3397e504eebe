import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { KbClient } from '@internal/plugin-kb-common';
import { useMemo } from 'react';

/** The knowledge base's API, called as the signed-in user. */
export function useKbClient(): KbClient {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  return useMemo(
    () => new KbClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
}
