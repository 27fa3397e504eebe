import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import archivePlugin from '@internal/plugin-archive';
import inspectionsPlugin from '@internal/plugin-inspections';
import kbPlugin from '@internal/plugin-kb';
import monitoringPlugin from '@internal/plugin-monitoring';
import reportsPlugin from '@internal/plugin-reports';
import ticketsPlugin from '@internal/plugin-tickets';
import {
  archiveTabsByRole,
  inspectionsTabsByRole,
  monitoringTabsByRole,
  sparesTabsByRole,
  ticketsTabsByRole,
} from './modules/byRole';
import {
  backstageChineseModule,
  backstagePageTitles,
  courtSearchPage,
} from './modules/backstageZh';
import { courtAppModule } from './modules/court';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';

// Plugins listed in packages/app/package.json are discovered (app.packages: all); modules that
// customise other plugins are listed here.
export default createApp({
  features: [
    catalogPlugin,
    navModule,
    homeModule,
    courtAppModule,
    backstageChineseModule,
    ...backstagePageTitles,
    courtSearchPage,
    ticketsTabsByRole,
    inspectionsTabsByRole,
    archiveTabsByRole,
    sparesTabsByRole,
    monitoringTabsByRole,
  ],
  // Every link from one court family to another's page, bound here.
  bindRoutes({ bind }) {
    bind(ticketsPlugin.externalRoutes, { kbArticle: kbPlugin.routes.article });
    bind(kbPlugin.externalRoutes, { ticket: ticketsPlugin.routes.ticket });
    bind(inspectionsPlugin.externalRoutes, {
      ticket: ticketsPlugin.routes.ticket,
    });
    bind(reportsPlugin.externalRoutes, { ticket: ticketsPlugin.routes.ticket });
    bind(monitoringPlugin.externalRoutes, {
      ticket: ticketsPlugin.routes.ticket,
    });
    bind(archivePlugin.externalRoutes, {
      ticket: ticketsPlugin.routes.ticket,
      change: ticketsPlugin.routes.change,
    });
  },
});
