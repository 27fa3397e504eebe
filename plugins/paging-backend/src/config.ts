import { Config } from '@backstage/config';
import { readConfigAt } from '@internal/plugin-court-node';
import {
  PagingConfig,
  pagingConfigSchema,
} from '@internal/plugin-paging-common';

/** `paging` from app-config; a bad value stops the start naming its key. */
export function readPagingConfig(config: Config): PagingConfig {
  return readConfigAt(config, 'paging', pagingConfigSchema);
}
