import { useApi } from '@backstage/frontend-plugin-api';
import type { ChangeDetail } from '@internal/plugin-tickets-common';
import { useCallback } from 'react';
import { ticketsApiRef } from '../api';
import { useLiveRecord } from './useLiveRecord';

const changeOf = (detail: ChangeDetail) => detail.change;

/** One change with its history and warnings, refetched when the backend signals a newer version. */
export function useChangeDetail(changeRef: string) {
  const api = useApi(ticketsApiRef);
  const load = useCallback(() => api.getChange(changeRef), [api, changeRef]);
  return useLiveRecord(load, changeOf);
}
