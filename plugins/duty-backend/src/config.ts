import { Config } from '@backstage/config';
import { readConfigAt } from '@internal/plugin-court-node';
import { DutyConfig, dutyConfigSchema } from '@internal/plugin-duty-common';

/** Reads `duty`; a bad value stops the start naming the key. */
export function readDutyConfig(config: Config): DutyConfig {
  return readConfigAt(config, 'duty', dutyConfigSchema);
}
