/**
 * A year of the court's service desk, generated deterministically: tickets
 * with realistic event histories (filed, assigned, acknowledged, on site,
 * worked, sometimes paused, resolved, called back, closed), their rows as
 * the plugin's ticket stores write them, and the SLA projection computed by the
 * real SLA engine through the plugin's own TicketSla, so the `next_due_at`,
 * `at_risk_at`, `breached_at` columns and `ticket_clocks` rows are truthful.
 */
import { randomUUID } from 'node:crypto';
import {
  defaultContractPolicy,
  Impact,
  PauseReason,
  SlaEngine,
  Urgency,
} from '@internal/plugin-sla-common';
import {
  formatTicketNumber,
  statusAfterResume,
  TICKET_TYPE_RULES,
  TicketStatus,
  TicketType,
} from '@internal/plugin-tickets-common';
import {
  clockRows,
  entityRows,
  projectionColumns,
  type SlaProjection,
  type StoredEvent,
  TicketSla,
} from '@internal/plugin-tickets-backend';
import { CourtCatalog, Device } from './catalog';
import { random } from '../lib';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

export type Row = Record<string, string | number | null>;

export interface Dataset {
  readonly now: string;
  readonly tickets: Row[];
  readonly entities: Row[];
  readonly events: Row[];
  readonly clocks: Row[];
  readonly alerts: Row[];
  readonly sequences: Row[];
  /** Tickets per entity ref, to pick a busy device for the entity filter. */
  readonly perEntity: Map<string, number>;
  readonly stats: {
    open: number;
    openRunningClock: number;
    atRiskNow: number;
    breachedOpen: number;
    byStatus: Record<string, number>;
    byType: Record<string, number>;
    eventsPerTicket: number;
    engineMs: number;
  };
}

const FAULTS: Record<string, string[]> = {
  default: ['无法开机', '频繁重启', '告警灯常亮', '运行缓慢', '无法连接网络'],
  camera: ['画面黑屏', '画面模糊', '云台不转', '录像中断'],
  'courtroom-camera': ['画面黑屏', '云台无法控制', '画面抖动'],
  'courtroom-recorder': ['庭审录像中断', '录音无声', '刻录失败', '时间不同步'],
  pc: ['无法登录办案系统', '蓝屏', '打印驱动异常', '键盘鼠标失灵'],
  'access-switch': ['端口批量掉线', '上联口闪断', 'PoE 供电异常'],
  'aggregation-switch': ['上联链路中断', 'CPU 利用率过高'],
  'core-switch': ['VRRP 切换告警', '板卡告警'],
  server: ['服务无响应', '磁盘告警', '内存不足'],
  'trial-display': ['屏幕无信号', '显示花屏', '证据展示无画面'],
  printer: ['卡纸', '打印空白', '无法联网打印'],
  'conference-codec': ['视频会议无法呼通', '远端无声音', '画面卡顿'],
  ups: ['电池告警', '旁路运行'],
  'precision-ac': ['高温告警', '压缩机故障'],
  'led-display': ['局部不亮', '显示乱码'],
  'info-kiosk': ['触摸失灵', '无法打印排期'],
};
const RESOLUTIONS = [
  '重启设备后恢复',
  '更换故障部件',
  '重新配置参数',
  '更换线缆',
  '升级固件后恢复',
  '清理后恢复正常',
];

type Pick = <T>(list: readonly T[]) => T;

interface Draft {
  id: string;
  type: TicketType;
  category?: string;
  title: string;
  description: string;
  channel: string;
  reporter: string;
  createdBy: string;
  urgency: Urgency;
  impact: Impact;
  level: string;
  status: TicketStatus;
  pauseReason?: PauseReason;
  resumeStatus?: TicketStatus;
  assignee?: string;
  group?: string;
  entities: { entityRef: string; systemRef: string }[];
  createdAt: number;
  resolvedAt?: number;
  closedAt?: number;
  satisfaction?: number;
  version: number;
  /** events with offsets from creation, shifted into place at the end */
  events: { type: string; offset: number; actor: string; data: object }[];
}

/**
 * `count` tickets over the year before `nowMs`: about 2 % open, 0.5 %
 * resolved and waiting for the call-back, the rest closed.
 */
