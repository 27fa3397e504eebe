/**
 * Court Ops Portal knowledge base: search in Chinese and English, articles
 * rendered safely with their history, the editor with preview, a Knowledge
 * tab on systems and devices, and knowledge articles in Backstage search.
 *
 * @packageDocumentation
 */
export { kbPlugin as default } from './plugin';
export { kbApiRef } from './api';
export { kbTranslationRef } from './translation';
export {
  articleRouteRef,
  editArticleRouteRef,
  newArticleRouteRef,
  rootRouteRef,
} from './routes';
