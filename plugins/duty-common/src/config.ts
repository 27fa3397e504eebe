import { z } from 'zod';
import { Info } from 'luxon';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeOfDay = z.string().regex(HH_MM, 'must be a time HH:mm');
const postId = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be a post id');

/** A duty post (岗位); `sharedWith` posts are covered by its shifts too (the desk covers hardware). */
export const postSchema = z.strictObject({
  id: postId,
  name: z.string().min(1).max(60),
  sharedWith: z.array(postId).default([]),
});

/** A resident engineer and the posts they may stand; everyone may do phone duty unless told. */
export const engineerSchema = z.strictObject({
  ref: z
    .string()
    .regex(/^user:[a-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must be a user entity ref'),
  posts: z.array(postId).min(1),
  phone: z.boolean().default(true),
});

/**
 * `duty` in app-config. The defaults are the contract's: on-site 07:30–18:30 every day,
 * phone duty 18:30–07:30, two people per post in on-site hours, the next shift no sooner than
 * 11 hours after a night of phone duty (so not the following day shift).
 */
export const dutyConfigSchema = z
  .strictObject({
    zone: z
      .string()
      .refine(zone => Info.isValidIANAZone(zone), 'is not a known time zone')
      .default('Asia/Shanghai'),
    posts: z
      .array(postSchema)
      .min(1)
      .default([
        { id: 'desk', name: '服务台（兼硬件）', sharedWith: ['hardware'] },
        { id: 'hardware', name: '硬件岗', sharedWith: [] },
        { id: 'software', name: '软件岗', sharedWith: [] },
      ]),
    onSite: z
      .strictObject({
        start: timeOfDay.default('07:30'),
        end: timeOfDay.default('18:30'),
        perPost: z.number().int().min(1).max(10).default(2),
      })
      .prefault({}),
    phone: z
      .strictObject({
        start: timeOfDay.default('18:30'),
        end: timeOfDay.default('07:30'),
      })
      .prefault({}),
    restHoursAfterPhone: z.number().min(0).max(24).default(11),
    /** A check-in later than this after the shift's start is late. */
    lateAfterMinutes: z.number().int().min(0).max(240).default(10),
    engineers: z.array(engineerSchema).default([]),
    /** What the duty room's QR code carries: a check-in with it was made in the room. */
    roomCode: z.string().min(4).max(100).default('court-duty-room'),
    /** Major-event assurance: tickets on a plan's scope during the event are at least this level. */
    majorEvents: z
      .strictObject({
        minimumLevel: z.enum(['L1', 'L2', 'L3', 'L4']).default('L2'),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    const ids = new Set(config.posts.map(p => p.id));
    config.posts.forEach((post, i) =>
      post.sharedWith.forEach((other, j) => {
        if (!ids.has(other) || other === post.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['posts', i, 'sharedWith', j],
            message: `is not another post (${[...ids].join(', ')})`,
          });
        }
      }),
    );
    config.engineers.forEach((engineer, i) =>
      engineer.posts.forEach((post, j) => {
        if (!ids.has(post)) {
          ctx.addIssue({
            code: 'custom',
            path: ['engineers', i, 'posts', j],
            message: `is not a post (${[...ids].join(', ')})`,
          });
        }
      }),
    );
    if (config.onSite.end <= config.onSite.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['onSite', 'end'],
        message: 'must be after onSite.start (the day shift ends the same day)',
      });
    }
    if (
      config.phone.start !== config.onSite.end ||
      config.phone.end !== config.onSite.start
    ) {
      // 7×24 (SLA-3): the night shift fills exactly the hours the day shift leaves.
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'must run from onSite.end to onSite.start the next morning',
      });
    }
  });

export type DutyConfig = z.output<typeof dutyConfigSchema>;
export type DutyPost = z.output<typeof postSchema>;
export type DutyEngineer = z.output<typeof engineerSchema>;

/** The defaults alone, for tests and for the frontend before the config arrives. */
export function defaultDutyConfig(
  overrides: z.input<typeof dutyConfigSchema> = {},
): DutyConfig {
  return dutyConfigSchema.parse(overrides);
}
/** On-site hours, local times of day (HH:mm): the rest of the day is phone duty. */
export type OnSiteHours = Pick<DutyConfig['onSite'], 'start' | 'end'>;
