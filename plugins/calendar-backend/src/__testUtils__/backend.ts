import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  CourtPermissionPolicy,
  readGroupRoleMap,
} from '@internal/plugin-permission-backend-module-court';
import { Knex } from 'knex';
import type { Server } from 'node:http';
import calendarPlugin from '../index';

/** The example court's role groups (app-config.yaml courtOps.roles). */
export const ROLES = {
  requester: ['group:default/court-staff'],
  desk: ['group:default/service-desk-post'],
  engineer: ['group:default/hardware-post'],
  'ops-manager': ['group:default/ops-managers'],
  'court-it-office': ['group:default/court-it-office'],
  admin: ['group:default/portal-admins'],
};

/** Example users and the group that gives each their role. */
export const USERS = {
  staff: ['user:default/xuli', 'group:default/court-staff'],
  engineer: ['user:default/lina', 'group:default/hardware-post'],
  opsManager: ['user:default/sunlei', 'group:default/ops-managers'],
  itOffice: ['user:default/huangjun', 'group:default/court-it-office'],
} as const;

/** The court's real policy, the users' groups given directly. */
export function courtPolicyPermissions() {
  const policy = new CourtPermissionPolicy({
    groupRoles: readGroupRoleMap(ROLES),
    userInfo: mockServices.userInfo.mock({
      getUserInfo: async (credentials: BackstageCredentials) => {
        const ref = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        const user = Object.values(USERS).find(([u]) => u === ref);
        return {
          userEntityRef: ref,
          ownershipEntityRefs: [...(user ?? [ref])],
        };
      },
    }),
  });
  const decide = async (
    permission: Parameters<CourtPermissionPolicy['handle']>[0]['permission'],
    credentials: BackstageCredentials,
  ) =>
    credentials.principal &&
    (credentials.principal as { type: string }).type === 'service'
      ? ({ result: AuthorizeResult.ALLOW } as PolicyDecision)
      : policy.handle({ permission }, { credentials } as never);
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      Promise.all(
        requests.map(r => decide(r.permission, options!.credentials)),
      ) as never,
  });
}

export interface CalendarBackend {
  readonly server: Server;
  readonly notifications: NotificationSendOptions[];
  stop(): Promise<void>;
}

/** The calendar plugin in a test backend on the court's policy. */
export async function startCalendarBackend(
  options: { knex?: Knex; config?: JsonObject } = {},
): Promise<CalendarBackend> {
  const notifications: NotificationSendOptions[] = [];
  const backend = await startTestBackend({
    features: [
      calendarPlugin,
      courtPolicyPermissions().factory,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (sent: NotificationSendOptions) => {
            notifications.push(sent);
          },
        }),
      }),
    ],
  });
  return {
    server: backend.server,
    notifications,
    stop: () => backend.stop(),
  };
}
