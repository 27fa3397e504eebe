export {
  CourtErrorPanel,
  isForbidden,
  NotForYourRole,
} from './CourtErrorPanel';
export { PermittedOnly } from './PermittedOnly';
export {
  courtPermissionMessages,
  courtPermissionTranslationRef,
} from './translation';
export {
  useFirstPermitted,
  type PermittedChoice,
} from './useFirstPermitted';
