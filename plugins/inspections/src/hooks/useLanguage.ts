import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';

/**
 * Whether the reader reads Chinese: checklists and the location register
 * carry both languages, and the UI shows the reader's.
 */
export function useIsChinese(): boolean {
  const languageApi = useApi(appLanguageApiRef);
  const [language, setLanguage] = useState(languageApi.getLanguage().language);
  useEffect(() => {
    const subscription = languageApi
      .language$()
      .subscribe(({ language: next }) => setLanguage(next));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return language === 'zh';
}

/** Chinese or English text of something that has both. */
export function useLocalize() {
  const zh = useIsChinese();
  return (chinese: string, english?: string) =>
    zh || !english ? chinese : english;
}
