import { z } from 'zod';
import {
  singleLineString,
  singleLineText,
} from '@internal/plugin-court-common';
import { FREQUENCIES } from './schedule';

/**
 * An inspection plan: which devices, which checklist, how often, on which
 * calendar, and which team walks the rounds.
 */

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be kebab-case, e.g. machine-room-daily',
  )
  .max(64);

const refOf = (kinds: string) =>
  singleLineText()
    .toLowerCase()
    .regex(
      new RegExp(`^(${kinds}):[a-z0-9._-]+/[a-z0-9._-]+$`),
      `must be an entity ref such as ${kinds.split('|')[0]}:default/name`,
    );

/** Entity refs of the kinds inspections deal with, lower case with namespace. */
export const deviceRefSchema = refOf('resource|component');
export const systemRefSchema = refOf('system');
export const groupRefSchema = refOf('group');
export const userRefSchema = refOf('user');

export const planDevicesSchema = z
  .strictObject({
    /** Devices (Resources) or application systems (Components). */
    kind: z.enum(['resource', 'component']).default('resource'),
    /** Device classes (`spec.type`); for components, component types. */
    classes: z.array(slug).optional(),
    /** Only these systems. */
    systems: z.array(systemRefSchema).optional(),
    /** Only these entities. */
    entities: z.array(deviceRefSchema).optional(),
  })
  .refine(d => d.classes ?? d.systems ?? d.entities, {
    message: 'name classes, systems or entities',
  });

export const planSchema = z.strictObject({
  id: slug,
  title: singleLineText().min(1).max(200),
  titleEn: singleLineText().min(1).max(200).optional(),
  devices: planDevicesSchema,
  /** A template id; without it each device's inspection profile picks one. */
  template: slug.optional(),
  frequency: z.enum(FREQUENCIES),
  /** A calendar of the SLA engine. */
  calendar: singleLineString().min(1).default('working-days'),
  /** The group whose members walk the rounds (round robin until the duty roster). */
  team: groupRefSchema,
  startsOn: z.iso.date().optional(),
  active: z.boolean().default(true),
});
export type PlanInput = z.input<typeof planSchema>;
export type Plan = z.output<typeof planSchema>;

/** A device or application as plans select it. */
export interface PlanCandidate {
  readonly ref: string;
  readonly kind: 'resource' | 'component';
  /** Device class or component type. */
  readonly type?: string;
  readonly systemRef?: string;
}

/** Whether a plan covers an entity. */
export function planCovers(plan: Plan, candidate: PlanCandidate): boolean {
  const { kind, classes, systems, entities } = plan.devices;
  return (
    candidate.kind === kind &&
    (!classes || (!!candidate.type && classes.includes(candidate.type))) &&
    (!systems ||
      (!!candidate.systemRef && systems.includes(candidate.systemRef))) &&
    (!entities || entities.includes(candidate.ref))
  );
}
