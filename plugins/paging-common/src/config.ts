import { Info } from 'luxon';
import { z } from 'zod';
import {
  ESCALATION_ROLES,
  PAGE_EVENT_KINDS,
  PAGE_LEVELS,
  PAGING_CHANNELS,
  PagingChannel,
} from './model';

/** The placeholder an SMS gateway's request template must carry. */
export const MESSAGE_PLACEHOLDER = '{{message}}';
/** The placeholder for the recipient's mobile number. */
export const MOBILE_PLACEHOLDER = '{{mobile}}';

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time of day (HH:mm)');

/** A daily window in local time; `start` after `end` runs over midnight. */
export const dailyWindowSchema = z
  .strictObject({ start: timeOfDay, end: timeOfDay })
  .refine(w => w.start !== w.end, 'start and end must differ');
export type DailyWindow = z.output<typeof dailyWindowSchema>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A robot's or an API's address: https, because the URL itself (or the
 * request) carries the key. Loopback is the exception: a relay on the same
 * machine, as the tests' fake robots are.
 */
export const secureUrl = z.url().refine(value => {
  const url = new URL(value);
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  );
}, 'must be an https URL');

const secret = z.string().min(1, 'is required (set it from the environment)');

export const channelsConfigSchema = z.strictObject({
  /** A WeCom (企业微信) group robot: the group sees the page, the recipient is @-mentioned by mobile. */
  wecomRobot: z.strictObject({ url: secureUrl }).optional(),
  /** WeCom application messages to each person's WeCom user id. */
  wecomApp: z
    .strictObject({
      baseUrl: secureUrl.default('https://qyapi.weixin.qq.com'),
      corpId: z.string().min(1),
      agentId: z.number().int().positive(),
      secret,
    })
    .optional(),
  /** A DingTalk (钉钉) group robot with its signing secret (加签). */
  dingtalkRobot: z
    .strictObject({ url: secureUrl, secret: secret.optional() })
    .optional(),
  /** An HTTP SMS gateway (a local modem or an operator's), with the court's request template. */
  sms: z
    .strictObject({
      // A modem on the court's LAN may speak plain http; it gets no robot key.
      url: z.url(),
      headers: z.record(z.string(), z.string()).default({}),
      contentType: z
        .enum(['application/json', 'application/x-www-form-urlencoded'])
        .default('application/json'),
      body: z
        .string()
        .refine(
          body => body.includes(MESSAGE_PLACEHOLDER),
          `must contain the ${MESSAGE_PLACEHOLDER} placeholder`,
        )
        .refine(
          body => body.includes(MOBILE_PLACEHOLDER),
          `must contain the ${MOBILE_PLACEHOLDER} placeholder`,
        ),
      /** The token the gateway sends with inbound replies (header `x-paging-token`). */
      replyToken: secret.optional(),
    })
    .optional(),
  /** E-mail over the court's SMTP server. */
  email: z
    .strictObject({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(25),
      secure: z.boolean().default(false),
      user: z.string().min(1).optional(),
      password: secret.optional(),
      from: z.string().min(3),
    })
    .optional(),
});
export type ChannelsConfig = z.output<typeof channelsConfigSchema>;

export const pagingRuleSchema = z.strictObject({
  events: z.array(z.enum(PAGE_EVENT_KINDS)).min(1),
  levels: z
    .array(z.enum(PAGE_LEVELS))
    .min(1)
    .default([...PAGE_LEVELS]),
  when: z
    .enum(['always', 'outside-on-site-hours', 'on-site-hours'])
    .default('always'),
  /** Who is paged first; later roles follow by escalation. */
  first: z.enum(ESCALATION_ROLES).default('on-call'),
});
export type PagingRule = z.output<typeof pagingRuleSchema>;

