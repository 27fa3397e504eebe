import type { BasicPermission } from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';
import type { ReactNode } from 'react';

/**
 * Renders its children only once the caller is known to hold the permission: nothing while the
 * answer loads (usePermission reports "not allowed" then) and nothing if it is denied. For
 * navigation entries, home cards and tabs a role cannot use. The backend enforces regardless.
 * Basic permissions only: the permission backend refuses a browser's resource permission asked
 * without a resource.
 */
export function PermittedOnly(props: {
  permission: BasicPermission;
  children: ReactNode;
}) {
  const { loading, allowed } = usePermission({ permission: props.permission });
  if (loading || !allowed) return null;
  return <>{props.children}</>;
}
