import type { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { COURT_ANNOTATION_PREFIX, DEVICE_ANNOTATIONS } from './annotations';
import { isDeviceClass, type DeviceClass } from './deviceClasses';
import type { LocationRegister } from './locations';

/** What a key parameter's value is, when the catalog says: free text unless stated. */
export const KEY_PARAMETER_TYPES = ['text', 'integer', 'number'] as const;
export type KeyParameterType = (typeof KEY_PARAMETER_TYPES)[number];

/** The catalog's rule for a key parameter's value: its type, its unit and, for numbers, its range. */
export interface KeyParameterRule {
  type?: KeyParameterType;
  /** Written after the value, e.g. `℃`, `A`; the value itself is the bare number. */
  unit?: string;
  min?: number;
  max?: number;
}

/** A key configuration parameter of a device (CAT-4): changing it needs an approved change. */
export interface KeyParameter extends KeyParameterRule {
  name: string;
  value: string;
  description?: string;
}

/** Why a value does not fit its parameter's rule; each layer words it for its reader. */
export type KeyParameterValueProblem =
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'range'; min?: number; max?: number };

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** What is wrong with `value` for a parameter with `rule`; undefined when it fits (text always does). */
export function keyParameterValueProblem(
  rule: KeyParameterRule,
  value: string,
): KeyParameterValueProblem | undefined {
  if (rule.type === undefined || rule.type === 'text') return undefined;
  const written = value.trim();
  if (!(rule.type === 'integer' ? INTEGER : DECIMAL).test(written)) {
    return { kind: rule.type };
  }
  const n = Number(written);
  if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
    return { kind: 'range', min: rule.min, max: rule.max };
  }
  return undefined;
}

/** A key parameter's value with its unit, as the court writes it (`28 ℃`). */
export function withUnit(value: string, unit: string | undefined): string {
  return unit ? `${value} ${unit}` : value;
}

/** A value problem in English, as the APIs and the catalog's processing errors say it. */
export function describeKeyParameterValueProblem(problem: KeyParameterValueProblem): string {
  if (problem.kind === 'integer') return 'must be a whole number';
  if (problem.kind === 'number') return 'must be a number';
  if (problem.min !== undefined && problem.max !== undefined) {
    return `must be from ${problem.min} to ${problem.max}`;
  }
  return problem.min !== undefined
    ? `must be at least ${problem.min}`
    : `must be at most ${problem.max}`;
}

export interface DeviceFacts {
  deviceClass: DeviceClass;
  assetTag: string;
  location: string;
  vendor: string;
  model: string;
  serial: string;
  /** ISO date (YYYY-MM-DD), the last day covered. */
  warrantyEnd?: string;
  ip?: string;
  inspectionProfile: string;
  keyParameters: KeyParameter[];
}

/** One thing wrong with a device's facts; `field` is the entity path a catalog editor would fix. */
export interface DeviceFactProblem {
  field: string;
  message: string;
}

export interface DeviceFactRules {
  register: LocationRegister;
  /** The court's asset-tag prefix, e.g. `YX` for tags like `YX-NET-0001`. */
  assetTagPrefix: string;
}

const annotationField = (key: string) => `metadata.annotations.${key}`;

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const MONITORING_ID = /^[A-Za-z0-9._:/-]{1,200}$/;

/** The ids of a `court-ops.io/monitoring-id` annotation. */
export function monitoringIdsOf(annotation: string | undefined): string[] {
  return (annotation ?? '')
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(value => DateTime.fromISO(value).isValid, 'is not a real calendar date');

const keyParametersSchema = z
  .array(
    z.object({
      name: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. mgmt-vlan'),
      value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
      description: z.string().optional(),
      type: z.enum(KEY_PARAMETER_TYPES).optional(),
      unit: z.string().trim().min(1).max(20).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
    }),
  )
  .superRefine((parameters, ctx) => {
    const seen = new Set<string>();
    parameters.forEach((parameter, index) => {
      const numeric = parameter.type === 'integer' || parameter.type === 'number';
      if (!numeric && (parameter.min !== undefined || parameter.max !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'type'],
          message: 'must be integer or number when min or max is given',
        });
      } else if (
        parameter.min !== undefined &&
        parameter.max !== undefined &&
        parameter.min > parameter.max
      ) {
        ctx.addIssue({ code: 'custom', path: [index, 'max'], message: 'must not be below min' });
      } else {
        // The catalog's own value obeys the rule it states, so the first change starts from a fit.
        const problem = keyParameterValueProblem(parameter, parameter.value);
        if (problem) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'value'],
            message: describeKeyParameterValueProblem(problem),
          });
        }
      }
      if (seen.has(parameter.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `duplicate parameter ${parameter.name}`,
        });
      }
      seen.add(parameter.name);
    });
  });

/**
 * A Resource is one of the court's devices when its type is a device class or it carries any
 * court annotation; such an entity must then have complete, well-formed facts.
 */
