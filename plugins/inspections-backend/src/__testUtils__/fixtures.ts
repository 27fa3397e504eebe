import {
  engineerApprovalOf,
  type EngineerApprovalService,
} from '@internal/plugin-access-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { CourtLocation, LocationRegister } from '@internal/plugin-court-common';
import { CourtClock, ManualCourtClock } from '@internal/plugin-court-node';
import {
  Plan,
  planSchema,
  PlanInput,
} from '@internal/plugin-inspections-common';
import { SlaEngine } from '@internal/plugin-sla-common';
import { CreateTicketRequest } from '@internal/plugin-tickets-common';
import { Knex } from 'knex';
import { inspectionStoresFromKnex } from '../database/InspectionStores';
import { calendarDays } from '../service/calendars';
import { toInspected } from '../service/DeviceDirectory';
import { IncidentFiler, ServiceDesk } from '../service/IncidentFiler';
import { InspectionService } from '../service/InspectionService';
import { RoundGenerator } from '../service/RoundGenerator';
import { UncoveredYearAlert } from '../service/UncoveredYearAlert';
import { readTemplateFiles, TemplateLibrary } from '../service/TemplateLibrary';
import { TEMPLATES_DIR } from '../plugin';

/** Rooms of the example court the fixtures use (app-config.yaml has them all). */
export const locations: CourtLocation[] = [
  [
    'A-3F-T01',
    '审判楼',
    'Trial Building',
    '3F',
    '第一法庭',
    'Courtroom 1',
    'courtroom',
  ],
  [
    'A-2F-AGG',
    '审判楼',
    'Trial Building',
    '2F',
    '审判楼汇聚机房',
    'Trial Building Aggregation Room',
    'machine-room',
  ],
  [
    'B-3F-XS1',
    '综合办公楼',
    'Office Building',
    '3F',
    '刑事审判第一庭办公室',
    'No. 1 Criminal Tribunal Office',
    'office',
  ],
  [
    'B-5F-MR',
    '综合办公楼',
    'Office Building',
    '5F',
    '信息中心核心机房',
    'Core Machine Room',
    'machine-room',
  ],
  [
    'B-5F-UPS',
    '综合办公楼',
    'Office Building',
    '5F',
    'UPS 电池室',
    'UPS Room',
    'machine-room',
  ],
].map(([id, building, buildingEn, floor, room, roomEn, kind]) => ({
  id,
  building,
  buildingEn,
  floor,
  room,
  roomEn,
  kind: kind as CourtLocation['kind'],
}));

const device = (
  name: string,
  type: string,
  system: string,
  location: string,
  assetTag: string,
  title = name,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    title,
    annotations: {
      'court-ops.io/asset-tag': assetTag,
      'court-ops.io/location': location,
      'court-ops.io/vendor': 'v',
      'court-ops.io/model': 'm',
      'court-ops.io/serial': 's',
    },
  },
  spec: { type, owner: 'group:default/hardware-post', system },
});

/** The example court in miniature: machine rooms, a courtroom, an office PC, an application, the team. */
export const courtEntities = [
  ...['machine-rooms', 'network', 'courtroom-trial', 'office-automation'].map(
    name => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name },
      spec: { owner: 'onsite-team' },
    }),
  ),
  device(
    'ups-01',
    'ups',
    'machine-rooms',
    'B-5F-UPS',
    'YX-UPS-0301',
    'UPS 1号',
  ),
  device(
    'ups-02',
    'ups',
    'machine-rooms',
    'A-2F-AGG',
    'YX-UPS-0302',
    'UPS 2号',
  ),
  device(
    'precision-ac-01',
    'precision-ac',
    'machine-rooms',
    'B-5F-MR',
    'YX-AC-0311',
    '精密空调 1号',
  ),
  device(
    'core-switch-01',
    'core-switch',
    'network',
    'B-5F-MR',
    'YX-NET-0101',
    '核心交换机 1号',
  ),
  device(
    'courtroom-recorder-t01',
    'courtroom-recorder',
    'courtroom-trial',
    'A-3F-T01',
    'YX-CT-0201',
    '第一法庭庭审主机',
  ),
  device(
    'pc-01',
    'pc',
    'office-automation',
    'B-3F-XS1',
    'YX-PC-0701',
    '办公电脑 1号',
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'case-management', title: '审判流程管理系统' },
    spec: {
      type: 'website',
      lifecycle: 'production',
      owner: 'software-post',
      system: 'office-automation',
    },
  },
  ...[
    ['wangqiang', 'hardware-post'],
    ['zhangwei', 'hardware-post'],
    ['liuyang', 'software-post'],
    ['xuli', 'court-staff'],
    ['sunlei', 'ops-managers'],
  ].map(([name, group]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: { memberOf: [group] },
  })),
];

export const UPS = 'resource:default/ups-01';
export const UPS_2 = 'resource:default/ups-02';
export const AC = 'resource:default/precision-ac-01';
export const SWITCH = 'resource:default/core-switch-01';
export const RECORDER = 'resource:default/courtroom-recorder-t01';
export const PC = 'resource:default/pc-01';
export const CASE_MANAGEMENT = 'component:default/case-management';
export const MACHINE_ROOMS = 'system:default/machine-rooms';

