import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readConfigAt } from '@internal/plugin-court-node';
import { DutyService, dutyServiceRef } from '@internal/plugin-duty-node';
import {
  EscalationTier,
  pagingConfigSchema,
  PageEvent,
} from '@internal/plugin-paging-common';
import { DateTime } from 'luxon';

/**
 * Who is on call, and the escalation chain behind them: by default the duty
 * roster (plugins/duty-*), and `paging.chain` in app-config when duty does not
 * answer.
 */
export interface OnCallService {
  /**
   * The escalation chain at `at` for an event, first tier first: the on-call
   * people in their order, then the ops manager, then the court IT office.
   * Recipients are entity refs of users or groups (a group pages its members).
   */
  escalationChain(
    /** ISO 8601 instant. */
    at: string,
    event: Pick<PageEvent, 'kind' | 'level' | 'ticketNumber' | 'onCall'>,
  ): Promise<EscalationTier[]>;
}

/** `paging.chain`: who is paged when the roster names nobody. */
export interface ConfiguredChain {
  onCall: readonly string[];
  opsManager: readonly string[];
  courtItOffice: readonly string[];
}

function chainOf(
  onCall: readonly string[],
  chain: ConfiguredChain,
): EscalationTier[] {
  return [
    ...onCall.map(ref => ({ role: 'on-call' as const, recipients: [ref] })),
    { role: 'ops-manager', recipients: [...chain.opsManager] },
    { role: 'court-it-office', recipients: [...chain.courtItOffice] },
  ];
}

/** The chain from config: each on-call entry its own tier, in order. */
export class ConfiguredOnCall implements OnCallService {
  constructor(private readonly chain: ConfiguredChain) {}

  async escalationChain(
    _at?: string,
    event?: Pick<PageEvent, 'onCall'>,
  ): Promise<EscalationTier[]> {
    return chainOf(event?.onCall ?? this.chain.onCall, this.chain);
  }
}

/**
 * The chain from the duty roster: the engineer to call now (phone duty at night, the desk by
 * day), then the next on call (the next night's phone duty at night; the other on-site posts by
 * day), then the ops managers and the court IT office from config. When duty does not answer or
 * names nobody, the configured chain.
 */
export class RosterOnCall implements OnCallService {
  constructor(
    private readonly duty: Pick<DutyService, 'onCallAt'>,
    private readonly chain: ConfiguredChain,
  ) {}

  async escalationChain(
    at: string,
    event?: Pick<PageEvent, 'onCall'>,
  ): Promise<EscalationTier[]> {
    // The reporter named who guards this (a major event's engineers): the roster is not asked.
    if (event?.onCall?.length) return chainOf(event.onCall, this.chain);
    const now = await this.duty.onCallAt(at);
    if (!now?.first) {
      return chainOf(this.chain.onCall, this.chain);
    }
    const next = now.onSiteHours
      ? now.onSite.map(s => s.engineer)
      : // Phone shifts are nightly, so the same hour a day later is the next phone shift.
        [
          (
            await this.duty.onCallAt(
              DateTime.fromISO(at, { setZone: true })
                .plus({ days: 1 })
                .toISO()!,
            )
          )?.phone,
        ];
    const people = [now.first, ...next].filter(
      (ref, i, all): ref is string => !!ref && all.indexOf(ref) === i,
    );
    return chainOf(people, this.chain);
  }
}

/**
 * Depend on this for the escalation chain. The default asks the duty roster through
 * `dutyServiceRef` (so installing duty is all it takes); a deployment may still replace it with
 * `createServiceFactory({ service: onCallServiceRef, ... })`.
 */
export const onCallServiceRef = createServiceRef<OnCallService>({
  id: 'courtops.paging.on-call',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig, duty: dutyServiceRef },
      factory: ({ config, duty }) =>
        new RosterOnCall(
          duty,
          readConfigAt(config, 'paging', pagingConfigSchema).chain,
        ),
    }),
});
