import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { ticketsServiceRef } from '@internal/plugin-tickets-node';
import { createChangeAction } from './actions/createChange';

/**
 * The Court Ops Portal's scaffolder actions: templates on the Create page
 * file change requests through them, as the user who ran the template.
 */
export const scaffolderModuleCourtOps = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'courtops',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        tickets: ticketsServiceRef,
      },
      async init({ scaffolder, tickets }) {
        scaffolder.addActions(createChangeAction({ tickets }));
      },
    });
  },
});
