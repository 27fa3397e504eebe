import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { backstageChineseTranslations } from './refs';

/** Chinese for Backstage's own parts (sidebar items, catalog, entity pages, scaffolder, search, home, notifications, settings, org, graph). */
export const backstageChineseModule = createFrontendModule({
  pluginId: 'app',
  extensions: backstageChineseTranslations,
});
