import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';

// Simplified Chinese for @backstage/plugin-search: every key (full), so a new key in an upgrade fails the type check.
export default createTranslationMessages({
  ref: searchTranslationRef,
  full: true,
  messages: {
    'searchModal.viewFullResults': '查看全部结果',
    'searchType.allResults': '全部结果',
    'searchType.tabs.allTitle': '全部',
    'searchType.accordion.allTitle': '全部',
    'searchType.accordion.collapse': '收起',
    'searchType.accordion.numberOfResults': '{{number}} 条结果',
    'sidebarSearchModal.title': '搜索',
  },
});
