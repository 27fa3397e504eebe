import {
  appLanguageApiRef,
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Settings } from 'luxon';
import { useEffect, useRef } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { appTranslationRef } from '../../translation';

/**
 * Relative times that Backstage's own cards format with luxon's defaults ("2 seconds ago") follow
 * the reader's language; the court's plugins pass their locale explicitly.
 */
export function LuxonInReaderLanguage() {
  const languageApi = useApi(appLanguageApiRef);
  const { language } = useObservable(languageApi.language$(), languageApi.getLanguage());
  useEffect(() => {
    Settings.defaultLocale = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  return null;
}

/**
 * Backstage's pages title the browser tab "<page> | <app.title>" from config, in one language.
 * This keeps the page part and puts the portal's name in the reader's language, whenever a page
 * (re)writes the title.
 */
export function TabTitleInReaderLanguage() {
  const configuredTitle = useApi(configApiRef).getOptionalString('app.title');
  const { t } = useTranslationRef(appTranslationRef);
  const portalName = t('appTitle');
  // The name this wrote last, so switching language back rewrites it too.
  const written = useRef<string | undefined>(undefined);
  useEffect(() => {
    const replaced = [configuredTitle, written.current].filter(
      (name): name is string => !!name && name !== portalName,
    );
    written.current = portalName;
    const retitle = () => {
      // Notifications prefix the unread count, "(1) ", and keep it when they rewrite the title.
      const [, unread = '', title = ''] = /^(\(\d+\) )?(.*)$/s.exec(document.title) ?? [];
      for (const name of replaced) {
        if (title === name) document.title = `${unread}${portalName}`;
        else if (title.endsWith(` | ${name}`)) document.title = `${unread}${title.slice(0, -name.length)}${portalName}`;
        else continue;
        return;
      }
    };
    retitle();
    const observer = new MutationObserver(retitle);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [configuredTitle, portalName]);
  return null;
}