export function isCourtDevice(entity: Entity): boolean {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'resource') return false;
  const annotations = entity.metadata.annotations ?? {};
  return (
    isDeviceClass(entity.spec?.type) ||
    Object.keys(annotations).some(key => key.startsWith(COURT_ANNOTATION_PREFIX))
  );
}

export function validateDeviceFacts(
  entity: Entity,
  rules: DeviceFactRules,
): DeviceFactProblem[] {
  const problems: DeviceFactProblem[] = [];
  const annotations = entity.metadata.annotations ?? {};
  const check = (field: string, ok: boolean, message: string) => {
    if (!ok) problems.push({ field, message });
  };

  check(
    'spec.type',
    isDeviceClass(entity.spec?.type),
    `"${String(entity.spec?.type)}" is not a known device class`,
  );

  for (const name of ['assetTag', 'location', 'vendor', 'model', 'serial'] as const) {
    const key = DEVICE_ANNOTATIONS[name];
    check(annotationField(key), Boolean(annotations[key]?.trim()), 'is required for a device');
  }

  const assetTag = annotations[DEVICE_ANNOTATIONS.assetTag];
  if (assetTag) {
    const pattern = new RegExp(`^${rules.assetTagPrefix}-[A-Z]{2,4}-\\d{4}$`);
    check(
      annotationField(DEVICE_ANNOTATIONS.assetTag),
      pattern.test(assetTag),
      `"${assetTag}" must look like ${rules.assetTagPrefix}-NET-0001`,
    );
  }

  const location = annotations[DEVICE_ANNOTATIONS.location];
  if (location) {
    check(
      annotationField(DEVICE_ANNOTATIONS.location),
      rules.register.has(location),
      `"${location}" is not in the court's location register (courtOps.locations)`,
    );
  }

  const ip = annotations[DEVICE_ANNOTATIONS.ip];
  if (ip !== undefined) {
    check(
      annotationField(DEVICE_ANNOTATIONS.ip),
      z.ipv4().safeParse(ip).success,
      `"${ip}" is not a valid IPv4 address`,
    );
  }

  const hostname = annotations[DEVICE_ANNOTATIONS.hostname];
  if (hostname !== undefined) {
    check(
      annotationField(DEVICE_ANNOTATIONS.hostname),
      HOSTNAME.test(hostname) && hostname.length <= 253,
      `"${hostname}" is not a valid host name (letters, digits, hyphens, dots)`,
    );
  }

  const monitoringIds = annotations[DEVICE_ANNOTATIONS.monitoringId];
  if (monitoringIds !== undefined) {
    check(
      annotationField(DEVICE_ANNOTATIONS.monitoringId),
      monitoringIdsOf(monitoringIds).length > 0 &&
        monitoringIds.split(',').every(id => MONITORING_ID.test(id.trim())),
      `"${monitoringIds}" must be comma-separated ids of letters, digits and . _ : / -`,
    );
  }

  const warrantyEnd = annotations[DEVICE_ANNOTATIONS.warrantyEnd];
  if (warrantyEnd !== undefined) {
    const parsed = isoDate.safeParse(warrantyEnd);
    check(
      annotationField(DEVICE_ANNOTATIONS.warrantyEnd),
      parsed.success,
      `"${warrantyEnd}" ${parsed.error?.issues[0]?.message ?? ''}`.trim(),
    );
  }

  if (entity.spec?.keyParameters !== undefined) {
    const parsed = keyParametersSchema.safeParse(entity.spec.keyParameters);
    for (const issue of parsed.error?.issues ?? []) {
      const path = issue.path.map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
      problems.push({ field: `spec.keyParameters${path.join('')}`, message: issue.message });
    }
  }

  return problems;
}

/** A device's key parameters with their value rules; none when the catalog entry's are malformed. */
export function readKeyParameters(entity: Entity): KeyParameter[] {
  const parsed = keyParametersSchema.safeParse(entity.spec?.keyParameters ?? []);
  return parsed.success ? parsed.data : [];
}

/** Reads the facts of a device for display; undefined when the entity is not a valid device. */
export function readDeviceFacts(entity: Entity): DeviceFacts | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const deviceClass = entity.spec?.type;
  if (!isDeviceClass(deviceClass)) return undefined;
  return {
    deviceClass,
    assetTag: annotations[DEVICE_ANNOTATIONS.assetTag] ?? '',
    location: annotations[DEVICE_ANNOTATIONS.location] ?? '',
    vendor: annotations[DEVICE_ANNOTATIONS.vendor] ?? '',
    model: annotations[DEVICE_ANNOTATIONS.model] ?? '',
    serial: annotations[DEVICE_ANNOTATIONS.serial] ?? '',
    warrantyEnd: annotations[DEVICE_ANNOTATIONS.warrantyEnd],
    ip: annotations[DEVICE_ANNOTATIONS.ip],
    inspectionProfile: annotations[DEVICE_ANNOTATIONS.inspectionProfile] ?? deviceClass,
    keyParameters: readKeyParameters(entity),
  };
}
