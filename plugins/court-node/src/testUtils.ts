/**
 * Test helpers of the court layer, for plugins' tests only (imported as
 * `@internal/plugin-court-node/testUtils`, never from production code): a test backend on the
 * court's real role policy and the example users it knows.
 */
export {
  as,
  courtPolicyConfig,
  courtPolicyFeatures,
  mergeConfig,
  startCourtTestBackend,
} from './testing/courtTestBackend';
export {
  courtRolesConfig,
  courtUserGroups,
  ownershipOf,
  roleExamples,
} from './testing/courtUsers';
export { answered } from './testing/answered';
export { eventually } from './testing/eventually';
