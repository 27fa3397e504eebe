import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PagingChannel } from '@internal/plugin-paging-common';

/** Catalog User annotations with a person's paging addresses (docs/catalog-model.md). */
export const MOBILE_ANNOTATION = 'court-ops.io/mobile';
export const WECOM_ID_ANNOTATION = 'court-ops.io/wecom-id';

/** A person and where each channel reaches them. */
export interface Reachable {
  readonly userRef: string;
  readonly addresses: Partial<Record<PagingChannel, string>>;
}

type CatalogEntity = Awaited<
  ReturnType<CatalogService['getEntitiesByRefs']>
>['items'][number];

function refOf(entity: NonNullable<CatalogEntity>): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

function addressesOf(
  entity: NonNullable<CatalogEntity>,
): Reachable['addresses'] {
  const annotations = entity.metadata.annotations ?? {};
  const mobile = annotations[MOBILE_ANNOTATION];
  const wecomId = annotations[WECOM_ID_ANNOTATION];
  const profile = (entity.spec?.profile ?? {}) as { email?: string };
  return {
    ...(wecomId && { wecomApp: wecomId }),
    ...(mobile && { wecomRobot: mobile, dingtalkRobot: mobile, sms: mobile }),
    ...(profile.email && { email: profile.email }),
  };
}

/** The people behind a tier's entity refs, read from the catalog with the plugin's own credentials. */
export class Directory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Users as themselves, groups as their direct members; each person once, in order. */
  async people(refs: readonly string[]): Promise<Reachable[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [...refs] },
      { credentials },
    );
    const userRefs: string[] = [];
    for (const entity of items) {
      if (!entity) continue;
      if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
        for (const relation of entity.relations ?? []) {
          if (relation.type === 'hasMember') userRefs.push(relation.targetRef);
        }
      } else if (entity.kind.toLocaleLowerCase('en-US') === 'user') {
        userRefs.push(refOf(entity));
      }
    }
    const unique = [...new Set(userRefs)];
    if (unique.length === 0) return [];
    const users = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique },
      { credentials },
    );
    return users.items.flatMap(user =>
      user ? [{ userRef: refOf(user), addresses: addressesOf(user) }] : [],
    );
  }
}
