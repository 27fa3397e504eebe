import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { courtRequest } from '@internal/plugin-court-common';
import useAsync from 'react-use/esm/useAsync';

/** A part type of the spares register with what is on the shelves. */
export interface StockedPart {
  readonly id: string;
  readonly name: string;
  readonly total: number;
}

/** The part of the spares store page the pause dialog reads. */
interface StorePage {
  readonly stock: ReadonlyArray<{
    readonly partType: { readonly id: string; readonly name: string };
    readonly total: number;
  }>;
}

/**
 * The stocked part types a ticket may wait for, from the spares store page
 * (the desk does not depend on the spares packages: spares depends on it).
 * Empty when the spares plugin is absent or the user may not read the store:
 * the engineer then names the part in words.
 */
export function useStockedParts(): readonly StockedPart[] {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const { value } = useAsync(async () => {
    try {
      const page = await courtRequest('spares', {
        discoveryApi,
        fetchApi,
      })<StorePage>('GET', '/store?limit=100');
      return page.stock.map(s => ({
        id: s.partType.id,
        name: s.partType.name,
        total: s.total,
      }));
    } catch {
      return [];
    }
  }, [discoveryApi, fetchApi]);
  return value ?? [];
}
