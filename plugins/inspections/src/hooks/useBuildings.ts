import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { CourtLocation, LocationRegister } from '@internal/plugin-court-common';
import { routeKeyOf } from '@internal/plugin-inspections-common';
import { useMemo } from 'react';

/** The court's buildings from its location register: route key (letter) and names. */
export function useBuildings(): {
  key: string;
  name: string;
  nameEn: string;
}[] {
  const config = useApi(configApiRef);
  return useMemo(() => {
    const register = new LocationRegister(
      config.getOptional<CourtLocation[]>('courtOps.locations') ?? [],
    );
    const buildings = new Map<
      string,
      { key: string; name: string; nameEn: string }
    >();
    for (const location of register.locations) {
      const key = routeKeyOf(location.id);
      if (!buildings.has(key)) {
        buildings.set(key, {
          key,
          name: location.building,
          nameEn: location.buildingEn,
        });
      }
    }
    return [...buildings.values()].sort((a, b) => a.key.localeCompare(b.key));
  }, [config]);
}
