import {
  createFrontendModule,
  type TranslationRefTuple,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import {
  SearchFilterBlueprint,
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { appTranslationRef } from '../../translation';

type Titled = { override(options: { params: { title: TranslationRefTuple<undefined> } }): unknown };

/**
 * Backstage's pages name themselves in English in code (title: 'Catalog'); their titles, which the
 * page header, the sidebar and the browser tab show, become messages of the app's translation ref.
 */
function retitle(
  plugin: { pluginId: string; getExtension(id: string): unknown },
  titles: Record<string, TranslationRefTuple<undefined>>,
) {
  return createFrontendModule({
    pluginId: plugin.pluginId,
    extensions: Object.entries(titles).map(([id, title]) =>
      (plugin.getExtension(id) as Titled).override({ params: { title } }),
    ) as Parameters<typeof createFrontendModule>[0]['extensions'],
  });
}

const t = appTranslationRef;

export const backstagePageTitles = [
  retitle(catalogPlugin, {
    'page:catalog': t('nav.catalog'),
    'entity-content:catalog/overview': t('pages.overview'),
  }),
  retitle(catalogGraphPlugin, { 'page:catalog-graph': t('pages.catalogGraph') }),
  retitle(notificationsPlugin, { 'page:notifications': t('pages.notifications') }),
  retitle(userSettingsPlugin, {
    'page:user-settings': t('nav.settings'),
    'sub-page:user-settings/general': t('pages.settingsGeneral'),
    'sub-page:user-settings/auth-providers': t('pages.settingsAuthProviders'),
    'sub-page:user-settings/feature-flags': t('pages.settingsFeatureFlags'),
  }),
  retitle(scaffolderPlugin, {
    'page:scaffolder': t('nav.create'),
    'sub-page:scaffolder/templates': t('pages.templates'),
    'sub-page:scaffolder/tasks': t('pages.tasks'),
    'sub-page:scaffolder/actions': t('pages.actions'),
    'sub-page:scaffolder/editor': t('pages.templateEditor'),
    'sub-page:scaffolder/templating-extensions': t('pages.templatingExtensions'),
  }),
];

/** The search page, with the result items, types and filters other plugins attach to it. */
export const courtSearchPage = createFrontendModule({
  pluginId: 'search',
  extensions: [
    searchPlugin.getExtension('page:search').override({
      factory: (originalFactory, { inputs }) =>
        originalFactory({
          params: {
            title: t('nav.search'),
            loader: async () => {
              const { CourtSearchPage } = await import('./CourtSearchPage');
              return (
                <CourtSearchPage
                  items={inputs.items.map(item => item.get(SearchResultListItemBlueprint.dataRefs.item))}
                  resultTypes={inputs.resultTypes.map(type =>
                    type.get(SearchFilterResultTypeBlueprint.dataRefs.resultType),
                  )}
                  searchFilters={inputs.searchFilters.map(
                    filter => filter.get(SearchFilterBlueprint.dataRefs.searchFilters).component,
                  )}
                />
              );
            },
          },
        }),
    }),
  ],
});
