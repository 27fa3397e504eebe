import { ExpiringEntries } from './ExpiringEntries';

describe('ExpiringEntries', () => {
  let now = 0;
  const entries = () => new ExpiringEntries<string>(3, () => now);

  beforeEach(() => {
    now = 1_000;
  });

  it('keeps a value until its expiry, and until a margin before it when asked so', () => {
    const kept = entries();
    kept.set('group:default/onsite', 'members', 2_000);

    now = 1_999;
    expect(kept.get('group:default/onsite')).toBe('members');
    expect(kept.get('group:default/onsite', 5)).toBeUndefined();
    // Asked with a margin and past it, the entry is forgotten.
    expect(kept.get('group:default/onsite')).toBeUndefined();
    kept.set('group:default/onsite', 'members', 2_000);
    now = 2_000;
    expect(kept.get('group:default/onsite')).toBeUndefined();
  });

  it('forgets the oldest entry at the bound', () => {
    const kept = entries();
    for (const key of ['a', 'b', 'c', 'd']) kept.set(key, key, 9_000);

    expect(['a', 'b', 'c', 'd'].map(key => kept.get(key))).toEqual([
      undefined,
      'b',
      'c',
      'd',
    ]);
  });

  it('splits keys into the values kept and the keys missing, each key once', () => {
    const kept = entries();
    kept.set('a', 'A', 2_000);
    kept.set('b', 'B', 1_500);

    now = 1_600;
    const { found, missing } = kept.split(['a', 'b', 'c', 'a']);

    expect(Object.fromEntries(found)).toEqual({ a: 'A' });
    expect(missing).toEqual(['b', 'c']);
    // What was found stays in hand though the entry expires meanwhile.
    now = 5_000;
    expect(found.get('a')).toBe('A');
  });
});
