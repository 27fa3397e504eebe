import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';
import { catalogReactTranslationRef } from '@backstage/plugin-catalog-react/alpha';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import { homeReactTranslationRef } from '@backstage/plugin-home-react/alpha';
import { homeTranslationRef } from '@backstage/plugin-home/alpha';
import { notificationsTranslationRef } from '@backstage/plugin-notifications/alpha';
import { orgTranslationRef } from '@backstage/plugin-org/alpha';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';
import { scaffolderTranslationRef } from '@backstage/plugin-scaffolder/alpha';
import { searchReactTranslationRef } from '@backstage/plugin-search-react/alpha';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings/alpha';
import { chinese } from './chinese';

/** Chinese for every Backstage plugin the app shows; each file in zh/ lists every key of its ref. */
export const backstageChineseTranslations = [
  chinese('core-components', coreComponentsTranslationRef, () => import('./zh/core-components')),
  chinese('catalog-graph', catalogGraphTranslationRef, () => import('./zh/catalog-graph')),
  chinese('catalog-react', catalogReactTranslationRef, () => import('./zh/catalog-react')),
  chinese('catalog', catalogTranslationRef, () => import('./zh/catalog')),
  chinese('home-react', homeReactTranslationRef, () => import('./zh/home-react')),
  chinese('home', homeTranslationRef, () => import('./zh/home')),
  chinese('notifications', notificationsTranslationRef, () => import('./zh/notifications')),
  chinese('org', orgTranslationRef, () => import('./zh/org')),
  chinese('scaffolder-react', scaffolderReactTranslationRef, () => import('./zh/scaffolder-react')),
  chinese('scaffolder', scaffolderTranslationRef, () => import('./zh/scaffolder')),
  chinese('search-react', searchReactTranslationRef, () => import('./zh/search-react')),
  chinese('search', searchTranslationRef, () => import('./zh/search')),
  chinese('user-settings', userSettingsTranslationRef, () => import('./zh/user-settings')),
];