export const DEFAULT_RULES: PagingRule[] = [
  {
    events: ['ticket-created'],
    levels: ['L1', 'L2'],
    when: 'outside-on-site-hours',
    first: 'on-call',
  },
  {
    events: ['sla-breach'],
    levels: [...PAGE_LEVELS],
    when: 'always',
    first: 'on-call',
  },
  {
    events: ['alert-storm'],
    levels: [...PAGE_LEVELS],
    when: 'always',
    first: 'on-call',
  },
  {
    events: ['major-event'],
    levels: [...PAGE_LEVELS],
    when: 'always',
    first: 'on-call',
  },
];

const minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const pagingConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
      .default('Asia/Shanghai'),
    language: z.enum(['zh', 'en']).default('zh'),
    /** The base of the acknowledgement short links: the portal's public backend URL + /api/paging. */
    // At most 48 characters, so a page with its link still fits two SMS segments.
    ackBaseUrl: z.url().max(48).default('http://localhost:7007/api/paging'),
    /** On-site hours: the engineers are on site, nothing needs to wake anyone. */
    onSiteHours: z
      .strictObject({
        start: timeOfDay,
        end: timeOfDay,
        /** ISO weekdays, 1 = Monday. */
        weekdays: z
          .array(z.number().int().min(1).max(7))
          .default([1, 2, 3, 4, 5]),
      })
      .default({ start: '08:30', end: '18:00', weekdays: [1, 2, 3, 4, 5] }),
    rules: z.array(pagingRuleSchema).default(DEFAULT_RULES),
    /** Minutes without an acknowledgement before the next in the chain is paged. */
    escalationMinutes: z
      .strictObject({ L1: minutes, L2: minutes, L3: minutes, L4: minutes })
      .default({ L1: 10, L2: 15, L3: 30, L4: 60 }),
    /** Levels whose pages go through a person's quiet hours. */
    pierceQuietHours: z.array(z.enum(PAGE_LEVELS)).default(['L1', 'L2']),
    retry: z
      .strictObject({
        /** Attempts per channel before the next channel is tried. */
        attempts: z.number().int().min(1).max(10).default(3),
        /** The first wait; each further wait doubles. */
        backoffSeconds: z.number().int().min(1).max(3600).default(30),
      })
      .prefault({}),
    /** How long a replica holds a delivery it is sending before another may take it over. */
    leaseSeconds: z.number().int().min(5).max(3600).default(120),
    channels: channelsConfigSchema.prefault({}),
    /** Channels for people who chose none, in order; only configured ones are used. */
    defaultChannels: z
      .array(z.enum(PAGING_CHANNELS))
      .default(['wecomApp', 'dingtalkRobot', 'wecomRobot', 'sms', 'email']),
    /** The escalation chain while no duty roster is installed (entity refs: users or groups). */
    chain: z
      .strictObject({
        onCall: z.array(z.string().min(1)).default([]),
        opsManager: z
          .array(z.string().min(1))
          .default(['group:default/ops-managers']),
        courtItOffice: z
          .array(z.string().min(1))
          .default(['group:default/court-it-office']),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    if (config.enabled && !anyConfigured(config.channels)) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: 'paging is enabled but no channel is configured',
      });
    }
  });
export type PagingConfig = z.output<typeof pagingConfigSchema>;

function anyConfigured(channels: ChannelsConfig): boolean {
  return PAGING_CHANNELS.some(channel => channels[channel] !== undefined);
}

/** The configured channels among `wanted`, in that order. */
export function usableChannels(
  wanted: readonly PagingChannel[],
  channels: ChannelsConfig,
): PagingChannel[] {
  return [...new Set(wanted)].filter(
    channel => channels[channel] !== undefined,
  );
}

/** A person's own choice (user settings): channels in order, quiet hours. */
export const personalSettingsSchema = z.strictObject({
  channels: z
    .array(z.enum(PAGING_CHANNELS))
    .min(1)
    .refine(
      list => new Set(list).size === list.length,
      'lists a channel twice',
    ),
  quietHours: dailyWindowSchema.nullable().default(null),
});
export type PersonalSettings = z.output<typeof personalSettingsSchema>;
