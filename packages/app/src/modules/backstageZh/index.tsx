import {
  AppRootElementBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { NotificationDescription } from '@backstage/plugin-notifications';
import { SwappableComponentBlueprint } from '@backstage/plugin-app-react';
import { backstageChineseTranslations } from './refs';
import { CourtVisitListener } from './VisitListener';

const notificationDescription = SwappableComponentBlueprint.make({
  name: 'notification-description',
  params: define =>
    define({
      component: NotificationDescription,
      loader: async () => (await import('./NotificationDescription')).CourtNotificationDescription,
    }),
});

/** Replaces home's own visit listener (left disabled in app-config.yaml): visits named in the reader's language. */
const visitListener = AppRootElementBlueprint.make({
  name: 'visit-listener',
  params: { element: <CourtVisitListener /> },
});

/** Chinese for Backstage's own parts, and the pieces of them that hard-code English text (sidebar items, catalog, entity pages, scaffolder, search, home, notifications, settings, org, graph). */
export const backstageChineseModule = createFrontendModule({
  pluginId: 'app',
  extensions: [...backstageChineseTranslations, notificationDescription, visitListener],
});

export { backstagePageTitles, courtSearchPage } from './pageTitles';