/** The example court's plans, in miniature. */
export const plans: PlanInput[] = [
  {
    id: 'machine-room-daily',
    title: '机房设备日巡检',
    devices: { classes: ['ups', 'precision-ac', 'core-switch'] },
    frequency: 'daily',
    team: 'group:default/hardware-post',
  },
  {
    id: 'courtroom-weekly',
    title: '科技法庭周巡检',
    devices: { classes: ['courtroom-recorder'] },
    frequency: 'weekly',
    team: 'group:default/hardware-post',
  },
  {
    id: 'pc-monthly',
    title: '办公终端月巡检',
    devices: { classes: ['pc'] },
    frequency: 'monthly',
    team: 'group:default/software-post',
  },
  {
    id: 'application-daily',
    title: '应用系统日检查',
    devices: { kind: 'component', classes: ['website', 'service'] },
    frequency: 'daily',
    team: 'group:default/software-post',
  },
];

/** The court's catalog as the generator sees it, without a catalog. */
export const inventory = {
  entities: courtEntities.flatMap(e => toInspected(e) ?? []),
  async list() {
    return this.entities;
  },
  async get(ref: string) {
    return this.entities.find(e => e.ref === ref);
  },
  async exists(ref: string) {
    return courtEntities.some(
      e => `${e.kind.toLowerCase()}:default/${e.metadata.name}` === ref,
    );
  },
  async members(groupRef: string) {
    const group = groupRef.split('/')[1];
    return courtEntities
      .filter(
        e =>
          e.kind === 'User' &&
          (e.spec as { memberOf?: string[] }).memberOf?.includes(group),
      )
      .map(e => `user:default/${e.metadata.name}`)
      .sort();
  },
};

/**
 * A service desk that behaves like the tickets API on `sourceRef`: the same key
 * again returns the first ticket. Records every call.
 */
export function fakeDesk() {
  const calls: CreateTicketRequest[] = [];
  const filed = new Map<string, string>();
  let down = false;
  const desk: ServiceDesk & {
    calls: CreateTicketRequest[];
    tickets: Map<string, string>;
    setDown(value: boolean): void;
  } = {
    calls,
    tickets: filed,
    setDown(value) {
      down = value;
    },
    async createTicket(request) {
      calls.push(request);
      if (down) throw new Error('connect ECONNREFUSED tickets');
      const key = request.sourceRef!;
      if (!filed.has(key)) {
        filed.set(key, `INC-2026-${String(filed.size + 1).padStart(5, '0')}`);
      }
      return { number: filed.get(key)! };
    },
  };
  return desk;
}

const allowAll = mockServices.permissions();

/** Engineer approval that approves everyone, for tests about something else. */
export const approveEveryone = engineerApprovalOf(async () => ({
  assignable: true,
}));
const packageEngine = new SlaEngine();
const packageOnly = () => packageEngine;

/** The services of the plugin over a test database, with a fixed clock and a fake desk. */
export async function services(options: {
  knex: Knex;
  clock: CourtClock;
  desk?: ServiceDesk;
  plans?: readonly PlanInput[];
  logger?: LoggerService;
  /** The engine in effect; default the package's data only (ends with 2026). */
  engine?: () => SlaEngine;
  /** Receives the notifications sent; default none kept. */
  notifications?: NotificationSendOptions[];
  /** Who may be assigned rounds; default every engineer. */
  approvals?: Pick<EngineerApprovalService, 'checkMany'>;
}) {
  const stores = await inspectionStoresFromKnex(options.knex);
  const templates = await TemplateLibrary.load(
    await readTemplateFiles(TEMPLATES_DIR),
    stores.templates,
    options.clock.now().toUTC().toISO()!,
  );
  const parsedPlans: Plan[] = (options.plans ?? plans).map(p =>
    planSchema.parse(p),
  );
  await stores.plans.seedPlans(
    parsedPlans,
    'plugin:inspections',
    options.clock.now().toUTC().toISO()!,
  );
  const workingDays = calendarDays(options.engine ?? packageOnly);
  const logger = options.logger ?? mockServices.logger.mock();
  const generator = new RoundGenerator({
    stores,
    templates,
    inventory,
    workingDays,
    logger,
    catchUpDays: 31,
    clock: options.clock,
    alert: new UncoveredYearAlert({
      rounds: stores.rounds,
      notifications: {
        send: async sent => {
          options.notifications?.push(sent);
        },
      },
      recipients: ['group:default/ops-managers'],
      logger,
      clock: options.clock,
    }),
    approvals: options.approvals ?? approveEveryone,
    // Without a duty roster: rounds go round robin (withDuty.test.ts has the real one).
    duty: { onSiteFor: async () => undefined },
    dutyPosts: [],
  });
  const desk = options.desk ?? fakeDesk();
  const service = new InspectionService({
    stores,
    templates,
    inventory,
    generator,
    filer: new IncidentFiler({
      rounds: stores.rounds,
      desk,
      logger,
      appBaseUrl: 'http://localhost:7007',
    }),
    permissions: allowAll,
    register: new LocationRegister(locations),
    workingDays,
    calendarId: 'working-days',
    zone: 'Asia/Shanghai',
    clock: options.clock,
    approvals: options.approvals ?? approveEveryone,
  });
  return { stores, templates, generator, service, desk };
}

/** A court clock standing at a moment of a court day, Beijing time. */
export const at = (date: string, time = '09:00') =>
  new ManualCourtClock(`${date}T${time}:00+08:00`);
