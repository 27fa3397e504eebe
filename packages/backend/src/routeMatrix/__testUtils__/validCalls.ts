import { Answer, Seed } from './seed';

/** A call that succeeds: who makes it, what the path's parameters name, the body. */
export interface ValidCall {
  /** The example user who calls; default the first role the role table lets past the gate. */
  readonly as?: string;
  /** The path's parameters by name (encoded by the test). */
  readonly params?: Readonly<Record<string, string>>;
  /** JSON, or the bytes of a file upload. */
  readonly body?: object | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The subject of the service token that calls, for the routes only plugins and the portal's
   * outside sources call (`plugin:tickets`, a monitoring source's static token).
   */
  readonly service?: string;
  /**
   * The row is this event, which carries no request of its own: the court policy's record of a
   * permission it denied (`POST /api/permission/authorize` decides, it changes nothing).
   */
  readonly event?: string;
}

/** Makes what the call names, through the plugins' APIs, and says how to call. */
export type ValidCallOf = (seed: Seed) => Promise<ValidCall>;

export const DEVICE = 'resource:default/led-display-01';
/** A device with key parameters in the catalog (catalog/devices/network.yaml). */
const SWITCH = 'resource:default/core-switch-01';
/** A court staff member's PC: xuli owns it, so a grant on it is hers to see. */
const STAFF_PC = 'resource:default/pc-xuli';

/** A 1×1 PNG: the smallest file the archive takes. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** The monitoring sources' static tokens (`monitoring.sources`), as the test backend is configured. */
export const MONITORING_SOURCES = {
  alertmanager: { subject: 'monitoring-alertmanager' },
  zabbix: { subject: 'monitoring-zabbix', zone: 'Asia/Shanghai' },
  generic: { subject: 'monitoring-generic' },
};

const DESK = 'lina';
const ENGINEER = 'liuyang';
const IT_OFFICE = 'wuxia';
const OPS_MANAGER = 'sunlei';

/** An incident filed by the desk on the LED wall. */
function ticket(seed: Seed, type = 'incident'): Promise<Answer> {
  return seed.call(DESK, 'post', '/api/tickets/tickets', {
    type,
    title: `审计完整性 ${type} ${seed.next()}`,
    urgency: 'low',
    impact: 'small',
    entityRefs: [DEVICE],
  });
}

/** A submitted change by the engineer, on the core switch's VRRP priority. */
async function change(seed: Seed, when: Window): Promise<Answer> {
  const detail = await seed.call(ENGINEER, 'post', '/api/tickets/changes', {
    title: `核心交换机 VRRP 优先级调整 ${seed.next()}`,
    reason: '主备切换测试后恢复主用地位',
    entityRefs: [SWITCH],
    risk: { trialImpact: 'none', rollback: 'easy', testedInSimulation: true },
    rollbackPlan: '将 VRRP 优先级改回 120',
    window: when,
    parameterEdits: [
      // A value of its own: the register may already hold another change's.
      {
        device: SWITCH,
        parameter: 'vrrp-priority',
        newValue: String(150 + seed.next()),
      },
    ],
  });
  return detail.change;
}

interface Window {
  readonly start: string;
  readonly end: string;
}

/** A grant the engineer asked for on the staff member's PC, for a ticket. */
async function grant(seed: Seed, approved: boolean): Promise<Answer> {
  const { number } = await ticket(seed);
  const asked = await seed.call(ENGINEER, 'post', '/api/access/grants', {
    entityRef: STAFF_PC,
    ticket: number,
    scopes: ['view-screen'],
    reason: '打印机驱动异常，需查看屏幕',
    durationMinutes: 60,
  });
  if (!approved) return asked;
  return seed.call(
    IT_OFFICE,
    'post',
    `/api/access/grants/${asked.id}/approve`,
    { revision: asked.revision },
  );
}

/** An engineer's record with the confidentiality agreement signed, not yet approved. */
export function engineer(seed: Seed, name: string): Promise<Answer> {
  return seed.call(IT_OFFICE, 'post', '/api/access/engineers', {
    userRef: `user:default/${name}`,
    name,
    employer: '云溪运维服务有限公司',
    confidentialitySignedOn: '2026-01-05',
  });
}

/** The engineer's record approved by the court IT office, as SEC-2 asks before any work. */
export async function approvedEngineer(seed: Seed, name: string) {
  const record = await engineer(seed, name);
  return seed.call(
    IT_OFFICE,
    'post',
    `/api/access/engineers/${encodeURIComponent(record.userRef)}/approve`,
    { revision: record.revision },
  );
}

const kbArticle = (seed: Seed) =>
  seed.call(DESK, 'post', '/api/kb/articles', {
    kind: 'how-to',
    title: `审计完整性 ${seed.next()}`,
    body: '第一版',
  });

/**
 * A call that succeeds for every mutating route of every backend plugin, keyed `METHOD
 * /api/plugin/path` as the routers serve them. The test fails for a mutating route missing here.
 */
export function validCalls(now: {
  /** An instant `hours` from the court clock's now, UTC ISO. */
  inHours(hours: number): string;
  /** The court day `days` from today, `yyyy-MM-dd`. */
  day(days: number): string;
  /** This month, `yyyy-MM`. */
  month: string;
}): Readonly<Record<string, ValidCallOf>> {
  const later = () => ({ start: now.inHours(24), end: now.inHours(26) });
  return {
    // --- Backstage's permission backend: asks, changes nothing (see the test's READS_BY_POST).
    'POST /api/permission/authorize': async () => ({
      event: 'policy-decision',
      body: {
        items: [
          {
            id: '1',
            permission: {
              type: 'basic',
              name: 'audit.event.read',
              attributes: {},
            },
          },
        ],
      },
    }),

    // --- Backstage's catalog.
    'POST /api/catalog/refresh': async () => ({
      body: { entityRef: DEVICE },
    }),
    'POST /api/catalog/entities/by-query': async () => ({ body: {} }),
    'DELETE /api/catalog/entities/by-uid/:uid': async seed => {
      const { metadata } = await seed.call(
        'platform-admin',
        'get',
        '/api/catalog/entities/by-name/component/default/information-publishing',
      );
      return { params: { uid: metadata.uid } };
    },
    'POST /api/catalog/entities/by-refs': async () => ({
      body: { entityRefs: [DEVICE] },
    }),
    'POST /api/catalog/entity-facets': async () => ({
      body: { facets: ['kind'] },
    }),
    'POST /api/catalog/locations': async () => ({
      body: { type: 'url', target: 'https://example.invalid/a.yaml' },
    }),
    'POST /api/catalog/locations/by-query': async () => ({ body: {} }),
    'PUT /api/catalog/locations/:id': async seed => {
      const location = await seed.call(
        'platform-admin',
        'post',
        '/api/catalog/locations',
        { type: 'url', target: `https://example.invalid/${seed.next()}.yaml` },
      );
      return {
        params: { id: location.location.id },
        body: { type: 'url', target: location.location.target },
      };
    },
    'DELETE /api/catalog/locations/:id': async seed => {
      const location = await seed.call(
        'platform-admin',
        'post',
        '/api/catalog/locations',
        { type: 'url', target: `https://example.invalid/${seed.next()}.yaml` },
      );
      return { params: { id: location.location.id } };
    },
    'POST /api/catalog/analyze-location': async () => ({
      body: {
        location: { type: 'url', target: 'https://example.invalid/b.yaml' },
      },
    }),
    'POST /api/catalog/validate-entity': async () => ({
      body: {
        location: 'url:https://example.invalid/catalog-info.yaml',
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'probe' },
          spec: {
            type: 'service',
            owner: 'onsite-team',
            lifecycle: 'production',
          },
        },
      },
    }),

