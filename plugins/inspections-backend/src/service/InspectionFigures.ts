import { InputError } from '@backstage/errors';
import type { CourtClock } from '@internal/plugin-court-node';
import {
  summarizeCoverage,
  summarizeViruses,
  systemRefSchema,
} from '@internal/plugin-inspections-common';
import {
  InspectionFigures,
  reportPeriodSchema,
  requirePeriodOver,
} from '@internal/plugin-reports-common';
import { z } from 'zod';
import { DatabaseInspectionStore } from '../database/DatabaseInspectionStore';
import { InspectionFiguresStore } from '../database/InspectionFiguresStore';

/** `from`, `to` and an optional System ref: the query of `GET /figures`. */
export const inspectionFiguresQuerySchema = z
  .object({ system: systemRefSchema.optional() })
  .and(reportPeriodSchema);

/**
 * The inspections family's figures of a period for the reports (issue #13):
 * rounds, device coverage and virus statistics by the coverage view's own
 * maths (inspections-common), over the checks due in the period.
 */
export class InspectionFiguresService {
  constructor(
    private readonly deps: {
      store: DatabaseInspectionStore;
      counts: InspectionFiguresStore;
      /** Whether the catalog has the entity. */
      exists: (ref: string) => Promise<boolean>;
      clock: CourtClock;
      zone: string;
    },
  ) {}

  /** @throws InputError naming `query.to` (period not over) or `query.system` (not in the catalog) */
  async figures(
    query: z.output<typeof inspectionFiguresQuerySchema>,
  ): Promise<InspectionFigures> {
    const { store, counts, exists, clock, zone } = this.deps;
    const { from, to, system } = query;
    requirePeriodOver({ from, to }, clock.now(), zone);
    if (system && !(await exists(system))) {
      throw new InputError(`query.system: ${system} is not in the catalog`);
    }
    const asOf = clock.now().setZone(zone).toISODate()!;
    const [tallies, viruses, periodCounts] = await Promise.all([
      store.coverageTallies(from, to, asOf, system),
      store.virusAnswers(from, to, system),
      counts.counts(from, to, system),
    ]);
    const { totals } = summarizeCoverage(tallies);
    const virus = summarizeViruses({ from, to }, viruses);
    return {
      roundsPlanned: periodCounts.roundsPlanned,
      roundsDone: periodCounts.roundsDone,
      deviceCoverage: {
        devices: totals.devices,
        inspected: totals.inspected,
        ...(totals.devices > 0 ? { percent: totals.coverage * 100 } : {}),
      },
      failedItems: periodCounts.failedItems,
      incidentsOpened: periodCounts.incidentsOpened,
      viruses: {
        checks: virus.checks,
        pcs: virus.pcs,
        infectedPcs: virus.infectedPcs,
        virusesFound: virus.virusesFound,
      },
    };
  }
}