export function generateDataset(
  count: number,
  catalog: CourtCatalog,
  nowMs: number,
  seed = 20261127,
): Dataset {
  const next = random(seed);
  const pick: Pick = list => list[Math.floor(next() * list.length)];
  const between = (min: number, max: number) => min + next() * (max - min);
  const chance = (p: number) => next() < p;
  const weighted = <T>(entries: readonly [T, number][]): T => {
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  };

  // Some devices break far more often than others (Zipf-like).
  const deviceWeights = catalog.devices.map(
    (d, i) =>
      [d, 1 / Math.pow(((i * 37) % catalog.devices.length) + 1, 0.5)] as [
        Device,
        number,
      ],
  );
  const members = (group: string) => catalog.members[group] ?? [];
  const desk = members('service-desk-post');
  const staff = members('court-staff');
  const hardware = members('hardware-post');
  const software = members('software-post');
  const softwareSystems = new Set([
    'system:default/office-automation',
    'system:default/information-display',
  ]);
  if (!desk.length || !staff.length || !hardware.length || !software.length) {
    throw new Error('org.yaml lacks the desk, court-staff or engineer groups');
  }

  /** Midnight in the court's zone, a year before now. */
  const yearAgo =
    Math.floor((nowMs - 365 * DAY + BEIJING) / DAY) * DAY - BEIJING;
  const drafts: Draft[] = [];
  for (let n = 0; n < count; n++) {
    const kind = weighted<'open' | 'resolved' | 'closed'>([
      ['open', 0.02],
      ['resolved', 0.005],
      ['closed', 0.975],
    ]);
    const type = weighted<TicketType>([
      ['incident', 0.8],
      ['service-request', 0.15],
      ['problem', 0.02],
      ['complaint', 0.03],
    ]);
    const urgency = weighted<Urgency>([
      ['high', 0.15],
      ['medium', 0.5],
      ['low', 0.35],
    ]);
    const impact = weighted<Impact>([
      ['large', 0.1],
      ['medium', 0.4],
      ['small', 0.5],
    ]);
    const level: string = defaultContractPolicy.matrix[urgency][impact];
    const device = weighted(deviceWeights);
    const entities = chance(0.08)
      ? [{ entityRef: device.systemRef, systemRef: device.systemRef }]
      : [{ entityRef: device.ref, systemRef: device.systemRef }];
    if (entities[0].entityRef === device.ref && chance(0.1)) {
      const sibling = pick(
        catalog.devices.filter(
          d => d.systemRef === device.systemRef && d.ref !== device.ref,
        ),
      );
      if (sibling) {
        entities.push({ entityRef: sibling.ref, systemRef: sibling.systemRef });
      }
    }
    const group = softwareSystems.has(device.systemRef)
      ? 'group:default/software-post'
      : 'group:default/hardware-post';
    const engineer = pick(
      group.endsWith('software-post') ? software : hardware,
    );
    const channel = weighted([
      ['phone', 0.45],
      ['portal', 0.35],
      ['monitoring', 0.15],
      ['inspection', 0.05],
    ] as [string, number][]);
    const deskUser = pick(desk);
    const reporter =
      channel === 'monitoring' || channel === 'inspection'
        ? deskUser
        : pick(staff);
    const createdBy =
      channel === 'portal'
        ? reporter
        : channel === 'inspection'
        ? engineer
        : deskUser;
    const fault = pick(FAULTS[device.deviceType] ?? FAULTS.default);
    const title =
      type === 'service-request'
        ? `${device.title} 申请协助：${pick([
            '安装',
            '配置',
            '培训',
            '调整数据',
          ])}`
        : `${device.title} ${fault}`;
    const source: Record<string, string> = {
      phone: '来电反映',
      portal: '门户提交',
      monitoring: '监控告警',
      inspection: '巡检发现',
    };
    const description = `${source[channel]}：${device.title}${
      type === 'service-request' ? '需要协助' : fault
    }，${pick([
      '影响正常开庭，请尽快处理。',
      '影响部分用户办公。',
      '已尝试重启，问题仍在。',
      '请安排工程师到场查看。',
      '',
    ])}`;

    const d: Draft = {
      id: randomUUID(),
      type,
      category:
        type === 'service-request'
          ? pick(['install', 'configure', 'training', 'data-adjustment'])
          : undefined,
      title,
      description,
      channel,
      reporter,
      createdBy,
      urgency,
      impact,
      level,
      status: 'new',
      entities,
      createdAt: 0,
      version: 1,
      events: [],
    };
    let t = 0;
    let updates = 0;
    const add = (
      eventType: string,
      gap: number,
      actor: string,
      data: object = {},
      sameUpdate = false,
    ) => {
      t += Math.round(gap / 1000) * 1000;
      d.events.push({ type: eventType, offset: t, actor, data });
      if (!sameUpdate && eventType !== 'commented') updates++;
    };
    add('created', 0, createdBy, { urgency, impact, title });
    updates = 0;

    // Where an open ticket stops: the status it is in now.
    const stopAt: TicketStatus | 'closed' =
      kind === 'open'
        ? weighted<TicketStatus>([
            ['new', 0.06],
            ['acknowledged', 0.06],
            ['on-site', 0.08],
            ['in-progress', 0.45],
            ['pending', 0.35],
          ])
        : kind === 'resolved'
        ? 'resolved'
        : 'closed';
    const stop = (status: TicketStatus) => {
      d.status = status;
      return status === stopAt;
    };
    const late = (p: number) => chance(p);
    const L = () => d.level;
    const onSite = type === 'incident' || type === 'service-request';
    let assignee: string | undefined;
    (() => {
      if (stop('new')) return;
      if (chance(0.75)) {
        assignee = engineer;
        d.assignee = engineer;
        d.group = group;
        add('assigned', between(0, 3) * MIN, deskUser, {
          assignee: engineer,
          group,
        });
      }
      const ackMinutes: Record<string, [number, number]> = {
        L1: [1, 4],
        L2: [2, 9],
        L3: [3, 18],
        L4: [5, 120],
      };
      const [a0, a1] = ackMinutes[L()];
      add(
        'acknowledged',
        (late(0.06) ? between(a1 + 2, a1 * 3 + 10) : between(a0, a1)) * MIN,
        engineer,
      );
      assignee ??= engineer;
      d.assignee = assignee;
      if (stop('acknowledged')) return;
      if (chance(0.05)) {
        const u = pick<Urgency>(['high', 'medium', 'low']);
        const i = pick<Impact>(['large', 'medium', 'small']);
        if (u !== d.urgency || i !== d.impact) {
          d.urgency = u;
          d.impact = i;
          d.level = defaultContractPolicy.matrix[u][i];
          add('priority-changed', between(1, 20) * MIN, deskUser, {
            urgency: u,
            impact: i,
            level: d.level,
            reason: '经核实影响范围变化',
          });
        }
      }
      if (onSite && chance(0.85)) {
        const arriveMinutes: Record<string, [number, number]> = {
          L1: [3, 9],
          L2: [5, 14],
          L3: [10, 28],
          L4: [10, 240],
        };
        const [r0, r1] = arriveMinutes[L()];
        add(
          'arrived',
          (late(0.07) ? between(r1 + 2, r1 * 3 + 20) : between(r0, r1)) * MIN,
          assignee,
        );
        if (stop('on-site')) return;
      }
      add('work-started', between(0, 15) * MIN, assignee);
      // Without a visit (remote fix, problem, complaint) an open ticket
      // meant to be on site is in progress instead.
      if (stop('in-progress') || stopAt === 'on-site') return;
      if (chance(0.2)) {
        add('commented', between(5, 60) * MIN, assignee, {
          body: '已定位问题，正在处理。',
        });
      }
      if (stopAt === 'pending' || chance(0.25)) {
        const reason = pick<PauseReason>([
          'waiting-vendor',
          'waiting-part',
          'waiting-court',
          'other',
        ]);
        const before = d.status;
        add('paused', between(10, 180) * MIN, assignee, {
          reason,
          note: '等待厂商或备件',
        });
        d.pauseReason = reason;
        d.resumeStatus = before;
        if (stop('pending')) return;
        add('resumed', between(1 * HOUR, 7 * DAY), assignee);
        d.status = statusAfterResume(before);
        d.pauseReason = undefined;
        d.resumeStatus = undefined;
      }
      const resolveHours: Record<string, [number, number]> = {
        L1: [0.3, 4],
        L2: [0.5, 7],
        L3: [0.5, 10],
        L4: [1, 72],
      };
      const [h0, h1] = resolveHours[L()];
      const resolve = () =>
        add(
          'resolved',
          (late(0.08) ? between(h1 + 1, h1 * 2 + 4) : between(h0, h1)) * HOUR,
          assignee!,
          { resolution: pick(RESOLUTIONS) },
        );
      resolve();
      d.resolvedAt = t;
      if (stop('resolved')) return;
      const callBack = between(2 * HOUR, 3 * DAY);
      const outcome = weighted([
        ['satisfied', 0.85],
        ['closed', 0.1],
        ['unsatisfied', 0.05],
      ] as [string, number][]);
      if (outcome === 'unsatisfied') {
        add('called-back', callBack, deskUser, {
          outcome: 'unsatisfied',
          satisfaction: 2,
          note: '问题复现',
        });
        add(
          'reopened',
          0,
          deskUser,
          { reason: 'call-back unsatisfied: 问题复现' },
          true,
        );
        d.satisfaction = 2;
        resolve();
        d.resolvedAt = t;
      }
      if (outcome === 'closed') {
        add('closed', callBack, deskUser, { note: '三日未回访，自动关闭' });
      } else {
        const satisfaction = weighted([
          [5, 0.6],
          [4, 0.3],
          [3, 0.1],
        ] as [number, number][]);
        add('called-back', between(1 * HOUR, 2 * DAY), deskUser, {
          outcome: 'satisfied',
          satisfaction,
          note: '',
        });
        add('closed', 0, deskUser, {}, true);
        d.satisfaction = satisfaction;
      }
      d.closedAt = t;
      d.status = 'closed';
    })();
    d.version = 1 + updates;

    // Place the history in time. Closed tickets anywhere in the year; open
    // ones so that the last event is a plausible while ago for their status.
    const span = t;
    let end: number;
    if (kind === 'closed') {
      end = Math.min(workingInstant(next, yearAgo) + span, nowMs - 10 * MIN);
    } else {
      const idle: Record<string, [number, number]> = {
        new: [0.5 * MIN, 25 * MIN],
        acknowledged: [2 * MIN, 2 * HOUR],
        'on-site': [2 * MIN, 1 * HOUR],
        'in-progress': [10 * MIN, 30 * HOUR],
        pending: [1 * HOUR, 21 * DAY],
        resolved: [1 * HOUR, 3 * DAY],
      };
      const [i0, i1] = idle[d.status];
      // Skewed towards short waits.
      end = nowMs - Math.round(i0 + Math.pow(next(), 2) * (i1 - i0));
    }
    d.createdAt = Math.floor((end - span) / 1000) * 1000;
    drafts.push(d);
  }

  drafts.sort((a, b) => a.createdAt - b.createdAt);
  return materialise(drafts, nowMs);
}

