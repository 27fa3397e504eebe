import {
  AuthService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  isGroupEntity,
  isUserEntity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  NotificationRecipientResolver,
  notificationsProcessingExtensionPoint,
} from '@backstage/plugin-notifications-node';
import { ExpiringEntries } from '@internal/plugin-court-node';

/** What one entity stands for among a notification's recipients. */
interface Expansion {
  /** Users it names: itself, or a group's direct members. */
  readonly users: readonly string[];
  /** Entities to expand in turn: a group's child groups, or another entity's owner. */
  readonly next: readonly string[];
}

const NOBODY: Expansion = { users: [], next: [] };

/** How long an entity's expansion is kept: a change to a group reaches notifications within it. */
export const RECIPIENTS_KEPT_MS = 60_000;

const isUserRef = (ref: string) =>
  parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'user';

function expansionOf(entity: Entity): Expansion {
  if (isUserEntity(entity)) {
    return { users: [stringifyEntityRef(entity)], next: [] };
  }
  const related = (type: string) =>
    (entity.relations ?? [])
      .filter(relation => relation.type === type)
      .map(relation => relation.targetRef);
  if (isGroupEntity(entity)) {
    return {
      users: related(RELATION_HAS_MEMBER).filter(isUserRef),
      next: related(RELATION_PARENT_OF),
    };
  }
  return { users: [], next: related(RELATION_OWNED_BY).slice(0, 1) };
}

/**
 * The users a notification to entities reaches, as Backstage's default resolver finds them (a
 * user is itself, a group its members and its child groups' members, any other entity its
 * owner), with each entity's expansion kept for a minute. The default asks the catalog on every
 * notification, twice for a team with sub-groups: each new ticket's notification to the on-site
 * team was two catalog requests while the desk filed (docs/operations.md).
 */
export class CachingRecipientResolver implements NotificationRecipientResolver {
  private readonly kept: ExpiringEntries<Expansion>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      /** The wall clock unless a test gives one. */
      now?: () => number;
    },
  ) {
    this.kept = new ExpiringEntries<Expansion>(10_000, deps.now);
  }

  async resolveNotificationRecipients(options: {
    entityRefs: string[];
    excludedEntityRefs?: string[];
  }): Promise<{ userEntityRefs: string[] }> {
    const excluded = new Set(options.excludedEntityRefs ?? []);
    const users = new Set<string>();
    const seen = new Set(options.entityRefs);
    let todo = [...seen];
    while (todo.length > 0) {
      const expand = todo.filter(ref => !isUserRef(ref) && !excluded.has(ref));
      for (const ref of todo) if (isUserRef(ref)) users.add(ref);
      todo = [];
      for (const { users: named, next } of await this.expansions(expand)) {
        named.forEach(user => users.add(user));
        for (const ref of next) {
          if (!seen.has(ref)) {
            seen.add(ref);
            todo.push(ref);
          }
        }
      }
    }
    return { userEntityRefs: [...users].filter(ref => !excluded.has(ref)) };
  }

  /** Each ref's expansion, from the catalog (one request) for those not kept. */
  private async expansions(refs: readonly string[]): Promise<Expansion[]> {
    const { found, missing } = this.kept.split(refs);
    if (missing.length > 0) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: missing,
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      const until = (this.deps.now ?? Date.now)() + RECIPIENTS_KEPT_MS;
      missing.forEach((ref, i) => {
        const entity = items[i];
        const expansion = entity ? expansionOf(entity) : NOBODY;
        found.set(ref, expansion);
        // One that reaches nobody is asked for again next time: on a first start the catalog
        // may not yet have the team or its members, and a minute of silence would follow.
        if (expansion.users.length > 0 || expansion.next.length > 0) {
          this.kept.set(ref, expansion, until);
        }
      });
    }
    return refs.map(ref => found.get(ref)!);
  }
}

/** The notifications backend resolving recipients through the cache above. */
export const courtNotificationRecipientsModule = createBackendModule({
  pluginId: 'notifications',
  moduleId: 'court-recipients',
  register(env) {
    env.registerInit({
      deps: {
        processing: notificationsProcessingExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ processing, catalog, auth }) {
        processing.setNotificationRecipientResolver(
          new CachingRecipientResolver({ catalog, auth }),
        );
      },
    });
  },
});