    // --- The actions registry of Backstage's plugins: each plugin's read-only actions.
    ...invocations('search', 'search:query', { term: '交换机' }),
    ...invocations('notifications', 'notifications:get-notifications', {}),
    ...invocations('catalog', 'catalog:get-catalog-model-description', {}),
    ...invocations('scaffolder', 'scaffolder:list-scaffolder-tasks', {}),

    // --- Backstage's scaffolder: the probe template's one step only logs.
    'POST /api/scaffolder/v2/tasks': async () => ({
      body: { templateRef: 'template:default/probe', values: {} },
    }),
    'POST /api/scaffolder/v2/tasks/:taskId/cancel': async seed => {
      const { id } = await seed.call(
        ENGINEER,
        'post',
        '/api/scaffolder/v2/tasks',
        { templateRef: 'template:default/probe', values: {} },
      );
      return { as: ENGINEER, params: { taskId: id } };
    },
    'POST /api/scaffolder/v2/tasks/:taskId/retry': async seed => {
      const { id } = await seed.call(
        ENGINEER,
        'post',
        '/api/scaffolder/v2/tasks',
        { templateRef: 'template:default/probe', values: {} },
      );
      return { as: ENGINEER, params: { taskId: id } };
    },
    'POST /api/scaffolder/v2/dry-run': async () => ({
      body: {
        template: {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: { name: 'probe' },
          spec: {
            type: 'change-request',
            steps: [
              {
                id: 'log',
                name: 'Log',
                action: 'debug:log',
                input: { message: 'probe' },
              },
            ],
          },
        },
        values: {},
        directoryContents: [],
      },
    }),

