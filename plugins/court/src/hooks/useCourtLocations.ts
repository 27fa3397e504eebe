import { appLanguageApiRef, configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { LocationRegister, type CourtLocation } from '@internal/plugin-court-common';
import { useEffect, useMemo, useState } from 'react';

/** The current UI language, updated when the user switches it. */
export function useAppLanguage(): string {
  const languageApi = useApi(appLanguageApiRef);
  const [language, setLanguage] = useState(languageApi.getLanguage().language);
  useEffect(() => {
    const subscription = languageApi.language$().subscribe(({ language: next }) => setLanguage(next));
    return () => subscription.unsubscribe();
  }, [languageApi]);
  return language;
}

/** The court's location register from config, and a formatter in the current language. */
export function useCourtLocations() {
  const config = useApi(configApiRef);
  const language = useAppLanguage();
  const register = useMemo(() => {
    const locations = config.getOptional<CourtLocation[]>('courtOps.locations') ?? [];
    return new LocationRegister(locations);
  }, [config]);

  const format = (id: string): string | undefined => {
    const location = register.get(id);
    if (!location) return undefined;
    return language === 'zh'
      ? `${location.building} ${location.floor} ${location.room}`
      : `${location.buildingEn} ${location.floor} ${location.roomEn}`;
  };
  return { register, format };
}
