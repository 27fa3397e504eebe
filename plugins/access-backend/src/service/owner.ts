/**
 * The full ref of an entity's `spec.owner` (`xuli` is a Group by default, as
 * the catalog reads it; `user:xuli` a User), in the entity's namespace.
 */
export function ownerRefOf(
  owner: unknown,
  namespace = 'default',
): string | undefined {
  if (typeof owner !== 'string' || owner.trim() === '') return undefined;
  const [kind, rest] = owner.includes(':')
    ? [owner.slice(0, owner.indexOf(':')), owner.slice(owner.indexOf(':') + 1)]
    : ['group', owner];
  const [ns, name] = rest.includes('/')
    ? [rest.slice(0, rest.indexOf('/')), rest.slice(rest.indexOf('/') + 1)]
    : [namespace, rest];
  return `${kind.toLocaleLowerCase('en-US')}:${ns.toLocaleLowerCase(
    'en-US',
  )}/${name.toLocaleLowerCase('en-US')}`;
}