    // --- Backstage's notifications: one's own.
    'POST /api/notifications/settings': async () => ({
      as: IT_OFFICE,
      body: {
        channels: [
          {
            id: 'Web',
            origins: [{ id: 'plugin:tickets', enabled: true, topics: [] }],
          },
        ],
      },
    }),
    'POST /api/notifications/update': async seed => ({
      as: IT_OFFICE,
      body: { ids: [await notification(seed)], read: true },
    }),
    'POST /api/notifications/notifications/update': async seed => ({
      as: IT_OFFICE,
      body: { ids: [await notification(seed)], saved: true },
    }),

    // --- Backstage's user settings: one's own (the language the portal speaks to them).
    'PUT /api/user-settings/buckets/:bucket/keys/:key(*)': async () => ({
      as: IT_OFFICE,
      params: { bucket: 'default', key: 'language' },
      body: { value: 'zh' },
    }),
    'DELETE /api/user-settings/buckets/:bucket/keys/:key(*)': async seed => {
      await seed.call(
        DESK,
        'put',
        '/api/user-settings/buckets/default/keys/theme',
        { value: 'light' },
      );
      return { as: DESK, params: { bucket: 'default', key: 'theme' } };
    },

    // --- Sending a notification: plugins do (the audit plugin's notice of a failed check).
    ...Object.fromEntries(
      ['/api/notifications/', '/api/notifications/notifications'].map(path => [
        `POST ${path}`,
        async (): Promise<ValidCall> => ({
          service: 'plugin:audit',
          body: {
            recipients: {
              type: 'entity',
              entityRef: 'group:default/court-it-office',
            },
            payload: { title: '审计链校验未通过', link: '/audit' },
          },
        }),
      ]),
    ),

    // --- tickets.
    'POST /api/tickets/tickets': async () => ({
      body: {
        type: 'incident',
        title: '审计完整性探针 audit completeness probe',
        urgency: 'low',
        impact: 'small',
        entityRefs: [DEVICE],
      },
    }),
    'PATCH /api/tickets/tickets/:ref': async seed => {
      const { number, version } = await ticket(seed);
      return {
        as: DESK,
        params: { ref: number },
        body: { version, title: '审计完整性（修订）' },
      };
    },
    'POST /api/tickets/tickets/:ref/actions': async seed => {
      const { number, version } = await ticket(seed);
      return {
        as: DESK,
        params: { ref: number },
        body: { action: 'acknowledge', version },
      };
    },
    'POST /api/tickets/tickets/:ref/comments': async seed => {
      const { number } = await ticket(seed);
      return {
        as: DESK,
        params: { ref: number },
        body: { body: '已联系使用人' },
      };
    },
    'POST /api/tickets/tickets/:ref/work-logs': async seed => {
      const { number } = await ticket(seed);
      return {
        as: DESK,
        params: { ref: number },
        body: { minutes: 30, workDate: now.day(0), note: '现场检查' },
      };
    },
    'POST /api/tickets/tickets/:ref/links': async seed => {
      const [a, b] = [await ticket(seed), await ticket(seed)];
      return {
        as: DESK,
        params: { ref: a.number },
        body: { kind: 'ticket', target: b.number },
      };
    },
    // The National Day holiday: no freeze over the changes the other calls file.
    'POST /api/tickets/changes/freezes': async () => ({
      body: {
        title: '国庆期间封网',
        window: {
          start: '2026-09-30T16:00:00.000Z',
          end: '2026-10-07T16:00:00.000Z',
        },
      },
    }),
    'DELETE /api/tickets/changes/freezes/:id': async seed => {
      const freeze = await seed.call(
        IT_OFFICE,
        'post',
        '/api/tickets/changes/freezes',
        {
          title: `封网 ${seed.next()}`,
          window: {
            start: '2026-10-31T16:00:00.000Z',
            end: '2026-11-01T16:00:00.000Z',
          },
        },
      );
      return { as: IT_OFFICE, params: { id: freeze.id } };
    },
    'POST /api/tickets/changes': async seed => ({
      as: ENGINEER,
      body: {
        title: `核心交换机 VRRP 优先级调整 ${seed.next()}`,
        reason: '主备切换测试后恢复主用地位',
        entityRefs: [SWITCH],
        risk: {
          trialImpact: 'none',
          rollback: 'easy',
          testedInSimulation: true,
        },
        rollbackPlan: '将 VRRP 优先级改回 120',
        window: later(),
      },
    }),
    'POST /api/tickets/changes/:ref/actions': async seed => {
      const { number, version } = await change(seed, later());
      return {
        as: IT_OFFICE,
        params: { ref: number },
        body: { action: 'approve', version },
      };
    },
    'POST /api/tickets/parameters/:entityRef': async seed => {
      const submitted = await change(seed, later());
      await seed.call(
        IT_OFFICE,
        'post',
        `/api/tickets/changes/${submitted.number}/actions`,
        { action: 'approve', version: submitted.version },
      );
      return {
        as: ENGINEER,
        params: { entityRef: SWITCH },
        body: {
          change: submitted.number,
          parameter: 'vrrp-priority',
          value: submitted.change.parameterEdits[0].newValue,
        },
      };
    },