/**
 * An instant in the year after `base` (a midnight in UTC+8), weighted
 * towards weekday office hours.
 */
function workingInstant(next: () => number, base: number): number {
  for (;;) {
    const day = Math.floor(next() * 365);
    const minuteOfDay =
      next() < 0.85
        ? 8 * 60 + Math.floor(next() * 10 * 60)
        : Math.floor(next() * 24 * 60);
    const at =
      base + day * DAY + minuteOfDay * MIN + Math.floor(next() * 60) * 1000;
    const weekday = new Date(at + BEIJING).getUTCDay();
    if ((weekday === 0 || weekday === 6) && next() < 0.8) continue;
    return at;
  }
}

const quietLogger = {
  warn() {},
  info() {},
  error() {},
  debug() {},
  child() {
    return quietLogger;
  },
};

function materialise(drafts: Draft[], nowMs: number): Dataset {
  const now = iso(nowMs);
  const sla = new TicketSla(new SlaEngine(), 0.75, quietLogger as never);
  const counters = new Map<string, number>();
  const tickets: Row[] = [];
  const entities: Row[] = [];
  const events: Row[] = [];
  const clocks: Row[] = [];
  const alerts: Row[] = [];
  const perEntity = new Map<string, number>();
  const byStatus: Record<string, number> = {};
  const byType: Record<string, number> = {};
  let open = 0;
  let openRunningClock = 0;
  let atRiskNow = 0;
  let breachedOpen = 0;
  let engineMs = 0;
  const policy = { id: 'contract', version: 1 };

  for (const d of drafts) {
    const year = new Date(d.createdAt + BEIJING).getUTCFullYear();
    const key = `${TICKET_TYPE_RULES[d.type].numberPrefix}-${year}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    const number = formatTicketNumber(d.type, year, seq);
    const stored: StoredEvent[] = d.events.map((e, i) => ({
      seq: i + 1,
      type: e.type,
      at: iso(d.createdAt + e.offset),
      actor: e.actor,
      data: e.data as Record<string, unknown>,
    }));
    const started = performance.now();
    const projection: SlaProjection = sla.project(
      sla.clocks({ type: d.type, policy, number }, stored, now),
    );
    engineMs += performance.now() - started;

    const columns = projectionColumns(projection);
    const isOpen = !['resolved', 'closed'].includes(d.status);
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    byType[d.type] = (byType[d.type] ?? 0) + 1;
    if (isOpen) {
      open++;
      if (projection.nextDueAt) openRunningClock++;
      if (
        projection.atRiskAt &&
        projection.atRiskAt <= now &&
        columns.next_due_at > now
      )
        atRiskNow++;
      if (projection.breachedAt) breachedOpen++;
    }
    const last = stored[stored.length - 1].at;
    tickets.push({
      id: d.id,
      number,
      type: d.type,
      category: d.category ?? null,
      title: d.title,
      description: d.description,
      channel: d.channel,
      reporter: d.reporter,
      created_by: d.createdBy,
      urgency: d.urgency,
      impact: d.impact,
      level: d.level,
      status: d.status,
      pause_reason: d.pauseReason ?? null,
      resume_status: d.resumeStatus ?? null,
      assignee: d.assignee ?? null,
      group_ref: d.group ?? null,
      policy_id: policy.id,
      policy_version: policy.version,
      version: d.version,
      created_at: iso(d.createdAt),
      updated_at: last,
      resolved_at:
        d.resolvedAt !== undefined ? iso(d.createdAt + d.resolvedAt) : null,
      closed_at:
        d.closedAt !== undefined ? iso(d.createdAt + d.closedAt) : null,
      satisfaction: d.satisfaction ?? null,
      ...columns,
      search_text: `${number}\n${d.title}\n${d.description}`.toLocaleLowerCase(
        'zh-CN',
      ),
    });
    entities.push(...entityRows(d.id, iso(d.createdAt), d.entities));
    for (const e of d.entities) {
      perEntity.set(e.entityRef, (perEntity.get(e.entityRef) ?? 0) + 1);
    }
    for (const e of stored) {
      events.push({
        ticket_id: d.id,
        seq: e.seq,
        type: e.type,
        at: e.at,
        actor: e.actor,
        data: JSON.stringify(e.data),
      });
    }
    clocks.push(...clockRows(d.id, projection));
    // Alerts already reached on open tickets went out when they happened
    // (BreachWatch claims them); without these rows the watch would send a
    // year's worth of stale breaches as soon as it next looks at them.
    if (isOpen) {
      const full = sla.clocks({ type: d.type, policy, number }, stored, now);
      for (const clock of full
        ? [full.response, full.arrival, full.resolution]
        : []) {
        if (!['running', 'paused', 'breached'].includes(clock.state)) continue;
        for (const w of clock.warnings) {
          if (w.upcoming) continue;
          alerts.push({
            ticket_id: d.id,
            clock: clock.clock,
            kind: `warning-${Math.round(w.threshold * 100)}`,
            due_at: w.at,
            sent_at: w.at,
          });
        }
        if (clock.state === 'breached' && clock.breachedAt) {
          alerts.push({
            ticket_id: d.id,
            clock: clock.clock,
            kind: 'breach',
            due_at: clock.breachedAt,
            sent_at: clock.breachedAt,
          });
        }
      }
    }
  }
  return {
    now,
    tickets,
    entities,
    events,
    clocks,
    alerts,
    sequences: [...counters].map(([key, last]) => ({ key, last })),
    perEntity,
    stats: {
      open,
      openRunningClock,
      atRiskNow,
      breachedOpen,
      byStatus,
      byType,
      eventsPerTicket: events.length / Math.max(1, tickets.length),
      engineMs,
    },
  };
}
