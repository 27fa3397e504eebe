import { useApi } from '@backstage/frontend-plugin-api';
import { SlaEngine } from '@internal/plugin-sla-common';
import type { TicketsApi } from '@internal/plugin-tickets-common';
import useAsync from 'react-use/esm/useAsync';
import { ticketsApiRef } from '../api';

// The backend's SLA configuration changes only with a redeploy: fetch it once per page load.
const engines = new WeakMap<TicketsApi, Promise<SlaEngine>>();

function loadEngine(api: TicketsApi): Promise<SlaEngine> {
  let engine = engines.get(api);
  if (!engine) {
    engine = api.getSlaConfig().then(config => new SlaEngine(config));
    engine.catch(() => engines.delete(api));
    engines.set(api, engine);
  }
  return engine;
}

/** The SLA engine on the backend's configuration, to preview levels and targets. */
export function useSlaEngine() {
  const api = useApi(ticketsApiRef);
  const { value, loading, error } = useAsync(() => loadEngine(api), [api]);
  return { engine: value, loading, error };
}