    // --- knowledge base.
    'POST /api/kb/articles': async seed => ({
      body: { kind: 'how-to', title: `审计完整性 ${seed.next()}` },
    }),
    'PUT /api/kb/articles/:id': async seed => {
      const article = await kbArticle(seed);
      return {
        as: DESK,
        params: { id: article.id },
        body: {
          kind: 'how-to',
          title: article.title,
          body: '第二版',
          version: article.version,
        },
      };
    },
    'POST /api/kb/articles/:id/restore': async seed => {
      const first = await kbArticle(seed);
      const second = await seed.call(
        DESK,
        'put',
        `/api/kb/articles/${first.id}`,
        {
          kind: 'how-to',
          title: first.title,
          body: '第二版',
          version: first.version,
        },
      );
      return {
        as: DESK,
        params: { id: first.id },
        body: { version: second.version, from: first.version },
      };
    },
    'POST /api/kb/known-errors': async seed => {
      const problem = await ticket(seed, 'problem');
      return {
        as: ENGINEER,
        body: {
          ticket: problem.number,
          cause: '拾音器音频线接口松动',
          workaround: '开庭前重新插紧音频线并试录',
        },
      };
    },

    // --- inspections.
    'POST /api/inspections/rounds': async () => ({
      body: { devices: [DEVICE] },
    }),
    'PUT /api/inspections/checks/:checkId/results/:itemId': async seed => {
      const started = await seed.call(
        ENGINEER,
        'post',
        '/api/inspections/rounds',
        { devices: [DEVICE] },
      );
      const round = await seed.call(
        ENGINEER,
        'get',
        `/api/inspections/rounds/${started.id}`,
      );
      const check = round.checks[0];
      const item = round.templates
        .find((t: Answer) => t.id === check.template.id)
        .items.find((i: Answer) => i.kind === 'pass-fail');
      return {
        as: ENGINEER,
        params: { checkId: check.id, itemId: item.id },
        body: {
          value: { kind: 'pass-fail', passed: true },
          idempotencyKey: `audit-${seed.next()}-key`,
        },
      };
    },
    'POST /api/inspections/scans': async () => ({ body: { device: DEVICE } }),
    'PUT /api/inspections/plans/:id': async () => ({
      params: { id: 'audit-probe-plan' },
      body: {
        id: 'audit-probe-plan',
        title: '审计完整性巡检计划',
        devices: { entities: [DEVICE] },
        frequency: 'weekly',
        team: 'group:default/hardware-post',
      },
    }),

    // --- working-day calendar.
    'PUT /api/calendar/years/:year': async seed => {
      const year = now.month.slice(0, 4);
      const builtIn = await seed.call(
        IT_OFFICE,
        'get',
        `/api/calendar/years/${year}/built-in`,
      );
      return {
        params: { year },
        // Nobody has entered the year in this backend yet.
        body: { schedule: builtIn.schedule ?? builtIn, expectedVersion: 0 },
      };
    },

