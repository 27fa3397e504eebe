import type { ChangeFact } from '../facts';
import type { TicketFigures } from '../figures';
import { rate } from './stats';
import { WindowRange, within } from './window';

/**
 * The changes of the period, each step in the period it happened in: filed (and emergency) by
 * filing, approved and rejected by decision, succeeded, failed and rolled back by finish.
 */
export function changeFigures(
  changes: readonly ChangeFact[],
  range: WindowRange,
): TicketFigures['changes'] {
  const filed = changes.filter(change => within(range, change.filedAt));
  const decided = (decision: 'approved' | 'rejected') =>
    changes.filter(
      change => change.decision === decision && within(range, change.decidedAt),
    ).length;
  const finished = changes.filter(
    change => change.outcome !== undefined && within(range, change.finishedAt),
  );
  const ended = (outcome: ChangeFact['outcome']) =>
    finished.filter(change => change.outcome === outcome).length;
  const succeeded = ended('succeeded');
  return {
    filed: filed.length,
    approved: decided('approved'),
    rejected: decided('rejected'),
    succeeded,
    failed: ended('failed'),
    rolledBack: ended('rolled-back'),
    emergency: filed.filter(change => change.emergency).length,
    successRate: rate(succeeded, finished.length),
  };
}
