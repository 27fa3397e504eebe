import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { homeReactTranslationRef } from '@backstage/plugin-home-react/alpha';

// Simplified Chinese for @backstage/plugin-home-react: every key (full), so a new key in an upgrade fails the type check.
export default createTranslationMessages({
  ref: homeReactTranslationRef,
  full: true,
  messages: {
    'settingsModal.title': '设置',
    'settingsModal.closeButtonTitle': '关闭',
    'cardExtension.settingsButtonTitle': '设置',
  },
});
