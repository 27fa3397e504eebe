import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { entityArchiveContent } from '@internal/plugin-archive';
import { archiveReadPermission } from '@internal/plugin-archive-common';
import { entityInspectionsContent } from '@internal/plugin-inspections';
import { inspectionRoundReadPermission } from '@internal/plugin-inspections-common';
import { entityMonitoringContent } from '@internal/plugin-monitoring';
import { monitoringReadPermission } from '@internal/plugin-monitoring-common';
import { entitySparesContent } from '@internal/plugin-spares';
import { sparesReadPermission } from '@internal/plugin-spares-common';
import {
  entityChangesContent,
  entitySlaContent,
} from '@internal/plugin-tickets';
import { ticketReadAllPermission } from '@internal/plugin-tickets-common';

/**
 * Entity tabs a role cannot use are not shown to it (issue 12): the app decides
 * with Backstage's permission predicate on each extension, so the plugins stay
 * testable on their own.
 */
const readsAllTickets = {
  permissions: { $contains: ticketReadAllPermission.name },
};

export const ticketsTabsByRole = createFrontendModule({
  pluginId: 'tickets',
  extensions: [
    entitySlaContent.override({ if: readsAllTickets }),
    entityChangesContent.override({ if: readsAllTickets }),
  ],
});

export const inspectionsTabsByRole = createFrontendModule({
  pluginId: 'inspections',
  extensions: [
    entityInspectionsContent.override({
      if: { permissions: { $contains: inspectionRoundReadPermission.name } },
    }),
  ],
});

export const archiveTabsByRole = createFrontendModule({
  pluginId: 'archive',
  extensions: [
    entityArchiveContent.override({
      if: { permissions: { $contains: archiveReadPermission.name } },
    }),
  ],
});

export const sparesTabsByRole = createFrontendModule({
  pluginId: 'spares',
  extensions: [
    entitySparesContent.override({
      if: { permissions: { $contains: sparesReadPermission.name } },
    }),
  ],
});

export const monitoringTabsByRole = createFrontendModule({
  pluginId: 'monitoring',
  extensions: [
    entityMonitoringContent.override({
      if: { permissions: { $contains: monitoringReadPermission.name } },
    }),
  ],
});
