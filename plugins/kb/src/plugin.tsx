import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { KbClient } from '@internal/plugin-kb-common';
import MenuBookIcon from '@material-ui/icons/MenuBook';
import { kbApiRef } from './api';
import {
  articleRouteRef,
  editArticleRouteRef,
  newArticleRouteRef,
  rootRouteRef,
  ticketRouteRef,
} from './routes';
import { kbTranslationRef } from './translation';

export const kbApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kbApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KbClient({ discoveryApi, fetchApi }),
    }),
});

/** 知识库 in the sidebar: search, recent articles, articles by kind. */
export const knowledgeHomePage = PageBlueprint.make({
  params: {
    path: '/kb',
    routeRef: rootRouteRef,
    title: kbTranslationRef('page.home'),
    icon: <MenuBookIcon fontSize="inherit" />,
    loader: () =>
      import('./components/home/KnowledgeHomePage').then(m => (
        <m.KnowledgeHomePage />
      )),
  },
});

// No icon: the sidebar lists only the knowledge base, not its article and editor pages.
export const articlePage = PageBlueprint.make({
  name: 'article',
  params: {
    path: '/kb/articles/:articleId',
    routeRef: articleRouteRef,
    title: kbTranslationRef('page.article'),
    loader: () =>
      import('./components/article/ArticlePage').then(m => <m.ArticlePage />),
  },
});

export const newArticlePage = PageBlueprint.make({
  name: 'new-article',
  params: {
    path: '/kb/new',
    routeRef: newArticleRouteRef,
    title: kbTranslationRef('page.newArticle'),
    loader: () =>
      import('./components/editor/ArticleEditorPage').then(m => (
        <m.NewArticlePage />
      )),
  },
});

export const editArticlePage = PageBlueprint.make({
  name: 'edit-article',
  params: {
    path: '/kb/articles/:articleId/edit',
    routeRef: editArticleRouteRef,
    title: kbTranslationRef('page.editArticle'),
    loader: () =>
      import('./components/editor/ArticleEditorPage').then(m => (
        <m.EditArticlePage />
      )),
  },
});

/** "Knowledge" on what articles apply to: systems, devices and applications. */
export const entityKnowledgeContent = EntityContentBlueprint.make({
  name: 'knowledge',
  params: {
    path: '/knowledge',
    title: kbTranslationRef('entity.tab'),
    filter: { kind: { $in: ['system', 'resource', 'component'] } },
    loader: () =>
      import('./components/entity/EntityKnowledgeContent').then(m => (
        <m.EntityKnowledgeContent />
      )),
  },
});

/** Knowledge articles among Backstage search results. */
export const kbSearchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    icon: <MenuBookIcon />,
    predicate: result => result.type === 'kb-article',
    component: () =>
      import('./components/search/KbSearchResultListItem').then(
        m => m.KbSearchResultListItem,
      ),
  },
});

/** "Knowledge base" among the search page's result types. */
export const kbSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'kb-article',
  params: {
    value: 'kb-article',
    name: 'Knowledge base 知识库',
    icon: <MenuBookIcon />,
  },
});

export const kbPlugin = createFrontendPlugin({
  pluginId: 'kb',
  title: 'Knowledge base',
  routes: {
    root: rootRouteRef,
    article: articleRouteRef,
    newArticle: newArticleRouteRef,
    editArticle: editArticleRouteRef,
  },
  externalRoutes: {
    ticket: ticketRouteRef,
  },
  extensions: [
    kbApi,
    knowledgeHomePage,
    articlePage,
    newArticlePage,
    editArticlePage,
    entityKnowledgeContent,
    kbSearchResultListItem,
    kbSearchResultType,
  ],
});
