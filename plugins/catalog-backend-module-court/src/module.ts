import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { parseDeviceFactRules } from '@internal/plugin-court-common';
import { DeviceFactsProcessor } from './processor/DeviceFactsProcessor';

/** Validates the court's device facts (REQUIREMENTS CAT-2, CAT-4) as entities are processed. */
export const catalogModuleCourt = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'court',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const rules = parseDeviceFactRules(config.getOptional('courtOps'));
        catalog.addProcessor(new DeviceFactsProcessor(rules));
      },
    });
  },
});
