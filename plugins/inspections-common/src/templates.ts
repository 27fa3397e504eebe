import { IMPACTS, URGENCIES } from '@internal/plugin-sla-common';
import { z } from 'zod';
import { multiLineText, singleLineText } from '@internal/plugin-court-common';

/**
 * Checklist templates: what an engineer checks on one kind of device (or
 * application), item by item. The backend loads them from YAML files and
 * versions them; a round keeps the version it was created with.
 */

/** How an item is answered. */
export const ITEM_KINDS = [
  /** A yes/no check: "all fans running". */
  'pass-fail',
  /** A number with a unit, optionally within limits: "battery 86 %". */
  'reading',
  /** One of a fixed list; some options count as a failure. */
  'choice',
  /** Free text, e.g. the firmware version seen. */
  'text',
  /** A note of what was seen or done, as evidence (photo number, log line). */
  'evidence',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Figures the monthly reports add up (INSP-3), named on the items that carry them. */
export const ITEM_STATS = ['virus-count', 'virus-handling'] as const;
export type ItemStat = (typeof ITEM_STATS)[number];

/** What an incident from a failed item looks like to the service desk (urgency × impact gives its level). */
export const incidentSettingsSchema = z.strictObject({
  urgency: z.enum(URGENCIES).default('medium'),
  impact: z.enum(IMPACTS).default('medium'),
});
export type IncidentSettings = z.output<typeof incidentSettingsSchema>;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. battery-charge')
  .max(64);

const itemBase = {
  id: slug,
  /** Chinese label, as the court reads it. */
  label: singleLineText().min(1),
  labelEn: singleLineText().min(1),
  hint: singleLineText().min(1).optional(),
  hintEn: singleLineText().min(1).optional(),
  /** Unanswered required items keep a device's check open. */
  required: z.boolean().optional(),
  incident: incidentSettingsSchema.optional(),
  stat: z.enum(ITEM_STATS).optional(),
};

const choiceOptionSchema = z.strictObject({
  value: slug,
  label: singleLineText().min(1),
  labelEn: singleLineText().min(1),
  /** Choosing it fails the item (and opens an incident). */
  fails: z.boolean().default(false),
});

export const checklistItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemBase, kind: z.literal('pass-fail') }),
  z
    .strictObject({
      ...itemBase,
      kind: z.literal('reading'),
      unit: singleLineText().min(1).max(16),
      /** Lowest acceptable reading, inclusive. */
      min: z.number().finite().optional(),
      /** Highest acceptable reading, inclusive. */
      max: z.number().finite().optional(),
    })
    .refine(i => i.min === undefined || i.max === undefined || i.min <= i.max, {
      path: ['max'],
      message: 'must not be below min',
    }),
  z.strictObject({
    ...itemBase,
    kind: z.literal('choice'),
    options: z
      .array(choiceOptionSchema)
      .min(2, 'needs at least two options')
      .refine(
        options => new Set(options.map(o => o.value)).size === options.length,
        'option values must be unique',
      ),
  }),
  z.strictObject({ ...itemBase, kind: z.literal('text') }),
  z.strictObject({ ...itemBase, kind: z.literal('evidence') }),
]);
export type ChecklistItem = z.output<typeof checklistItemSchema>;
export type ReadingItem = Extract<ChecklistItem, { kind: 'reading' }>;

/** A checklist template as written in its YAML file. */
export const checklistTemplateSchema = z
  .strictObject({
    id: slug,
    title: singleLineText().min(1),
    titleEn: singleLineText().min(1),
    description: multiLineText().optional(),
    /**
     * The inspection profiles it checks: device classes (`ups`), or
     * `application`. A device's profile is its `court-ops.io/inspection-profile`
     * annotation, else its class.
     */
    profiles: z.array(slug).min(1),
    items: z.array(checklistItemSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'id'],
          message: `duplicate item id ${item.id}`,
        });
      }
      seen.add(item.id);
    });
  });
export type ChecklistTemplateSource = z.input<typeof checklistTemplateSchema>;
export type ChecklistTemplate = z.output<typeof checklistTemplateSchema>;

/** A stored version of a template; rounds refer to `{ id, version }`. */
export type ChecklistTemplateVersion = ChecklistTemplate & {
  readonly version: number;
};

/** Text, evidence and items marked optional may stay empty; everything else is required. */
export function isRequired(item: ChecklistItem): boolean {
  return item.required ?? !(item.kind === 'text' || item.kind === 'evidence');
}

/** The inspection profile of application systems (Components), which have no device class. */
export const APPLICATION_PROFILE = 'application';
