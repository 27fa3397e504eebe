import { useApi } from '@backstage/frontend-plugin-api';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import useAsync from 'react-use/esm/useAsync';

/** A choice the caller gets when it holds every one of `permissions`. */
export interface PermittedChoice<K extends string> {
  readonly key: K;
  readonly permissions: readonly BasicPermission[];
}

/**
 * The first of `choices` whose permissions the caller all holds: how a page tells roles apart
 * without knowing the role table (the home page by role). `key` is undefined while the answers
 * load and when no choice fits. `choices` should be a constant: it is asked once.
 */
export function useFirstPermitted<K extends string>(
  choices: ReadonlyArray<PermittedChoice<K>>,
): { loading: boolean; key?: K } {
  const permissionApi = useApi(permissionApiRef);
  const answer = useAsync(async () => {
    const permissions = [
      ...new Map(
        choices.flatMap(c => c.permissions).map(p => [p.name, p]),
      ).values(),
    ];
    const results = await Promise.all(
      permissions.map(permission => permissionApi.authorize({ permission })),
    );
    const allowed = new Set(
      permissions
        .filter((_, i) => results[i].result === AuthorizeResult.ALLOW)
        .map(p => p.name),
    );
    return choices.find(c => c.permissions.every(p => allowed.has(p.name)))
      ?.key;
  }, [permissionApi, choices]);
  return { loading: answer.loading, key: answer.value };
}
