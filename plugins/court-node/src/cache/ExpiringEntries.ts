/**
 * A bounded map of values that each expire at their own instant: the backend's caches of plugin
 * tokens, permission decisions and notification recipients, and the tickets' catalog lookups. At
 * the bound the oldest entry is forgotten first (a Map keeps insertion order); an expired entry
 * is forgotten when it is next asked for.
 *
 * `now` is the wall clock unless one is given: tokens expire by the process's wall clock, which
 * the libraries that check them read; a plugin's own lookups may go by the court clock.
 */
export class ExpiringEntries<T> {
  private readonly entries = new Map<
    string,
    { value: T; expiresAtMs: number }
  >();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value while `now` is more than `marginMs` before its expiry. */
  get(key: string, marginMs = 0): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs - this.now() > marginMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * The values of `keys` that are kept, and the keys that are not: read once, so a value found
   * here stays usable while the missing ones are fetched, however long that takes.
   */
  split(keys: Iterable<string>): {
    found: Map<string, T>;
    missing: string[];
  } {
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const value = this.get(key);
      if (value === undefined) missing.push(key);
      else found.set(key, value);
    }
    return { found, missing };
  }

  set(key: string, value: T, expiresAtMs: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { value, expiresAtMs });
  }
}