    // --- reports.
    'POST /api/reports/reports': async () => ({
      body: { kind: 'week', from: now.day(-8), to: now.day(-2) },
    }),
    'POST /api/reports/reports/:id/acknowledge': async seed => {
      const report = await seed.call(
        OPS_MANAGER,
        'post',
        '/api/reports/reports',
        {
          kind: 'custom',
          from: now.day(-30),
          to: now.day(-1),
        },
      );
      return { as: IT_OFFICE, params: { id: report.id } };
    },

    // --- archive.
    'POST /api/archive/documents': async seed => ({
      body: document(seed),
    }),
    'PATCH /api/archive/documents/:id': async seed => {
      const created = await seed.call(
        ENGINEER,
        'post',
        '/api/archive/documents',
        document(seed),
      );
      return {
        as: ENGINEER,
        params: { id: created.id },
        body: { title: '修订后的标题', revision: created.revision },
      };
    },
    'POST /api/archive/documents/:id/versions': async seed => {
      const created = await seed.call(
        ENGINEER,
        'post',
        '/api/archive/documents',
        document(seed),
      );
      return {
        as: ENGINEER,
        params: { id: created.id },
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('巡检记录.png'),
        },
        body: PNG,
      };
    },
    // The last quarter that has ended.
    'POST /api/archive/volumes': async () => ({
      body: { year: 2025, quarter: 4, dryRun: true },
    }),
    'POST /api/archive/drafts': async () => ({
      body: { kind: 'weekly', from: now.day(-8), to: now.day(-2) },
    }),

    // --- spares.
    'PUT /api/spares/part-types': async () => ({
      body: { id: 'audit-lamp', name: '投影机灯泡' },
    }),
    'PUT /api/spares/locations': async () => ({
      body: { id: 'audit-store', name: '备件库' },
    }),
    'PUT /api/spares/vendors': async () => ({
      body: { id: 'audit-vendor', name: '维修商' },
    }),
    'POST /api/spares/movements': async seed => {
      await spareStore(seed);
      return {
        body: {
          kind: 'receipt',
          partTypeId: 'audit-lamp',
          locationId: 'audit-store',
          quantity: 2,
          supplier: '供货商',
          reference: 'PO-1',
        },
      };
    },
    'POST /api/spares/repairs': async seed => {
      await spareStore(seed);
      return {
        body: {
          deviceRef: DEVICE,
          vendorId: 'audit-vendor',
          terms: 'warranty',
          sentOn: now.day(0),
        },
      };
    },
    'POST /api/spares/repairs/:id/actions': async seed => {
      await spareStore(seed);
      const repair = await seed.call(ENGINEER, 'post', '/api/spares/repairs', {
        deviceRef: DEVICE,
        vendorId: 'audit-vendor',
        terms: 'warranty',
        sentOn: now.day(0),
      });
      return {
        as: ENGINEER,
        params: { id: repair.id },
        body: { action: 'update', version: repair.version, note: '已催修' },
      };
    },

    // --- duty: the court day is in March; other months are drafts of their own.
    'POST /api/duty/rosters/:month/generate': async () => ({
      params: { month: '2026-04' },
      body: {},
    }),
    'POST /api/duty/rosters/:month/shifts': async seed => {
      const draft = await roster(seed, '2026-05');
      return {
        params: { month: '2026-05' },
        body: {
          date: '2026-05-06',
          kind: 'on-site',
          post: 'ops',
          engineer: freeOn(draft, '2026-05-06') ?? null,
        },
      };
    },
    'POST /api/duty/rosters/:month/publish': async seed => {
      const draft = await roster(seed, '2026-06');
      return {
        params: { month: '2026-06' },
        body: { expectedVersion: draft.version },
      };
    },
    'PUT /api/duty/shifts/:id': async seed => {
      const draft = await roster(seed, '2026-07');
      const [shift] = draft.shifts;
      return {
        params: { id: shift.id },
        body: { engineer: null, expectedVersion: shift.version },
      };
    },
    'POST /api/duty/swaps': async seed => {
      const { shift, engineer: who, free } = await swappable(seed, 10);
      return { as: who, body: { shiftId: shift.id, toEngineer: free } };
    },
    'POST /api/duty/swaps/:id/decision': async seed => {
      const { shift, engineer: who, free } = await swappable(seed, 20);
      const swap = await seed.call(who, 'post', '/api/duty/swaps', {
        shiftId: shift.id,
        toEngineer: free,
      });
      return { params: { id: swap.id }, body: { approve: true } };
    },
    'POST /api/duty/leave': async () => ({
      as: ENGINEER,
      body: { from: '2026-04-20', to: '2026-04-20', reason: '事假' },
    }),
    'POST /api/duty/leave/:id/decision': async seed => {
      const leave = await seed.call(ENGINEER, 'post', '/api/duty/leave', {
        from: '2026-04-21',
        to: '2026-04-21',
        reason: '事假',
      });
      return { params: { id: leave.id }, body: { approve: true } };
    },
    'POST /api/duty/attendance/check-in': async seed => {
      const { engineer: who } = await onSite(seed, '2026-03-03', 0);
      return { as: who, body: {} };
    },
    'POST /api/duty/attendance/check-out': async seed => {
      const { engineer: who } = await onSite(seed, '2026-03-03', 1);
      await seed.call(who, 'post', '/api/duty/attendance/check-in', {});
      return { as: who, body: {} };
    },
    'POST /api/duty/my/calendar-feed': async () => ({ as: ENGINEER }),
    'DELETE /api/duty/my/calendar-feed': async seed => {
      await seed.call(ENGINEER, 'post', '/api/duty/my/calendar-feed');
      return { as: ENGINEER };
    },
    'POST /api/duty/major-events': async seed => ({
      as: OPS_MANAGER,
      body: majorEvent(seed, later()),
    }),
    'PUT /api/duty/major-events/:id': async seed => {
      const plan = await seed.call(
        OPS_MANAGER,
        'post',
        '/api/duty/major-events',
        majorEvent(seed, later()),
      );
      return {
        as: IT_OFFICE,
        params: { id: plan.id },
        body: {
          plan: { ...majorEvent(seed, later()), standby: [] },
          revision: plan.revision,
        },
      };
    },
    // A summary is written once the event is over: this one ended the day before.
    'PUT /api/duty/major-events/:id/summary': async seed => {
      const plan = await seed.call(
        OPS_MANAGER,
        'post',
        '/api/duty/major-events',
        majorEvent(seed, { start: now.inHours(-26), end: now.inHours(-24) }),
      );
      return {
        as: OPS_MANAGER,
        params: { id: plan.id },
        body: { text: '庭审顺利，设备无异常。', revision: plan.revision },
      };
    },

    // --- monitoring: each source with its own static token (the test's config).
    'POST /api/monitoring/alertmanager': async seed => ({
      service: MONITORING_SOURCES.alertmanager.subject,
      body: {
        version: '4',
        groupKey: '{}:{alertname="InstanceDown"}',
        truncatedAlerts: 0,
        status: 'firing',
        receiver: 'court-ops',
        groupLabels: {},
        commonLabels: {},
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        alerts: [
          {
            status: 'firing',
            labels: {
              alertname: 'InstanceDown',
              severity: 'critical',
              instance: `10.10.0.${seed.next()}:9100`,
            },
            annotations: { summary: 'InstanceDown' },
            startsAt: now.inHours(-1),
            endsAt: '0001-01-01T00:00:00Z',
            generatorURL: 'http://prometheus:9090/graph',
          },
        ],
      },
    }),
    'POST /api/monitoring/zabbix': async () => ({
      service: MONITORING_SOURCES.zabbix.subject,
      body: {
        event_id: '912345',
        event_value: '1',
        event_name: 'UPS on battery',
        event_nseverity: '4',
        event_severity: 'High',
        event_date: now.day(0).replace(/-/g, '.'),
        event_time: '09:15:30',
        event_tags: [{ tag: 'monitoring_id', value: 'zabbix:10084' }],
        trigger_id: '23456',
        host_host: 'UPS-A-B1',
        host_ip: '10.20.0.99',
      },
    }),
    'POST /api/monitoring/generic': async () => ({
      service: MONITORING_SOURCES.generic.subject,
      body: {
        alerts: [
          {
            id: 'audit-probe',
            status: 'firing',
            severity: 'minor',
            title: 'CPU high',
            startsAt: now.inHours(-1),
          },
        ],
      },
    }),

    // --- paging: events come from the portal's plugins.
    'POST /api/paging/events': async () => ({
      service: 'plugin:tickets',
      body: {
        key: 'audit-probe',
        kind: 'ticket-created',
        ticketNumber: 'INC-2026-00001',
        level: 'L2',
        title: '审判庭录音录像无声音',
        at: now.inHours(0),
      },
    }),
    // --- paging.
    'POST /api/paging/a/:code': async () => ({ params: { code: 'none' } }),
    'PUT /api/paging/settings': async () => ({
      body: { channels: ['sms'], quietHours: { start: '22:00', end: '07:00' } },
    }),

    // --- audit.
    'POST /api/audit/verification': async () => ({}),

    // --- access.
    'POST /api/access/grants': async seed => {
      const { number } = await ticket(seed);
      return {
        as: ENGINEER,
        body: {
          entityRef: STAFF_PC,
          ticket: number,
          scopes: ['view-screen'],
          reason: '打印机驱动异常，需查看屏幕',
          durationMinutes: 60,
        },
      };
    },
    'POST /api/access/grants/:id/approve': async seed => {
      const asked = await grant(seed, false);
      return {
        as: IT_OFFICE,
        params: { id: asked.id },
        body: { revision: asked.revision },
      };
    },
    'POST /api/access/grants/:id/refuse': async seed => {
      const asked = await grant(seed, false);
      return {
        as: IT_OFFICE,
        params: { id: asked.id },
        body: { revision: asked.revision, note: '无需拷贝文件' },
      };
    },
    'POST /api/access/grants/:id/revoke': async seed => {
      const approved = await grant(seed, true);
      return {
        as: IT_OFFICE,
        params: { id: approved.id },
        body: { revision: approved.revision, note: '工作已完成' },
      };
    },
    'POST /api/access/grants/:id/uses': async seed => {
      const approved = await grant(seed, true);
      return { as: ENGINEER, params: { id: approved.id } };
    },
    'POST /api/access/grants/:id/uses/:useId/end': async seed => {
      const approved = await grant(seed, true);
      const use = await seed.call(
        ENGINEER,
        'post',
        `/api/access/grants/${approved.id}/uses`,
      );
      return { as: ENGINEER, params: { id: approved.id, useId: use.id } };
    },
    'POST /api/access/engineers': async () => ({
      body: {
        userRef: 'user:default/zhoujie',
        name: '周杰',
        employer: '云溪运维服务有限公司',
        confidentialitySignedOn: '2026-01-05',
      },
    }),
    'PUT /api/access/engineers/:userRef': async seed => {
      const record = await engineer(seed, 'zhaomin');
      return {
        params: { userRef: record.userRef },
        body: {
          revision: record.revision,
          name: '赵敏',
          employer: '云溪运维服务有限公司',
        },
      };
    },
    'POST /api/access/engineers/:userRef/approve': async seed => {
      const record = await engineer(seed, 'sunlei');
      return {
        params: { userRef: record.userRef },
        body: { revision: record.revision },
      };
    },
    'POST /api/access/engineers/:userRef/suspend': async seed => {
      const record = await seed.call(
        IT_OFFICE,
        'get',
        `/api/access/engineers/${encodeURIComponent('user:default/chenjing')}`,
      );
      return {
        params: { userRef: record.userRef },
        body: { revision: record.revision, reason: '保密协议到期' },
      };
    },
    'POST /api/access/engineers/:userRef/reinstate': async seed => {
      const record = await seed.call(
        IT_OFFICE,
        'get',
        `/api/access/engineers/${encodeURIComponent('user:default/zhangwei')}`,
      );
      const suspended = await seed.call(
        IT_OFFICE,
        'post',
        `/api/access/engineers/${encodeURIComponent(record.userRef)}/suspend`,
        { revision: record.revision, reason: '保密协议到期' },
      );
      return {
        params: { userRef: record.userRef },
        body: { revision: suspended.revision },
      };
    },
    'POST /api/access/engineers/:userRef/reassign': async () => ({
      params: { userRef: `user:default/${ENGINEER}` },
      body: { to: 'user:default/wangqiang', reason: '调岗' },
    }),
    'DELETE /api/access/engineers/:userRef': async seed => {
      const record = await engineer(seed, 'huangjun');
      return { params: { userRef: record.userRef } };
    },
  };
}

