import { z } from 'zod';

/** What kind of place a location is; walking routes and reports group by it. */
export const LOCATION_KINDS = [
  'courtroom',
  'machine-room',
  'office',
  'conference-room',
  'control-room',
  'lobby',
  'outdoor',
  'storeroom',
] as const;

export const courtLocationSchema = z.object({
  /** `<building>-<floor>F-<room>`, e.g. `A-3F-T01`; basement floors are `B1F`. */
  id: z
    .string()
    .regex(
      /^[A-Z]-B?\d{1,2}F-[0-9A-Z]{2,8}$/,
      'must look like A-3F-T01 (building-floor-room)',
    ),
  building: z.string().min(1),
  buildingEn: z.string().min(1),
  floor: z.string().regex(/^B?\d{1,2}F$/, 'must look like 3F or B1F'),
  room: z.string().min(1),
  roomEn: z.string().min(1),
  kind: z.enum(LOCATION_KINDS),
});

export type CourtLocation = z.infer<typeof courtLocationSchema>;

export const locationRegisterSchema = z
  .array(courtLocationSchema)
  .superRefine((locations, ctx) => {
    const seen = new Set<string>();
    locations.forEach((location, index) => {
      if (seen.has(location.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `duplicate location id ${location.id}`,
        });
      }
      seen.add(location.id);
    });
  });

/** The court's buildings, floors and rooms, from `courtOps.locations` in app-config. */
export class LocationRegister {
  private readonly byId: ReadonlyMap<string, CourtLocation>;

  constructor(readonly locations: readonly CourtLocation[]) {
    this.byId = new Map(locations.map(location => [location.id, location]));
  }

  get(id: string): CourtLocation | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}
