export interface Config {
  courtOps?: {
    /**
     * Which catalog groups hold each portal role (DESIGN "Roles"). Each entry is a group entity
     * ref, e.g. `group:default/court-staff`. A user gets the roles of every group they belong to
     * (directly); a user in no listed group only reads the catalog. Checked at backend start.
     */
    roles?: {
      /** Court staff: file tickets and follow their own, read public knowledge. */
      requester?: string[];
      /** The service desk post. */
      desk?: string[];
      /** Hardware and software posts, off-site support. */
      engineer?: string[];
      /** The contractor's managers. */
      'ops-manager'?: string[];
      /** The court IT office: approves changes, reads everything, reports. */
      'court-it-office'?: string[];
      /** Portal administrators. */
      admin?: string[];
    };
  };
}