/** A public O&M document registered by whoever calls, without a file. */
/** A major trial guarded in the grand courtroom, on the LED wall and the core switch. */
function majorEvent(seed: Seed, when: Window) {
  return {
    title: `重大案件公开宣判 ${seed.next()}`,
    kind: 'trial',
    startsAt: when.start,
    endsAt: when.end,
    place: 'A-1F-T09',
    scope: [DEVICE, SWITCH],
    onSite: [`user:default/${ENGINEER}`],
    standby: ['user:default/zhangwei'],
    communicationPlan: '现场指挥：孙磊；集控室值守。',
  };
}

function document(seed: Seed) {
  return {
    title: `审计完整性 ${seed.next()}`,
    documentClass: 'om',
    date: '2026-03-02',
    source: 'contractor',
    confidentiality: 'public',
  };
}

/** The spares' store: a part type, a location and a vendor, saved again on every call. */
async function spareStore(seed: Seed) {
  await seed.call(OPS_MANAGER, 'put', '/api/spares/part-types', {
    id: 'audit-lamp',
    name: '投影机灯泡',
  });
  await seed.call(OPS_MANAGER, 'put', '/api/spares/locations', {
    id: 'audit-store',
    name: '备件库',
  });
  await seed.call(OPS_MANAGER, 'put', '/api/spares/vendors', {
    id: 'audit-vendor',
    name: '维修商',
  });
}

