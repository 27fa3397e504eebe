import { LoggerService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CourtClock } from '@internal/plugin-court-node';
import {
  CourtDayKind,
  MajorEventPlan,
  PRE_EVENT_CHECKS,
  PreEventCheck,
  preEventChecks,
  preEventRoundInstants,
} from '@internal/plugin-duty-common';
import { DateTime } from 'luxon';
import { MajorEventStore } from './MajorEventStore';
import { PreEventRoundStore } from './PreEventRoundStore';

/** A check of a plan not yet started, and when it falls due. */
interface PendingCheck {
  plan: MajorEventPlan;
  check: PreEventCheck;
  dueAt: string;
}

/**
 * Starts the pre-event checklist as an inspection round at the two instants of each plan
 * (docs/duty.md, Major events): the plan's in-scope devices, walked by its first named on-site
 * engineer. Each (plan, check) is claimed in duty's database first, so across replicas and
 * concurrent sweeps it is started once.
 */
export class PreEventRoundStarter {
  constructor(
    private readonly deps: {
      plans: Pick<MajorEventStore, 'list'>;
      rounds: PreEventRoundStore;
      clock: CourtClock;
      zone: string;
      /** When on-site duty begins (HH:mm in the zone): the day-before walk starts then. */
      onSiteStart: string;
      dayKindOf(): Promise<(date: string) => CourtDayKind>;
      /** The devices (resource and component refs) a plan's scope covers, its systems' included. */
      devicesOf(scope: readonly string[]): Promise<string[]>;
      /** Asks inspections for an ad-hoc round; a ResponseError when it refuses. */
      startRound(request: {
        devices: string[];
        assignee?: string;
      }): Promise<{ id: string }>;
      logger: LoggerService;
    },
  ) {}

  /** The checks of plans not yet over that have no round yet, soonest first. */
  private async pending(): Promise<PendingCheck[]> {
    const now = this.deps.clock.now().toUTC().toISO()!;
    const plans = await this.deps.plans.list(now);
    const started = await this.deps.rounds.ofPlans(plans.map(p => p.id));
    const dayKind = await this.deps.dayKindOf();
    const isWorkingDay = (date: string) => dayKind(date) === 'working';
    return plans
      .flatMap(plan => {
        const instants = preEventRoundInstants(
          preEventChecks(plan, this.deps.zone, isWorkingDay),
          this.deps.zone,
          this.deps.onSiteStart,
        );
        const done = new Set(started.get(plan.id)?.map(r => r.check));
        return PRE_EVENT_CHECKS.filter(check => !done.has(check)).map(
          check => ({ plan, check, dueAt: instants[check] }),
        );
      })
      .sort((a, b) => millis(a.dueAt) - millis(b.dueAt));
  }

  /** When the next round falls due (perhaps already past: the waker sweeps at once). */
  async nextDue(): Promise<string | undefined> {
    return (await this.pending())[0]?.dueAt;
  }

  /** Starts every round due now that nobody else has started. */
  async sweep(): Promise<void> {
    const now = this.deps.clock.now();
    const due = (await this.pending()).filter(
      p => millis(p.dueAt) <= now.toMillis(),
    );
    for (const { plan, check } of due) {
      const at = this.deps.clock.now().toUTC().toISO()!;
      if (!(await this.deps.rounds.claim(plan.id, check, at))) continue;
      try {
        await this.start(plan, check);
      } catch (error) {
        // Inspections unreachable or failing: the claim is given back and tried next sweep.
        await this.deps.rounds.release(plan.id, check);
        throw error;
      }
    }
  }

  private async start(plan: MajorEventPlan, check: PreEventCheck) {
    const { rounds, logger } = this.deps;
    const devices = await this.deps.devicesOf(plan.scope);
    if (devices.length === 0) {
      await rounds.settle(plan.id, check, {
        problem: 'no device in the scope',
      });
      return;
    }
    try {
      const round = await this.deps.startRound({
        devices,
        assignee: plan.onSite[0],
      });
      await rounds.settle(plan.id, check, { roundId: round.id });
      logger.info(
        `pre-event round ${round.id} (${check}) started for major event ${plan.id}`,
      );
    } catch (error) {
      // Refused for what the plan names (no checklist for its devices, an engineer suspended):
      // asking again would be refused again, so the plan's page says why.
      if (
        error instanceof ResponseError &&
        [400, 409].includes(error.statusCode)
      ) {
        await rounds.settle(plan.id, check, {
          problem: error.body.error.message,
        });
        return;
      }
      throw error;
    }
  }
}

function millis(instant: string): number {
  return DateTime.fromISO(instant, { setZone: true }).toMillis();
}
