/* eslint-disable jest/no-export -- test helpers; only test files import them */
import { DateTime, Settings } from 'luxon';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { answeringPermissionApi } from '@internal/plugin-court-react/testUtils';
import {
  previousPeriod,
  reportPeriodSchema,
  type IssueReportRequest,
  type IssuedReport,
  type ReportFigures,
  type ReportScope,
  type ReportsApi,
} from '@internal/plugin-reports-common';
import { reportsApiRef } from '../api';
import { ticketRouteRef } from '../routes';
import { issuedReport, periodFigures, ticketFact } from './fixtures';
import { ReportsPage } from '../components/ReportsPage';

export async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: status === 400 ? 'InputError' : 'NotAllowedError',
          message,
        },
      }),
      {
        status,
        statusText: status === 400 ? 'Bad Request' : 'Forbidden',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

/**
 * November 2026: 12 services (10 in October), compliance 90% (95%), one breach. The rows are
 * INC-A (breached in November), SR-B (met in November), INC-D (created in November, breached
 * only in December: running at November's end), INC-C (October's breach, stopped in November).
 */
export function fakeApi(options: { forbidden?: boolean } = {}) {
  const figureQueries: ReportScope[] = [];
  const issued: IssueReportRequest[] = [];
  const acknowledged: string[] = [];
  let reports: IssuedReport[] = [];
  const rows = {
    tickets: [
      ticketFact('INC-2026-00001', {
        clocks: [
          {
            clock: 'resolution',
            level: 'L2',
            startedAt: '2026-11-10T02:00:00Z',
            breachedAt: '2026-11-10T06:00:00Z',
            elapsedMs: 0,
            pausedMs: 0,
          },
        ],
      }),
      ticketFact('SR-2026-00002', {
        type: 'service-request',
        clocks: [
          {
            clock: 'response',
            level: 'L3',
            startedAt: '2026-11-12T02:00:00Z',
            stoppedAt: '2026-11-12T02:10:00Z',
            elapsedMs: 600_000,
            pausedMs: 0,
          },
        ],
      }),
      ticketFact('INC-2026-00003', {
        createdAt: '2026-11-29T02:00:00Z',
        clocks: [
          {
            clock: 'resolution',
            level: 'L3',
            startedAt: '2026-11-29T02:00:00Z',
            breachedAt: '2026-12-02T02:00:00Z',
            elapsedMs: 0,
            pausedMs: 0,
          },
        ],
      }),
      ticketFact('INC-2026-00004', {
        createdAt: '2026-10-20T02:00:00Z',
        clocks: [
          {
            clock: 'resolution',
            level: 'L3',
            startedAt: '2026-10-20T02:00:00Z',
            breachedAt: '2026-10-25T02:00:00Z',
            stoppedAt: '2026-11-03T02:00:00Z',
            elapsedMs: 0,
            pausedMs: 0,
          },
        ],
      }),
    ],
    changes: [],
  };
  const api: ReportsApi = {
    getFigures: async scope => {
      figureQueries.push(scope);
      if (options.forbidden) throw await responseError(403, '');
      const parsed = reportPeriodSchema.safeParse(scope);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw await responseError(
          400,
          `query.${issue.path.join('.')}: ${issue.message}`,
        );
      }
      const previous = previousPeriod(scope, scope.kind);
      const figures: ReportFigures = {
        kind: scope.kind,
        systemRef: scope.system,
        zone: 'Asia/Shanghai',
        current: periodFigures(scope, {
          services: {
            ...periodFigures(scope, {}).tickets.services,
            total: 12,
            byType: {
              incident: 9,
              'service-request': 3,
              problem: 0,
              complaint: 0,
            },
            bySystem: [{ systemRef: 'system:default/trial', count: 12 }],
          },
          compliance: {
            total: { met: 9, breached: 1, running: 1, percent: 90 },
            byLevel: [
              {
                clock: 'resolution',
                level: 'L2',
                met: 0,
                breached: 1,
                running: 0,
                percent: 0,
              },
              {
                clock: 'response',
                level: 'L3',
                met: 9,
                breached: 0,
                running: 0,
                percent: 100,
              },
              {
                clock: 'resolution',
                level: 'L3',
                met: 0,
                breached: 0,
                running: 1,
              },
            ],
            bySystem: [],
            breaches: [
              {
                ticketId: 'id-INC-2026-00001',
                number: 'INC-2026-00001',
                title: 'INC-2026-00001 title',
                clock: 'resolution',
                level: 'L2',
                systemRefs: ['system:default/trial'],
                breachedAt: '2026-11-10T06:00:00Z',
              },
            ],
          },
        }),
        previous: periodFigures(previous, {
          services: {
            ...periodFigures(previous, {}).tickets.services,
            total: 10,
          },
          compliance: {
            total: { met: 19, breached: 1, running: 0, percent: 95 },
            byLevel: [],
            bySystem: [],
            breaches: [],
          },
        }),
      };
      return figures;
    },
    getRows: async () => rows,
    listReports: async () => reports,
    getReport: jest.fn(),
    issueReport: async request => {
      issued.push(request);
      const report = issuedReport({
        version: reports.length + 1,
        period: { from: request.from, to: request.to },
      });
      reports = [report, ...reports];
      return {
        report: { ...report, figures: await api.getFigures(request) },
        created: true,
      };
    },
    acknowledgeReport: async id => {
      acknowledged.push(id);
      reports = reports.map(r =>
        r.id === id
          ? {
              ...r,
              acknowledgedBy: 'user:default/huangjun',
              acknowledgedAt: '2026-12-01T02:00:00Z',
            }
          : r,
      );
      return reports.find(r => r.id === id)!;
    },
    getFile: jest.fn(),
  };
  return {
    api,
    figureQueries,
    issued,
    acknowledged,
    setReports: (next: IssuedReport[]) => {
      reports = next;
    },
  };
}

export const ISSUE = 'reports.report.issue';
export const ACKNOWLEDGE = 'reports.report.acknowledge';

export async function renderPage(
  api: ReportsApi,
  allowed: readonly string[] = [],
) {
  const permissions = answeringPermissionApi(request =>
    allowed.includes(request.permission.name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  await renderInTestApp(<ReportsPage />, {
    mountedRoutes: { '/tickets/:ticketRef': ticketRouteRef },
    apis: [
      [reportsApiRef, api],
      [catalogApiRef, catalogApiMock()],
      [permissionApiRef, permissions.api],
    ],
  });
  return permissions;
}

/** 01:00 on 1 December in Beijing, still 30 November in UTC: "last month" is November. */
export function atBeijingDecemberFirst() {
  const realNow = Settings.now;
  beforeEach(() => {
    const now = DateTime.fromISO('2026-11-30T17:00:00Z').toMillis();
    Settings.now = () => now;
  });
  afterEach(() => {
    Settings.now = realNow;
  });
}