/**
 * A notification of the court IT office's: filing a change tells them it waits for approval
 * (sent by the tickets plugin through the notifications backend).
 */
async function notification(seed: Seed): Promise<string> {
  const filed = await change(seed, {
    start: '2026-03-10T02:00:00.000Z',
    end: '2026-03-10T04:00:00.000Z',
  });
  // The tickets plugin sends it after answering.
  for (let attempt = 0; attempt < 50; attempt++) {
    const { notifications } = await seed.call(
      IT_OFFICE,
      'get',
      '/api/notifications/notifications',
    );
    const told = notifications.find(
      (n: Answer) => n.payload.link === `/changes/${filed.number}`,
    );
    if (told) return told.id;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`nobody told the IT office of ${filed.number}`);
}

/** Invoking one of a plugin's registered actions, through both versions of the registry's API. */
function invocations(plugin: string, actionId: string, input: object) {
  return Object.fromEntries(
    ['v1', 'v2'].map(v => [
      `POST /api/${plugin}/.backstage/actions/${v}/actions/:actionId/invoke`,
      async (): Promise<ValidCall> => ({
        // The scaffolder's actions read tasks, which court staff may not.
        as: ENGINEER,
        params: { actionId },
        body: v === 'v1' ? input : { input },
      }),
    ]),
  );
}

