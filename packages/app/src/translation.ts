import { createTranslationRef } from '@backstage/frontend-plugin-api';
import type { MessageKey } from '@internal/plugin-court-react';

/** Strings of the app shell (sidebar, sign-in, home); Chinese in translations/zh.ts. */
export const appMessages = {
  appTitle: 'Court Ops Portal',
  courtName: 'Yunxi Intermediate People’s Court',
  nav: {
    search: 'Search',
    menu: 'Menu',
    home: 'Home',
    catalog: 'Systems & devices',
    create: 'Create',
    settings: 'Settings',
    language: '中文',
  },
  /** Labels of the Recently visited card's chips, by the first part of the page's path. */
  visits: {
    catalog: 'Catalog',
    tickets: 'Service desk',
    changes: 'Changes',
    inspections: 'Inspections',
    kb: 'Knowledge base',
    reports: 'Reports',
    archive: 'Archive',
    calendar: 'Calendar',
    create: 'Create',
    search: 'Search',
    notifications: 'Notifications',
    settings: 'Settings',
    other: 'Other',
  },
  search: {
    resultType: 'Result type',
    catalog: 'Systems & devices',
    kb: 'Knowledge base',
    kind: 'Kind',
  },
  notifications: {
    showMore: 'Show more',
    showLess: 'Show less',
  },
  pages: {
    overview: 'Overview',
    catalogGraph: 'Relations graph',
    notifications: 'Notifications',
    settingsGeneral: 'General',
    settingsAuthProviders: 'Sign-in providers',
    settingsFeatureFlags: 'Feature flags',
    templates: 'Templates',
    tasks: 'Tasks',
    actions: 'Actions',
    templateEditor: 'Template editor',
    templatingExtensions: 'Templating extensions',
  },
  signIn: {
    title: 'Sign in to Court Ops Portal',
    subtitle: 'Example court: choose who you are to see that role’s view.',
    signInAs: 'Sign in',
    switchUser: 'Choose another user',
  },
  roles: {
    requester: 'Court staff',
    desk: 'Service desk',
    engineer: 'Engineer',
    'ops-manager': 'Ops manager',
    'court-it-office': 'Court IT office',
  },
  home: {
    welcome: 'Welcome, {{name}}',
    intro:
      'Report a fault, follow your requests and read how-tos. The on-site team works tickets, inspections and changes here; the court IT office approves and reads reports.',
    browseSystems: 'Browse the court’s systems and devices',
    starred: 'Starred systems and devices',
    recentlyVisited: 'Recently visited',
  },
} as const;

/** Every message key, as translations/zh.ts must list them. */
export type AppMessageKey = MessageKey<typeof appMessages>;

export const appTranslationRef = createTranslationRef({
  id: 'court-ops-app',
  messages: appMessages,
  translations: {
    zh: () => import('./translations/zh'),
  },
});
