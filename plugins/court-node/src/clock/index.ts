export {
  courtClockFactory,
  courtClockServiceRef,
  SystemCourtClock,
} from './CourtClock';
export type { CancelWakeUp, CourtClock } from './CourtClock';
export { ManualCourtClock } from './ManualCourtClock';
export { CourtWaker } from './CourtWaker';
export type { CourtWakerOptions } from './CourtWaker';
