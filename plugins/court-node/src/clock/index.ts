export {
  courtClockFactory,
  courtClockServiceRef,
  SystemCourtClock,
} from './CourtClock';
export type { CancelWakeUp, CourtClock } from './CourtClock';
export { ManualCourtClock } from './ManualCourtClock';
