import request from 'supertest';
import { Permission } from '@backstage/plugin-permission-common';
import { as } from '@internal/plugin-court-node/testUtils';
import {
  rowOf,
  TableRole,
} from '@internal/plugin-permission-backend-module-court';
import { Route } from './recordRoutes';
import {
  FRAMEWORK_ROUTES,
  ROUTE_EXPECTATIONS,
  RouteExpectation,
} from './routePermissions';

/** Does the role table let this role past a route that asks these permissions? */
export function tableLets(
  role: TableRole,
  expectation: RouteExpectation,
): boolean {
  if (expectation.guard === 'service') return false;
  const granted = (permission: Permission) => {
    const row = rowOf(permission);
    if (!row) {
      throw new Error(`${permission.name} is not in the court role table`);
    }
    const grant = row.grants[role];
    return expectation.unconditional ? grant === 'allow' : grant !== undefined;
  };
  return expectation.anyOf
    ? expectation.guard.some(granted)
    : expectation.guard.every(granted);
}

export function expectationOf(route: Route): RouteExpectation | undefined {
  const key = `${route.method} ${route.path}`;
  const local = route.path.slice(`/api/${route.pluginId}`.length);
  return (
    ROUTE_EXPECTATIONS[key] ?? FRAMEWORK_ROUTES[`${route.method} ${local}`]
  );
}

/** A concrete URL for a route: parameters name things that do not exist. */
export function urlOf(route: Route): string {
  const byName: Record<string, string> = {
    uid: '00000000-0000-4000-8000-000000000000',
    kind: route.path.includes('/v2/templates/') ? 'template' : 'component',
    namespace: 'default',
    name: 'no-such-thing',
    entityRef: 'resource:default/no-such-device',
    ref: route.path.includes('/changes/') ? 'CHG-2026-99999' : 'INC-2026-99999',
    taskId: '00000000-0000-4000-8000-000000000000',
    id: route.pluginId === 'kb' ? 'KB-99999' : '99999',
  };
  // A parameter may carry its own pattern (user settings' `:key(*)`): the value replaces both.
  return route.path.replace(
    /:(\w+)(\([^)]*\))?/g,
    (_, param: string) => byName[param] ?? 'none',
  );
}

export type Outcome = 'allowed' | 'denied' | 'refused' | 'error';

export async function call(
  server: unknown,
  route: Route,
  user: string,
  body: object = {},
): Promise<{ status: number; body: unknown }> {
  const url = urlOf(route);
  const method = route.method.toLowerCase() as
    | 'get'
    | 'post'
    | 'put'
    | 'patch'
    | 'delete';
  const req = request(server as Parameters<typeof request>[0])
    [method](url)
    .set('authorization', as(user))
    .timeout({ response: 5_000 });
  try {
    const res = ['post', 'put', 'patch'].includes(method)
      ? await req.send(body)
      : await req;
    return { status: res.status, body: res.body };
  } catch (e) {
    // An event stream that opened: the caller got past the gate.
    if ((e as { timeout?: number }).timeout)
      return { status: 200, body: undefined };
    throw e;
  }
}
