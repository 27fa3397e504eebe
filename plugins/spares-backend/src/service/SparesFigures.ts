import { CourtClock } from '@internal/plugin-court-node';
import { daysOut } from '@internal/plugin-spares-common';
import {
  SparesFigures,
  periodWindow,
  reportPeriodSchema,
  requirePeriodOver,
} from '@internal/plugin-reports-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SparesStore } from '../database/SparesStore';

/** `from` and `to`: the query of `GET /figures`. */
export const sparesFiguresQuerySchema = reportPeriodSchema;

/**
 * The spares family's figures of a period for the reports: parts used per
 * month and per system, repair turnaround per vendor (repairs returned in the
 * period), devices sent for repair more than once (sent in the period).
 */
export class SparesFiguresService {
  constructor(
    private readonly deps: {
      store: SparesStore;
      clock: CourtClock;
      zone: string;
    },
  ) {}

  /** @throws InputError naming `query.to` when the period is not over */
  async figures(
    query: z.output<typeof sparesFiguresQuerySchema>,
  ): Promise<SparesFigures> {
    const { store, clock, zone } = this.deps;
    requirePeriodOver(query, clock.now(), zone);
    const window = periodWindow(query, zone);
    const [issues, repairs, vendors] = await Promise.all([
      store.issuesBetween(window.start, window.end),
      store.repairsForFigures(query.from, query.to),
      store.listVendors(),
    ]);
    const vendorName = (id: string) =>
      vendors.find(v => v.id === id)?.name ?? id;
    const byMonth = new Map<string, number>();
    const bySystem = new Map<string, number>();
    let total = 0;
    for (const issue of issues) {
      const month = DateTime.fromISO(issue.at, { zone }).toFormat('yyyy-MM');
      byMonth.set(month, (byMonth.get(month) ?? 0) + issue.quantity);
      const system = issue.systemRef ?? '';
      bySystem.set(system, (bySystem.get(system) ?? 0) + issue.quantity);
      total += issue.quantity;
    }
    const turnaround = new Map<string, number[]>();
    const perDevice = new Map<string, number>();
    for (const repair of repairs) {
      if (
        repair.returnedOn &&
        repair.returnedOn >= query.from &&
        repair.returnedOn <= query.to
      ) {
        turnaround.set(repair.vendorId, [
          ...(turnaround.get(repair.vendorId) ?? []),
          daysOut(repair, repair.returnedOn),
        ]);
      }
      if (
        repair.deviceRef &&
        repair.sentOn >= query.from &&
        repair.sentOn <= query.to
      ) {
        perDevice.set(
          repair.deviceRef,
          (perDevice.get(repair.deviceRef) ?? 0) + 1,
        );
      }
    }
    const sorted = <T>(map: Map<string, T>) =>
      [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
    return {
      partsUsed: {
        total,
        byMonth: sorted(byMonth).map(([month, quantity]) => ({
          month,
          quantity,
        })),
        bySystem: sorted(bySystem).map(([system, quantity]) => ({
          system,
          quantity,
        })),
      },
      repairTurnaround: sorted(turnaround).map(([vendorId, days]) => ({
        vendorId,
        vendorName: vendorName(vendorId),
        returned: days.length,
        averageDays: days.reduce((a, b) => a + b, 0) / days.length,
        longestDays: Math.max(...days),
      })),
      repeatedRepairs: sorted(perDevice)
        .filter(([, count]) => count > 1)
        .map(([deviceRef, count]) => ({ deviceRef, repairs: count })),
    };
  }
}
