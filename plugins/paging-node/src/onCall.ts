import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readConfigAt } from '@internal/plugin-court-node';
import {
  EscalationTier,
  pagingConfigSchema,
  PageEvent,
} from '@internal/plugin-paging-common';

/**
 * Who is on call, and the escalation chain behind them: the duty roster
 * (plugins/duty-*) provides this once it is installed; until then the
 * default reads the chain from `paging.chain` in app-config.
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
    event: Pick<PageEvent, 'kind' | 'level' | 'ticketNumber'>,
  ): Promise<EscalationTier[]>;
}

/** The chain from config: each on-call entry its own tier, in order. */
export class ConfiguredOnCall implements OnCallService {
  constructor(
    private readonly chain: {
      onCall: readonly string[];
      opsManager: readonly string[];
      courtItOffice: readonly string[];
    },
  ) {}

  async escalationChain(): Promise<EscalationTier[]> {
    return [
      ...this.chain.onCall.map(ref => ({
        role: 'on-call' as const,
        recipients: [ref],
      })),
      { role: 'ops-manager', recipients: [...this.chain.opsManager] },
      { role: 'court-it-office', recipients: [...this.chain.courtItOffice] },
    ];
  }
}

/**
 * Depend on this for the escalation chain. A duty module replaces the
 * default with a factory for this ref (`createServiceFactory({ service: onCallServiceRef, ... })`).
 */
export const onCallServiceRef = createServiceRef<OnCallService>({
  id: 'courtops.paging.on-call',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) =>
        new ConfiguredOnCall(
          readConfigAt(config, 'paging', pagingConfigSchema).chain,
        ),
    }),
});
