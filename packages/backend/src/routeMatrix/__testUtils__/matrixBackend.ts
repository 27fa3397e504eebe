import { mockServices } from '@backstage/backend-test-utils';
import { startCourtTestBackend } from '@internal/plugin-court-node/testUtils';
// Static imports: a dynamic import() of a plugin fails under jest.
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import userSettingsPlugin from '@backstage/plugin-user-settings-backend';
import accessPlugin from '@internal/plugin-access-backend';
import archivePlugin from '@internal/plugin-archive-backend';
import dutyPlugin from '@internal/plugin-duty-backend';
import auditPlugin from '@internal/plugin-audit-backend';
import calendarPlugin from '@internal/plugin-calendar-backend';
import inspectionsPlugin from '@internal/plugin-inspections-backend';
import kbPlugin from '@internal/plugin-kb-backend';
import monitoringPlugin from '@internal/plugin-monitoring-backend';
import pagingPlugin from '@internal/plugin-paging-backend';
import reportsPlugin from '@internal/plugin-reports-backend';
import sparesPlugin from '@internal/plugin-spares-backend';
import ticketsPlugin from '@internal/plugin-tickets-backend';
import scaffolderModuleCourtops from '@internal/plugin-scaffolder-backend-module-courtops';
import { routeAuditModules } from '@internal/plugin-audit-node';
import type { Server } from 'node:http';
import { Route, routeRecorder } from './recordRoutes';

export interface MatrixBackend {
  readonly server: Server;
  /** Every route the plugins serve, read from their routers. */
  routes(): Route[];
  stop(): Promise<void>;
}

/**
 * The backend plugins of packages/backend/src/index.ts that serve routes under the court's
 * policy, started together with the real permission backend, recording their routes.
 */
export async function startMatrixBackend(options: {
  catalogFiles: string[];
  /** Added to the backend, e.g. the court's auditor for the audit completeness test. */
  features?: Parameters<typeof startCourtTestBackend>[0]['features'];
  /** More configuration, e.g. the duty team for the audit completeness test. */
  config?: Parameters<typeof startCourtTestBackend>[0]['config'];
}): Promise<MatrixBackend> {
  const recorder = routeRecorder();
  const backend = await startCourtTestBackend({
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      catalog: {
        rules: [
          {
            allow: [
              'Component',
              'System',
              'Resource',
              'Group',
              'User',
              'Template',
              'Domain',
              'Location',
            ],
          },
        ],
        locations: options.catalogFiles.map(target => ({
          type: 'file',
          target,
        })),
      },
      courtOps: {
        assetTagPrefix: 'YX',
        // One room of the location register: where a major event takes place.
        locations: [
          {
            id: 'A-1F-T09',
            building: '审判楼',
            buildingEn: 'Trial Building',
            floor: '1F',
            room: '第九法庭（大法庭）',
            roomEn: 'Courtroom 9 (Grand Courtroom)',
            kind: 'courtroom',
          },
        ],
      },
      kb: { runbooks: { directory: '/nonexistent/runbooks' } },
      ...options.config,
    },
    features: [
      recorder.factory,
      mockServices.database.factory(),
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      scaffolderPlugin,
      scaffolderModuleCourtops,
      searchPlugin,
      notificationsPlugin,
      userSettingsPlugin,
      ticketsPlugin,
      kbPlugin,
      inspectionsPlugin,
      calendarPlugin,
      reportsPlugin,
      archivePlugin,
      dutyPlugin,
      monitoringPlugin,
      pagingPlugin,
      sparesPlugin,
      auditPlugin,
      ...routeAuditModules,
      ...(options.features ?? []),
      accessPlugin,
    ],
  });
  return {
    server: backend.server,
    routes: recorder.routes,
    stop: () => backend.stop(),
  };
}
