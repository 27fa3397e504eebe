import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SYSTEM_FIELDS, systemOf } from '@internal/plugin-court-node';
import {
  DEVICE_ANNOTATIONS,
  isCourtDevice,
} from '@internal/plugin-court-common';
import {
  APPLICATION_PROFILE,
  PlanCandidate,
} from '@internal/plugin-inspections-common';

/** A device or application system as inspections see it. */
export interface InspectedEntity extends PlanCandidate {
  readonly name: string;
  readonly title: string;
  /** Device class, or `application`. */
  readonly deviceClass: string;
  /** Which checklist it takes: its inspection-profile annotation, else its class. */
  readonly profile: string;
  readonly location?: string;
  readonly assetTag?: string;
}

const FIELDS = [
  ...SYSTEM_FIELDS,
  'metadata.title',
  'metadata.annotations',
  'spec.type',
];

/** The entity as inspections see it; undefined for anything not inspected (a bucket, a website of another org). */
export function toInspected(entity: Entity): InspectedEntity | undefined {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const annotations = entity.metadata.annotations ?? {};
  const type =
    typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
  const common = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    type,
    systemRef: systemOf(entity),
  };
  if (kind === 'resource' && isCourtDevice(entity) && type) {
    return {
      ...common,
      kind,
      deviceClass: type,
      profile: annotations[DEVICE_ANNOTATIONS.inspectionProfile] ?? type,
      location: annotations[DEVICE_ANNOTATIONS.location],
      assetTag: annotations[DEVICE_ANNOTATIONS.assetTag],
    };
  }
  if (kind === 'component') {
    return {
      ...common,
      kind,
      deviceClass: APPLICATION_PROFILE,
      profile:
        annotations[DEVICE_ANNOTATIONS.inspectionProfile] ??
        APPLICATION_PROFILE,
    };
  }
  return undefined;
}

/**
 * Devices, applications and teams from the catalog, read with the plugin's
 * own credentials: the generator runs with no user behind it.
 */
export class DeviceDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Every court device and application system. */
  async list(): Promise<InspectedEntity[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: [{ kind: 'resource' }, { kind: 'component' }],
        fields: FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.flatMap(entity => toInspected(entity) ?? []);
  }

  async get(ref: string): Promise<InspectedEntity | undefined> {
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return entity ? toInspected(entity) : undefined;
  }

  async exists(ref: string): Promise<boolean> {
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return entity !== undefined;
  }

  /** User refs of a group's members, by name. */
  async members(groupRef: string): Promise<string[]> {
    const group = parseEntityRef(groupRef);
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'user' },
        fields: ['kind', 'metadata', 'spec.memberOf', 'relations'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const isMember = (user: Entity) =>
      user.relations?.some(
        r => r.type === RELATION_MEMBER_OF && r.targetRef === groupRef,
      ) ||
      // An unprocessed entity (the in-memory catalog of tests) has only spec.memberOf.
      ((user.spec?.memberOf as string[] | undefined) ?? []).some(
        m =>
          stringifyEntityRef(
            parseEntityRef(m, {
              defaultKind: 'group',
              defaultNamespace: group.namespace,
            }),
          ) === groupRef,
      );
    return items
      .filter(isMember)
      .map(u => stringifyEntityRef(u))
      .sort();
  }
}
