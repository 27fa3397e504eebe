import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { courtClockServiceRef } from '@internal/plugin-court-node';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { archiveApiOverHttp } from './actions/archiveApi';
import { compileVolumeAction } from './actions/compileVolume';
import { createChangeAction } from './actions/createChange';
import { createDraftAction } from './actions/createDraft';

/**
 * The Court Ops Portal's scaffolder actions: templates on the Create page
 * file change requests, compile the quarterly volume and draft the DOC-3
 * documents through them, as the user who ran the template.
 */
export const scaffolderModuleCourtOps = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'courtops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        tickets: ticketsServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        clock: courtClockServiceRef,
      },
      async init({ scaffolder, tickets, auth, discovery, config, clock }) {
        // "The last ended quarter" is the archive's: the same zone its volumes are cut in.
        const zone =
          config.getOptionalString('archive.zone') ?? 'Asia/Shanghai';
        const archive = archiveApiOverHttp({ auth, discovery });
        scaffolder.addActions(
          createChangeAction({ tickets }),
          compileVolumeAction({ archive, clock, zone }),
          createDraftAction({ archive }),
        );
      },
    });
  },
});
