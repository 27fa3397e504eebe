/*
 * Court Ops Portal backend: wires Backstage's own plugins and the court's plugins and modules.
 * What each court plugin does is described in docs/architecture.md.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  courtAuditorServiceFactory,
  routeAuditModules,
} from '@internal/plugin-audit-node';
import { pagingNotificationsModule } from '@internal/plugin-paging-backend';
import { courtDatabaseServiceFactory } from './database';
import { courtNotificationRecipientsModule } from './notificationRecipients';
import { courtPermissionsServiceFactory } from './permissionDecisions';
import { courtPluginTokenCache } from './pluginTokens';
import { courtRootHttpRouter } from './rootHttpRouter';
import { courtRootLoggerServiceFactory } from './rootLogger';

const backend = createBackend();

// The secrets to redact from the build's config schema, not compiled from every config.d.ts at start.
backend.add(courtRootLoggerServiceFactory());
// Graceful stop (port first, then plugins and databases) and no internals in error bodies.
backend.add(courtRootHttpRouter);
// Every plugin's SQLite file in WAL mode (one synced append per commit; see docs/operations.md).
backend.add(courtDatabaseServiceFactory);
// Plugin-to-plugin tokens signed and checked once while valid, not on every call (pluginTokens.ts).
backend.add(courtPluginTokenCache);
// A user token's decisions about a permission kept until it expires; denials always asked (permissionDecisions.ts).
backend.add(courtPermissionsServiceFactory);
// Every plugin's auditor events: Backstage's log lines, and stored in the audit trail (SEC-3).
backend.add(courtAuditorServiceFactory);
// Backstage's routes that change something without an auditor event of their own
// (notification marks and settings, action invocations): one row per call all the same.
for (const module of routeAuditModules) backend.add(module);

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: pick an example user on the embedded default; OIDC (the court's directory) in production.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(
  import('@internal/plugin-auth-backend-module-example-users-provider'),
);
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// Catalog: the court's systems, devices, people; device facts are validated by the court module.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@internal/plugin-catalog-backend-module-court'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@internal/plugin-scaffolder-backend-module-courtops'));

backend.add(import('@backstage/plugin-permission-backend'));
// The court's role policy: roles from catalog group membership (courtOps.roles).
backend.add(import('@internal/plugin-permission-backend-module-court'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Knowledge articles in search, with their visibility; Chinese queries for every document type.
// It registers the search engine too: search-backend-module-pg's on PostgreSQL, with the kb analysis of queries.
backend.add(import('@internal/plugin-search-backend-module-kb'));

// The service desk: tickets with SLA clocks and the breach watch.
backend.add(import('@internal/plugin-tickets-backend'));
backend.add(import('@internal/plugin-inspections-backend'));
// The knowledge base: articles with versions, Chinese and English search, runbook files.
backend.add(import('@internal/plugin-kb-backend'));
// The official calendar: next year's schedule entered in the portal, the missing-year warning.
backend.add(import('@internal/plugin-calendar-backend'));
// Service reports: figures composed from the families, issued snapshots, weekly and monthly drafts.
backend.add(import('@internal/plugin-reports-backend'));
// The document archive: five classes, files in the database, filing of reports, changes and inspection records by itself.
backend.add(import('@internal/plugin-archive-backend'));
// Duty: rosters of on-site and phone duty, leave, attendance, who is on call now (docs/duty.md).
backend.add(import('@internal/plugin-duty-backend'));
// Monitoring intake: Alertmanager, Zabbix and generic alerts become incidents without duplicates.
backend.add(import('@internal/plugin-monitoring-backend'));
// Spare parts and third-party repairs: stock tickets draw from, devices out for repair.
backend.add(import('@internal/plugin-spares-backend'));

// The audit trail the court can read: every auditor event hash-chained, verified daily, /api/audit.
backend.add(import('@internal/plugin-audit-backend'));
// Confidential access grants and engineer approval (SEC-1, SEC-2); assignment asks it.
backend.add(import('@internal/plugin-access-backend'));

// Paging that wakes people: the tickets' notifications become pages (WeCom, DingTalk, SMS, e-mail).
backend.add(import('@internal/plugin-paging-backend'));
// Imported by name: a dynamic import's named export is undefined when the backend runs from
// source (the bench's development runtime), which stopped it at start.
backend.add(pagingNotificationsModule);

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
// A notification's recipients (a team, its members) kept a minute instead of asked per notification.
backend.add(courtNotificationRecipientsModule);
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