/** A month's roster, generated as a draft by the ops manager. */
function roster(seed: Seed, month: string): Promise<Answer> {
  return seed.call(OPS_MANAGER, 'post', `/api/duty/rosters/${month}/generate`, {
    replace: true,
  });
}

/** March's roster (the court day's), generated and published once per seed. */
const marchOf = new WeakMap<Seed, Promise<Answer>>();
function march(seed: Seed): Promise<Answer> {
  if (!marchOf.has(seed)) {
    marchOf.set(
      seed,
      roster(seed, '2026-03').then(draft =>
        seed.call(OPS_MANAGER, 'post', '/api/duty/rosters/2026-03/publish', {
          expectedVersion: draft.version,
        }),
      ),
    );
  }
  return marchOf.get(seed)!;
}

/** The `nth` on-site shift of March's `date` and its engineer's user name. */
async function onSite(seed: Seed, date: string, nth: number) {
  const published = await march(seed);
  const shift = published.shifts.filter(
    (s: Answer) => s.date === date && s.kind === 'on-site',
  )[nth];
  return { shift, engineer: String(shift.engineer).split('/')[1] };
}

/** An on-site shift in March from day `from` on, whose day has an engineer free to take it. */
async function swappable(seed: Seed, from: number) {
  const published = await march(seed);
  for (let day = from; day <= 31; day++) {
    const date = `2026-03-${String(day).padStart(2, '0')}`;
    const free = freeOn(published, date);
    if (free) return { ...(await onSite(seed, date, 0)), free };
  }
  throw new Error(`nobody is free to swap with in March after the ${from}th`);
}

/** An engineer of the roster with no shift on `date` and no phone duty the night before. */
function freeOn(month: Answer, date: string): string | undefined {
  // A calendar date, not an instant: the day before, counted in whole days.
  const eve = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const busy = new Set(
    month.shifts
      .filter(
        (s: Answer) =>
          s.date === date || (s.date === eve && s.kind === 'phone'),
      )
      .map((s: Answer) => s.engineer),
  );
  const all = new Set(month.shifts.map((s: Answer) => s.engineer));
  const free = [...all].find(e => e && !busy.has(e));
  return free ? String(free) : undefined;
}
