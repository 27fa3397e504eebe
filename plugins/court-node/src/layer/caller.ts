import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';

/** Who is asking: a signed-in user, or another plugin with service credentials. */
export type Caller = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/**
 * The name a change is recorded under: the user's entity ref, or the
 * service's subject as Backstage gives it (already `plugin:<id>`).
 */
export function actorOf(caller: Caller): string {
  return caller.principal.type === 'user'
    ? caller.principal.userEntityRef
    : caller.principal.subject;
}
