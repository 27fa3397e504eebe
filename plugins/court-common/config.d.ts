export interface Config {
  /** The court's own master data used by the catalog model. */
  courtOps?: {
    /**
     * Asset tags look like `<prefix>-<class code>-<4 digits>`, e.g. YX-NET-0001.
     * @visibility frontend
     */
    assetTagPrefix: string;
    /**
     * The location register: every device's `court-ops.io/location` must be one of these ids.
     * @deepVisibility frontend
     */
    locations: Array<{
      id: string;
      building: string;
      buildingEn: string;
      floor: string;
      room: string;
      roomEn: string;
      kind: string;
    }>;
    /**
     * Users offered on the embedded default's sign-in page, by role. Leave out in production.
     * @deepVisibility frontend
     */
    exampleUsers?: Array<{ name: string; displayName: string; role: string }>;
  };
}
